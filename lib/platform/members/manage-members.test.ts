import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { first } from "@/db/first";
import { auditLog, sessions } from "@/db/schema";
import { verifyPassword } from "@/lib/platform/auth/password";
import { createSession, findLiveSession, findUserByEmail, listActiveMemberships } from "@/lib/platform/auth/queries";
import { AppError } from "@/lib/core/errors";
import { makeWorkspace } from "@/lib/testing/factories";
import { changeMemberRole, inviteMember, setMemberDisabled } from "./manage-members";

async function expectAppError(run: () => unknown, status: number, message?: RegExp) {
  try {
    await run();
    expect.unreachable("expected an AppError");
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(status);
    if (message) expect((error as AppError).message).toMatch(message);
  }
}

describe("members", () => {
  it("invites a new person with a hashed password and records it in the audit log", async () => {
    const { members, workspace } = await makeWorkspace(["admin"]);
    const admin = members[0]!.ctx;
    const result = await inviteMember(admin, { email: "new.person@test.local", name: "New", role: "editor", password: "long-enough-pw" });
    expect(result.newAccount).toBe(true);
    const user = await findUserByEmail({ email: "NEW.person@test.local" });
    expect(await verifyPassword({ hash: user!.passwordHash, password: "long-enough-pw" })).toBe(true);
    expect((await listActiveMemberships({ userId: user!.id }))[0]).toMatchObject({ role: "editor", workspace: { id: workspace.id } });
    const audit = await getDb().select().from(auditLog).where(eq(auditLog.objectId, result.membershipId));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "member.invited", actorLabel: admin.user.email });
    expect(JSON.stringify(audit[0]!.after)).not.toContain("long-enough-pw");
  });

  it("adds an existing account to another workspace without touching its password", async () => {
    const first = await makeWorkspace(["admin", "editor"]);
    const second = await makeWorkspace(["admin"]);
    const editor = first.members[1]!.user;
    const result = await inviteMember(second.members[0]!.ctx, { email: editor.email, name: "ignored", role: "viewer", password: "another-password" });
    expect(result.newAccount).toBe(false);
    expect(await listActiveMemberships({ userId: editor.id })).toHaveLength(2);
  });

  it("refuses to invite someone who is already a member", async () => {
    const { members } = await makeWorkspace(["admin", "viewer"]);
    await expectAppError(
      () => inviteMember(members[0]!.ctx, { email: members[1]!.user.email, name: "x", role: "viewer", password: "long-enough-pw" }),
      409,
      /already a member/,
    );
  });

  it("changes a role and refuses to demote the last admin", async () => {
    const { members } = await makeWorkspace(["admin", "viewer"]);
    const [admin, viewer] = members;
    expect(await changeMemberRole(admin!.ctx, { membershipId: viewer!.membership.id, role: "lead" })).toEqual({ changed: true });
    return expectAppError(() => changeMemberRole(admin!.ctx, { membershipId: admin!.membership.id, role: "editor" }), 409, /at least one active admin/);
  });

  it("answers 404 for a member of another workspace", async () => {
    const mine = await makeWorkspace(["admin"]);
    const theirs = await makeWorkspace(["admin", "editor"]);
    await expectAppError(() => changeMemberRole(mine.members[0]!.ctx, { membershipId: theirs.members[1]!.membership.id, role: "viewer" }), 404);
    await expectAppError(() => setMemberDisabled(mine.members[0]!.ctx, { membershipId: theirs.members[1]!.membership.id, disabled: true }), 404);
  });

  it("disables a member, which removes their access to that workspace only", async () => {
    const first = await makeWorkspace(["admin", "editor"]);
    const second = await makeWorkspace(["admin"]);
    const editor = first.members[1]!;
    await inviteMember(second.members[0]!.ctx, { email: editor.user.email, name: "e", role: "editor", password: "long-enough-pw" });
    await setMemberDisabled(first.members[0]!.ctx, { membershipId: editor.membership.id, disabled: true });
    const remaining = await listActiveMemberships({ userId: editor.user.id });
    expect(remaining.map((m) => m.workspace.id)).toEqual([second.workspace.id]);
  });

  it("refuses to let an admin disable themselves", async () => {
    const { members } = await makeWorkspace(["admin", "admin"]);
    return expectAppError(() => setMemberDisabled(members[0]!.ctx, { membershipId: members[0]!.membership.id, disabled: true }), 409, /yourself/);
  });

  it("ends a disabled member's sessions for good: enabling them again does not revive an old session", async () => {
    const { members } = await makeWorkspace(["admin", "editor"]);
    const [admin, editor] = members;
    const before = await createSession({ userId: editor!.user.id, ttlMs: 60_000 });
    await setMemberDisabled(admin!.ctx, { membershipId: editor!.membership.id, disabled: true });
    expect((await first(getDb().select().from(sessions).where(eq(sessions.id, before.id))))?.revokedAt).toBeInstanceOf(Date);
    await setMemberDisabled(admin!.ctx, { membershipId: editor!.membership.id, disabled: false });
    expect(await listActiveMemberships({ userId: editor!.user.id })).toHaveLength(1);
    expect(await findLiveSession({ sessionId: before.id })).toBeUndefined();
    // A fresh sign-in after re-enabling works as usual.
    const after = await createSession({ userId: editor!.user.id, ttlMs: 60_000 });
    expect(await findLiveSession({ sessionId: after.id })).toBeDefined();
    const disabled = (await getDb().select().from(auditLog).where(eq(auditLog.action, "member.disabled"))).find((e) => e.objectId === editor!.membership.id);
    expect(disabled?.after).toMatchObject({ disabled: true, sessionsEnded: 1 });
  });
});
