import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { hashPassword, verifyPassword } from "@/lib/platform/auth/password";
import { createSession, findLiveSession, findUserByEmail, updatePasswordHash } from "@/lib/platform/auth/queries";
import { MAX_FAILURES_PER_ACCOUNT } from "@/lib/platform/auth/sign-in-guard";
import { AppError } from "@/lib/core/errors";
import { makeWorkspace } from "@/lib/testing/factories";
import { changePassword } from "./change-password";

async function signedInMember(password: string) {
  const { members } = await makeWorkspace(["reviewer"]);
  const member = members[0]!;
  await updatePasswordHash(getDb(), { userId: member.user.id, passwordHash: await hashPassword(password) });
  const here = await createSession({ userId: member.user.id, ttlMs: 60_000 });
  const elsewhere = await createSession({ userId: member.user.id, ttlMs: 60_000 });
  return { ctx: { ...member.ctx, sessionId: here.id }, here, elsewhere, email: member.user.email };
}

describe("changing one's password", () => {
  it("stores the new password and signs out the account's other sessions only", async () => {
    const { ctx, here, elsewhere, email } = await signedInMember("old-password-1");
    await changePassword(ctx, { currentPassword: "old-password-1", newPassword: "new-password-2" }, "192.0.2.10");
    const user = await findUserByEmail({ email });
    expect(await verifyPassword({ hash: user!.passwordHash, password: "new-password-2" })).toBe(true);
    expect(await findLiveSession({ sessionId: here.id })).toBeDefined();
    expect(await findLiveSession({ sessionId: elsewhere.id })).toBeUndefined();
  });

  it("refuses a wrong current password and, after repeated tries, rate-limits", async () => {
    const { ctx, email } = await signedInMember("old-password-1");
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      await expect(changePassword(ctx, { currentPassword: `guess-${i}`, newPassword: "new-password-2" }, "192.0.2.11")).rejects.toMatchObject({
        status: 400,
      });
    }
    const blocked = changePassword(ctx, { currentPassword: "old-password-1", newPassword: "new-password-2" }, "192.0.2.11");
    await expect(blocked).rejects.toBeInstanceOf(AppError);
    await expect(blocked).rejects.toMatchObject({ status: 429 });
    const user = await findUserByEmail({ email });
    expect(await verifyPassword({ hash: user!.passwordHash, password: "old-password-1" })).toBe(true);
  });
});
