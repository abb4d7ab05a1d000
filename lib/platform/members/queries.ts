import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import { memberships, users, type Role } from "@/db/schema";

export function listMembers({ workspaceId }: { workspaceId: string }) {
  return getDb()
    .select({
      membershipId: memberships.id,
      userId: users.id,
      email: users.email,
      name: users.name,
      role: memberships.role,
      disabledAt: memberships.disabledAt,
      joinedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, workspaceId))
    .orderBy(asc(users.email))
    .all();
}
export type MemberRow = ReturnType<typeof listMembers>[number];

export function findMembership(tx: DbOrTx, { membershipId }: { membershipId: string }) {
  return tx.select().from(memberships).where(eq(memberships.id, membershipId)).get();
}

export function countActiveAdmins(tx: DbOrTx, { workspaceId }: { workspaceId: string }) {
  return tx
    .select({ id: memberships.id, disabledAt: memberships.disabledAt })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, "admin")))
    .all()
    .filter((m) => !m.disabledAt).length;
}

export function insertUser(tx: DbOrTx, values: { email: string; name: string; passwordHash: string }) {
  return tx.insert(users).values(values).returning().get();
}

export function insertMembership(tx: DbOrTx, values: { workspaceId: string; userId: string; role: Role }) {
  return tx.insert(memberships).values(values).returning().get();
}

export function updateMembership(tx: DbOrTx, { membershipId, ...set }: { membershipId: string; role?: Role; disabledAt?: Date | null }) {
  return tx.update(memberships).set(set).where(eq(memberships.id, membershipId)).returning().get();
}

export function findUserById(tx: DbOrTx, { userId }: { userId: string }) {
  return tx.select().from(users).where(eq(users.id, userId)).get();
}
