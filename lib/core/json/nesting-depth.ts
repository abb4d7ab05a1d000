// Deeply nested JSON is cheap to send and expensive to handle: JSON.parse copes, but JSON.stringify, zod and
// every recursive walk after it overflow the stack (a 5 MB line of "[" nests 2.5 million deep). Uploads are checked
// with this linear scan before they are parsed.

export const MAX_JSON_DEPTH = 64;

/** Whether JSON text opens arrays or objects more than `max` deep (brackets inside strings do not count). */
export function jsonNestsDeeperThan(text: string, max: number = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c) i++; // backslash: skip the escaped character
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x5b || ch === 0x7b) {
      if (++depth > max) return true;
    } else if (ch === 0x5d || ch === 0x7d) depth--;
  }
  return false;
}
