import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import { first, only } from "@/db/first";
import { memberships, users, type Role } from "@/db/schema";

export async function listMembers({ workspaceId }: { workspaceId: string }) {
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
    .orderBy(asc(users.email));
}
export type MemberRow = Awaited<ReturnType<typeof listMembers>>[number];

export async function findMembership(tx: DbOrTx, { membershipId }: { membershipId: string }) {
  return first(tx.select().from(memberships).where(eq(memberships.id, membershipId)));
}

export async function countActiveAdmins(tx: DbOrTx, { workspaceId }: { workspaceId: string }) {
  const admins = await tx
    .select({ id: memberships.id, disabledAt: memberships.disabledAt })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, "admin")));
  return admins.filter((m) => !m.disabledAt).length;
}

export async function insertUser(tx: DbOrTx, values: { email: string; name: string; passwordHash: string }) {
  return only(tx.insert(users).values(values).returning());
}

export async function insertMembership(tx: DbOrTx, values: { workspaceId: string; userId: string; role: Role }) {
  return only(tx.insert(memberships).values(values).returning());
}

export async function updateMembership(tx: DbOrTx, { membershipId, ...set }: { membershipId: string; role?: Role; disabledAt?: Date | null }) {
  return (await tx.update(memberships).set(set).where(eq(memberships.id, membershipId)).returning())[0];
}

export async function findUserById(tx: DbOrTx, { userId }: { userId: string }) {
  return first(tx.select().from(users).where(eq(users.id, userId)));
}
