import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

// Deliberately free of studio imports: receivers may copy verifyWebhookSignature() as it is.
//
// Header: `X-PromptOps-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`.
// The timestamp is signed with the body, so a captured request can't be replayed after the tolerance.

export const SIGNATURE_HEADER = "X-PromptOps-Signature";
export const EVENT_HEADER = "X-PromptOps-Event";
export const DELIVERY_HEADER = "X-PromptOps-Delivery";

const SECRET_PREFIX = "whsec_";

export function generateWebhookSecret(): string {
  return SECRET_PREFIX + randomBytes(24).toString("base64url");
}

function hmacHex(secret: string, timestamp: number, body: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${body}`, "utf8").digest("hex");
}

/** The value of the signature header for this body, signed at `timestamp` (unix seconds). */
export function signWebhookBody({ secret, body, timestamp }: { secret: string; body: string; timestamp: number }): string {
  return `t=${timestamp},v1=${hmacHex(secret, timestamp, body)}`;
}

/**
 * True when `header` carries a v1 signature of `body` made with `secret` within `toleranceSeconds` of now.
 * Pass the raw request body exactly as received: re-serialised JSON will not match.
 */
export function verifyWebhookSignature({
  secret,
  header,
  body,
  toleranceSeconds = 300,
  now = Date.now(),
}: {
  secret: string;
  header: string | null | undefined;
  body: string;
  toleranceSeconds?: number;
  /** Milliseconds since the epoch; for tests. */
  now?: number;
}): boolean {
  if (!header) return false;
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(",")) {
    const [key, value] = part.trim().split("=", 2);
    if (key === "t" && value && /^\d+$/.test(value)) timestamp = Number(value);
    if (key === "v1" && value) signatures.push(value);
  }
  if (timestamp === null || signatures.length === 0) return false;
  if (Math.abs(now / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(hmacHex(secret, timestamp, body), "hex");
  return signatures.some((signature) => {
    const given = Buffer.from(signature, "hex");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
