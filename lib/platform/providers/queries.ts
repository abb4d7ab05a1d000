import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import { providerConfigs, type ProviderConfigRow } from "@/db/schema";

export function listProviderRows({ workspaceId }: { workspaceId: string }): ProviderConfigRow[] {
  return getDb().select().from(providerConfigs).where(eq(providerConfigs.workspaceId, workspaceId)).orderBy(asc(providerConfigs.slug)).all();
}

export function findProviderRow(tx: DbOrTx, { id }: { id: string }) {
  return tx.select().from(providerConfigs).where(eq(providerConfigs.id, id)).get();
}

export function upsertProviderRow(tx: DbOrTx, values: typeof providerConfigs.$inferInsert) {
  return tx
    .insert(providerConfigs)
    .values(values)
    .onConflictDoUpdate({
      target: [providerConfigs.workspaceId, providerConfigs.slug],
      set: {
        kind: values.kind,
        label: values.label,
        baseUrl: values.baseUrl,
        models: values.models,
        updatedAt: new Date(),
        ...(values.apiKeyCiphertext ? { apiKeyCiphertext: values.apiKeyCiphertext } : {}),
      },
    })
    .returning()
    .get();
}

export function deleteProviderRow(tx: DbOrTx, { id }: { id: string }) {
  tx.delete(providerConfigs).where(eq(providerConfigs.id, id)).run();
}
