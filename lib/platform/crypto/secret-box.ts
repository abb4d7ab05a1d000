import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

// AES-256-GCM with a fresh 96-bit nonce per message. Format: "v1.<nonce>.<tag>.<ciphertext>", base64url parts,
// so a future key rotation can add "v2" and still read old rows.

const VERSION = "v1";

export function parseKey(key: string): Buffer {
  const bytes = /^[0-9a-fA-F]{64}$/.test(key) ? Buffer.from(key, "hex") : Buffer.from(key, "base64");
  if (bytes.length !== 32) throw new Error("The encryption key must be 32 bytes.");
  return bytes;
}

export function encryptSecret({ plaintext, key }: { plaintext: string; key: string }): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", parseKey(key), nonce);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, nonce, tag, ciphertext].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

export function decryptSecret({ sealed, key }: { sealed: string; key: string }): string {
  const [version, nonce, tag, ciphertext] = sealed.split(".");
  if (version !== VERSION || !nonce || !tag || ciphertext === undefined) {
    throw new Error("Unrecognised secret format.");
  }
  const decipher = createDecipheriv("aes-256-gcm", parseKey(key), Buffer.from(nonce, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
}

/** What a browser may see of a stored key: enough to recognise it, never enough to use it. */
export function maskSecret(secret: string): string {
  return secret.length <= 8 ? "••••" : `${secret.slice(0, 3)}…${secret.slice(-4)}`;
}
