import "server-only";
import { clearLoginFailures, normaliseEmail, readLoginAttempts, recordLoginFailure } from "./queries";

// Failed sign-ins are counted per account and per client address in a fixed window. Unknown emails are
// counted like real ones, so the limiter's answers reveal nothing about which accounts exist.

export const SIGN_IN_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 30;

const accountKey = (email: string) => `account:${normaliseEmail(email)}`;
const addressKey = (address: string) => `ip:${address}`;

export interface SignInVerdict {
  allowed: boolean;
  retryAfterSeconds: number;
}

export function checkSignInAllowed({ email, address, now = new Date() }: { email: string; address: string; now?: Date }): SignInVerdict {
  const limits = [MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS];
  const attempts = readLoginAttempts({ keys: [accountKey(email), addressKey(address)] });
  let retryAfterMs = 0;
  attempts.forEach((attempt, i) => {
    if (!attempt) return;
    const remaining = attempt.windowStartedAt.getTime() + SIGN_IN_WINDOW_MS - now.getTime();
    if (remaining > 0 && attempt.failures >= limits[i]!) retryAfterMs = Math.max(retryAfterMs, remaining);
  });
  return { allowed: retryAfterMs === 0, retryAfterSeconds: Math.ceil(retryAfterMs / 1000) };
}

export function noteSignInFailure({ email, address, now = new Date() }: { email: string; address: string; now?: Date }) {
  recordLoginFailure({ key: accountKey(email), now, windowMs: SIGN_IN_WINDOW_MS });
  recordLoginFailure({ key: addressKey(address), now, windowMs: SIGN_IN_WINDOW_MS });
}

/** A success clears the account's count; the address keeps its count so one good login can't launder many bad ones. */
export function noteSignInSuccess({ email }: { email: string }) {
  clearLoginFailures({ key: accountKey(email) });
}

/** The client address as the proxy in front of us reports it (Next's own server sets x-forwarded-for). */
export function clientAddress(headers: Headers | Record<string, string | string[] | undefined>): string {
  const get = (name: string) =>
    headers instanceof Headers ? headers.get(name) : ([] as (string | undefined)[]).concat(headers[name])[0];
  return get("x-forwarded-for")?.split(",")[0]?.trim() || get("x-real-ip") || "unknown";
}
