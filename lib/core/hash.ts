// A fast, stable, non-cryptographic string hash for the offline models' deterministic choices and the optimizer's
// candidate ids: FNV-1a over the text's UTF-16 code units, then MurmurHash3's finaliser so that texts differing in
// their last character still spread over the whole range. Never for secrets or anything an attacker may collide.

/** 32 bits of `text`; another `seed` gives an independent-looking hash of the same text. */
export function hash32(text: string, seed = 0): number {
  let value = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    value ^= text.charCodeAt(i);
    value = Math.imul(value, 0x01000193);
  }
  value ^= value >>> 16;
  value = Math.imul(value, 0x85ebca6b);
  value ^= value >>> 13;
  value = Math.imul(value, 0xc2b2ae35);
  value ^= value >>> 16;
  return value >>> 0;
}

/** `text` hashed to a number in [0, 1). */
export function unitHash(text: string): number {
  return hash32(text) / 4294967296;
}

/** `hash32` as 8 hex digits. */
export function hashHex(text: string, seed = 0): string {
  return hash32(text, seed).toString(16).padStart(8, "0");
}
