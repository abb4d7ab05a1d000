import "server-only";
import { z } from "zod";
import { isUniqueViolation } from "@/db/sql-dialect";
import { transaction, type Tx } from "@/db/transaction";
import type { AuthContext } from "@/lib/platform/auth/context";
import { hashPassword } from "@/lib/platform/auth/password";
import { findUserByEmail, revokeUserSessions } from "@/lib/platform/auth/queries";
import { requireSameWorkspace } from "@/lib/platform/auth/policy";
import { recordAuditBy } from "@/lib/platform/audit/record";
import { AppError } from "@/lib/core/errors";
import {
  countActiveAdmins,
  findMembership,
  findUserById,
  insertMembership,
  insertUser,
  updateMembership,
} from "./queries";
import type { changeRoleSchema, inviteMemberSchema, setMemberDisabledSchema } from "./schemas";

// Callers have already checked "members:manage"; these functions own the workspace check and the rules.

export async function inviteMember(ctx: AuthContext, input: z.infer<typeof inviteMemberSchema>) {
  const existing = await findUserByEmail({ email: input.email });
  // Hash before the transaction: it may await only the database.
  const passwordHash = existing ? null : await hashPassword(input.password);
  return transaction(async (tx) => {
    const user = existing ?? (await insertUser(tx, { email: input.email, name: input.name, passwordHash: passwordHash! }));
    try {
      const membership = await insertMembership(tx, { workspaceId: ctx.workspaceId, userId: user.id, role: input.role });
      await recordAuditBy(tx, ctx, {
        action: "member.invited",
        objectType: "membership",
        objectId: membership.id,
        after: { email: user.email, role: input.role, newAccount: !existing },
      });
      return { membershipId: membership.id, email: user.email, newAccount: !existing };
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new AppError("conflict:member", `${user.email} is already a member of this workspace.`);
      }
      throw error;
    }
  });
}

async function loadMembership(ctx: AuthContext, membershipId: string, tx: Tx) {
  const membership = await findMembership(tx, { membershipId });
  requireSameWorkspace(ctx, membership, "That member");
  return membership;
}

export async function changeMemberRole(ctx: AuthContext, input: z.infer<typeof changeRoleSchema>) {
  return transaction(async (tx) => {
    const membership = await loadMembership(ctx, input.membershipId, tx);
    if (membership.role === input.role) return { changed: false };
    if (membership.role === "admin" && !membership.disabledAt && (await countActiveAdmins(tx, ctx)) <= 1) {
      throw new AppError("conflict:member", "A workspace needs at least one active admin. Make someone else admin first.");
    }
    await updateMembership(tx, { membershipId: membership.id, role: input.role });
    const user = await findUserById(tx, { userId: membership.userId });
    await recordAuditBy(tx, ctx, {
      action: "member.role_changed",
      objectType: "membership",
      objectId: membership.id,
      before: { email: user?.email, role: membership.role },
      after: { email: user?.email, role: input.role },
    });
    return { changed: true };
  });
}

export async function setMemberDisabled(ctx: AuthContext, input: z.infer<typeof setMemberDisabledSchema>) {
  return transaction(async (tx) => {
    const membership = await loadMembership(ctx, input.membershipId, tx);
    if (membership.userId === ctx.user.id && input.disabled) {
      throw new AppError("conflict:member", "You cannot disable yourself.");
    }
    if (Boolean(membership.disabledAt) === input.disabled) return { changed: false };
    if (input.disabled && membership.role === "admin" && (await countActiveAdmins(tx, ctx)) <= 1) {
      throw new AppError("conflict:member", "A workspace needs at least one active admin.");
    }
    await updateMembership(tx, { membershipId: membership.id, disabledAt: input.disabled ? new Date() : null });
    // Disabling ends the member's sessions for good, in every workspace (a session is the account's, not a
    // workspace's): enabling them again later does not bring those sessions back, they sign in afresh.
    const sessionsEnded = input.disabled ? await revokeUserSessions(tx, { userId: membership.userId }) : 0;
    const user = await findUserById(tx, { userId: membership.userId });
    await recordAuditBy(tx, ctx, {
      action: input.disabled ? "member.disabled" : "member.enabled",
      objectType: "membership",
      objectId: membership.id,
      before: { email: user?.email, disabled: !input.disabled },
      after: { email: user?.email, disabled: input.disabled, ...(input.disabled ? { sessionsEnded } : {}) },
    });
    return { changed: true };
  });
}
