import "server-only";
import { normaliseEmail, readLoginAttempts, refundLoginAttempt, reserveLoginAttempt, clearLoginFailures } from "./queries";

// Sign-in attempts are counted per account and per client address in a fixed window. An attempt is counted
// before its password is checked, in one IMMEDIATE transaction, so parallel guesses cannot all slip in under the
// limit; a success clears the account's count and gives the address its attempt back. Unknown emails are counted
// like real ones, so the limiter's answers reveal nothing about which accounts exist.

export const SIGN_IN_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 30;

export const accountKey = (email: string) => `account:${normaliseEmail(email)}`;
export const addressKey = (address: string) => `ip:${address}`;

export interface SignInVerdict {
  allowed: boolean;
  retryAfterSeconds: number;
}

/** Null address: the socket address is unknown (see client-address.ts), so only the account is counted. */
function limitsFor(email: string, address: string | null) {
  const limits = [{ key: accountKey(email), max: MAX_FAILURES_PER_ACCOUNT }];
  if (address) limits.push({ key: addressKey(address), max: MAX_FAILURES_PER_ADDRESS });
  return limits;
}

/**
 * Takes one attempt from the account's and the address's allowance before the password is checked. Refused (and
 * nothing counted) once either has used its allowance in the current window.
 */
export async function reserveSignInAttempt({ email, address, now = new Date() }: { email: string; address: string | null; now?: Date }): Promise<SignInVerdict> {
  const result = await reserveLoginAttempt({ limits: limitsFor(email, address), now, windowMs: SIGN_IN_WINDOW_MS });
  return { allowed: result.allowed, retryAfterSeconds: Math.ceil(result.retryAfterMs / 1000) };
}

/** Read-only: whether an attempt would be refused now. */
export async function checkSignInAllowed({ email, address, now = new Date() }: { email: string; address: string | null; now?: Date }): Promise<SignInVerdict> {
  const limits = limitsFor(email, address);
  const attempts = await readLoginAttempts({ keys: limits.map((l) => l.key) });
  let retryAfterMs = 0;
  attempts.forEach((attempt, i) => {
    if (!attempt) return;
    const remaining = attempt.windowStartedAt.getTime() + SIGN_IN_WINDOW_MS - now.getTime();
    if (remaining > 0 && attempt.failures >= limits[i]!.max) retryAfterMs = Math.max(retryAfterMs, remaining);
  });
  return { allowed: retryAfterMs === 0, retryAfterSeconds: Math.ceil(retryAfterMs / 1000) };
}

/** A success clears the account's count; the address only gets this attempt back, so one good login can't launder many bad ones. */
export async function noteSignInSuccess({ email, address }: { email: string; address: string | null }): Promise<void> {
  await clearLoginFailures({ key: accountKey(email) });
  if (address) await refundLoginAttempt({ key: addressKey(address) });
}

export type GuardedCheck = { limited: true; retryAfterSeconds: number } | { limited: false; valid: boolean };

/**
 * Every password check of an account goes through here (sign-in, changing one's password): an attempt is reserved
 * first, and only then is `verify` (argon2) run; a success clears the account's count.
 */
export async function checkPasswordWithinLimit({
  email,
  address,
  verify,
}: {
  email: string;
  address: string | null;
  verify: () => Promise<boolean>;
}): Promise<GuardedCheck> {
  const verdict = await reserveSignInAttempt({ email, address });
  if (!verdict.allowed) return { limited: true, retryAfterSeconds: verdict.retryAfterSeconds };
  const valid = await verify();
  if (valid) await noteSignInSuccess({ email, address });
  return { limited: false, valid };
}
