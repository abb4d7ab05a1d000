import "server-only";
import { z } from "zod";
import { getDb } from "@/db";
import { transaction } from "@/db/transaction";
import type { AuthContext } from "@/lib/platform/auth/context";
import { hashPassword, verifyPassword } from "@/lib/platform/auth/password";
import { revokeUserSessions, updatePasswordHash } from "@/lib/platform/auth/queries";
import { checkPasswordWithinLimit } from "@/lib/platform/auth/sign-in-guard";
import { findUserById } from "@/lib/platform/members/queries";
import { recordAudit } from "@/lib/platform/audit/record";
import { AppError } from "@/lib/core/errors";
import { passwordSchema } from "@/lib/platform/members/schemas";

export const changePasswordSchema = z
  .object({ currentPassword: z.string().min(1, "Enter your current password.").max(1024), newPassword: passwordSchema })
  .refine((v) => v.currentPassword !== v.newPassword, { path: ["newPassword"], message: "Choose a password different from the current one." });

/**
 * Checks the current password (wrong guesses count against the sign-in limit, so a stolen session cannot
 * brute-force it), stores the new hash, and signs out every other session of the account.
 */
export async function changePassword(ctx: AuthContext, input: z.infer<typeof changePasswordSchema>, address: string | null) {
  const user = await findUserById(getDb(), { userId: ctx.user.id });
  if (!user) throw new AppError("not_found:auth", "Your account no longer exists.");
  const check = await checkPasswordWithinLimit({
    email: user.email,
    address,
    verify: () => verifyPassword({ hash: user.passwordHash, password: input.currentPassword }),
  });
  if (check.limited) {
    throw new AppError("rate_limited:auth", "Too many wrong passwords. Wait a few minutes and try again.", {
      details: { retryAfterSeconds: check.retryAfterSeconds },
    });
  }
  if (!check.valid) throw new AppError("bad_request:auth", "Your current password is not right.");
  const passwordHash = await hashPassword(input.newPassword);
  await transaction(async (tx) => {
    await updatePasswordHash(tx, { userId: user.id, passwordHash });
    const revoked = await revokeUserSessions(tx, { userId: user.id, exceptSessionId: ctx.sessionId });
    await recordAudit(tx, {
      workspaceId: null,
      actor: { userId: user.id, label: user.email },
      action: "account.password_changed",
      objectType: "user",
      objectId: user.id,
      after: { otherSessionsSignedOut: revoked },
    });
  });
}
