import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import type { User } from "next-auth";
import { z } from "zod";
import { logger } from "@/lib/platform/logger";
import { clientAddress } from "./client-address";
import { burnPasswordCheck, verifyPassword } from "./password";
import { createSession, findUserByEmail, listActiveMemberships } from "./queries";
import type { SignInErrorCode } from "@/lib/core/vocabulary/sign-in-errors";
import { checkPasswordWithinLimit } from "./sign-in-guard";

export const SESSION_TTL_MS = 30 * 24 * 60 * 60_000;

const credentialsSchema = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1024),
});

type RequestHeaders = Record<string, string | string[] | undefined>;

/** What a wrapped sign-in learned that next-auth's answer cannot carry: how long the limit asks the caller to wait. */
export interface SignInReport {
  retryAfterSeconds?: number;
}
const reports = new AsyncLocalStorage<SignInReport>();

export async function withSignInReport(run: () => Promise<Response>): Promise<{ response: Response; report: SignInReport }> {
  const report: SignInReport = {};
  const response = await reports.run(report, run);
  return { response, report };
}

/**
 * The credentials provider's authorize, and so the one place every sign-in reaches a password check, whatever the
 * body's content type: the rate limit is enforced here, an attempt reserved before argon2 runs.
 */
export async function authorizeCredentials(raw: unknown, { headers }: { headers?: RequestHeaders }): Promise<User | null> {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const address = clientAddress(headers ?? {});
  const user = await findUserByEmail({ email });
  const check = await checkPasswordWithinLimit({
    email,
    address,
    // Unknown emails cost a real argon2 verification too, so timing does not reveal which accounts exist.
    verify: async () => (user ? verifyPassword({ hash: user.passwordHash, password }) : (await burnPasswordCheck(password), false)),
  });
  if (check.limited) {
    const report = reports.getStore();
    if (report) report.retryAfterSeconds = check.retryAfterSeconds;
    logger.warn({ event: "sign_in_rate_limited", address }, "sign-in rate limited");
    throw new Error("RateLimited" satisfies SignInErrorCode);
  }
  if (!user || !check.valid) {
    logger.info({ event: "sign_in_failed" }, "sign-in failed");
    return null;
  }
  if (user.disabledAt || (await listActiveMemberships({ userId: user.id })).length === 0) {
    throw new Error("AccountDisabled" satisfies SignInErrorCode);
  }
  const userAgent = ([] as (string | undefined)[]).concat(headers?.["user-agent"])[0];
  const session = await createSession({ userId: user.id, userAgent, ttlMs: SESSION_TTL_MS });
  logger.info({ event: "sign_in", userId: user.id }, "signed in");
  return { id: user.id, email: user.email, name: user.name, sid: session.id };
}
