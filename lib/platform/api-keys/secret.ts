import { hash, randomBytes } from "node:crypto";

// Keys look like "pos_<43 base64url chars>" (256 random bits). Only the SHA-256 is stored: a slow hash buys
// nothing against a 256-bit secret and would cost every API request.

const PREFIX = "pos_";

export function generateApiKeySecret(): string {
  return PREFIX + randomBytes(32).toString("base64url");
}

/** One-shot crypto.hash: a third of createHash's cost for a short input, and every API request pays it. */
export function hashApiKeySecret(secret: string): string {
  return hash("sha256", secret, "hex");
}

/** What lists show to recognise a key without revealing it. */
export function displayPrefix(secret: string): string {
  return secret.slice(0, PREFIX.length + 6);
}

export function looksLikeApiKey(value: string): boolean {
  return value.startsWith(PREFIX) && value.length >= PREFIX.length + 20 && value.length <= 200;
}
