import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import { apiKeys, memberships, users } from "@/db/schema";
import { columnsOf } from "@/db/columns-of";

export function listApiKeys({ workspaceId }: { workspaceId: string }) {
  return getDb()
    .select({
      ...columnsOf(apiKeys, ["id", "name", "scope", "prefix", "createdAt", "lastUsedAt", "revokedAt"]),
      createdByName: users.name,
    })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdById))
    .where(eq(apiKeys.workspaceId, workspaceId))
    .orderBy(desc(apiKeys.createdAt))
    .all();
}
export type ApiKeyListRow = ReturnType<typeof listApiKeys>[number];

export function findApiKeyById(tx: DbOrTx, { apiKeyId }: { apiKeyId: string }) {
  return tx.select().from(apiKeys).where(eq(apiKeys.id, apiKeyId)).get();
}

/** An unrevoked key with its owner and the owner's membership of the key's workspace (either may be missing). */
export function findLiveApiKeyByHash(tx: DbOrTx, { secretHash }: { secretHash: string }) {
  return tx
    .select({
      ...columnsOf(apiKeys, ["id", "workspaceId", "name", "scope", "createdById"]),
      owner: { id: users.id, email: users.email, name: users.name, disabledAt: users.disabledAt },
      ownerMembership: { role: memberships.role, disabledAt: memberships.disabledAt },
    })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdById))
    .leftJoin(memberships, and(eq(memberships.workspaceId, apiKeys.workspaceId), eq(memberships.userId, apiKeys.createdById)))
    .where(and(eq(apiKeys.secretHash, secretHash), isNull(apiKeys.revokedAt)))
    .get();
}

export function insertApiKey(tx: DbOrTx, values: typeof apiKeys.$inferInsert) {
  return tx.insert(apiKeys).values(values).returning().get();
}

export function markApiKeyRevoked(tx: DbOrTx, { apiKeyId, at }: { apiKeyId: string; at: Date }) {
  tx.update(apiKeys).set({ revokedAt: at }).where(eq(apiKeys.id, apiKeyId)).run();
}

export function touchApiKey(tx: DbOrTx, { apiKeyId, at }: { apiKeyId: string; at: Date }) {
  tx.update(apiKeys).set({ lastUsedAt: at }).where(eq(apiKeys.id, apiKeyId)).run();
}
