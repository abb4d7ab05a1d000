import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import { first, only } from "@/db/first";
import { apiKeys, memberships, users } from "@/db/schema";
import { columnsOf } from "@/db/columns-of";

export async function listApiKeys({ workspaceId }: { workspaceId: string }) {
  return getDb()
    .select({
      ...columnsOf(apiKeys, ["id", "name", "scope", "prefix", "createdAt", "lastUsedAt", "revokedAt"]),
      createdByName: users.name,
    })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdById))
    .where(eq(apiKeys.workspaceId, workspaceId))
    .orderBy(desc(apiKeys.createdAt));
}
export type ApiKeyListRow = Awaited<ReturnType<typeof listApiKeys>>[number];

export async function findApiKeyById(tx: DbOrTx, { apiKeyId }: { apiKeyId: string }) {
  return first(tx.select().from(apiKeys).where(eq(apiKeys.id, apiKeyId)));
}

/** An unrevoked key with its owner and the owner's membership of the key's workspace (either may be missing). */
export async function findLiveApiKeyByHash(tx: DbOrTx, { secretHash }: { secretHash: string }) {
  return first(
    tx
      .select({
        ...columnsOf(apiKeys, ["id", "workspaceId", "name", "scope", "createdById"]),
        owner: { id: users.id, email: users.email, name: users.name, disabledAt: users.disabledAt },
        ownerMembership: { role: memberships.role, disabledAt: memberships.disabledAt },
      })
      .from(apiKeys)
      .leftJoin(users, eq(users.id, apiKeys.createdById))
      .leftJoin(memberships, and(eq(memberships.workspaceId, apiKeys.workspaceId), eq(memberships.userId, apiKeys.createdById)))
      .where(and(eq(apiKeys.secretHash, secretHash), isNull(apiKeys.revokedAt))),
  );
}

export async function insertApiKey(tx: DbOrTx, values: typeof apiKeys.$inferInsert) {
  return only(tx.insert(apiKeys).values(values).returning());
}

export async function markApiKeyRevoked(tx: DbOrTx, { apiKeyId, at }: { apiKeyId: string; at: Date }): Promise<void> {
  await tx.update(apiKeys).set({ revokedAt: at }).where(eq(apiKeys.id, apiKeyId));
}

export async function touchApiKey(tx: DbOrTx, { apiKeyId, at }: { apiKeyId: string; at: Date }): Promise<void> {
  await tx.update(apiKeys).set({ lastUsedAt: at }).where(eq(apiKeys.id, apiKeyId));
}
