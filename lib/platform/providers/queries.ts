import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import { first, only } from "@/db/first";
import { providerConfigs, type ProviderConfigRow } from "@/db/schema";

export async function listProviderRows({ workspaceId }: { workspaceId: string }): Promise<ProviderConfigRow[]> {
  return getDb().select().from(providerConfigs).where(eq(providerConfigs.workspaceId, workspaceId)).orderBy(asc(providerConfigs.slug));
}

export async function findProviderRow(tx: DbOrTx, { id }: { id: string }) {
  return first(tx.select().from(providerConfigs).where(eq(providerConfigs.id, id)));
}

export async function upsertProviderRow(tx: DbOrTx, values: typeof providerConfigs.$inferInsert) {
  const upsert = tx
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
    });
  return only(upsert.returning());
}

export async function deleteProviderRow(tx: DbOrTx, { id }: { id: string }): Promise<void> {
  await tx.delete(providerConfigs).where(eq(providerConfigs.id, id));
}
