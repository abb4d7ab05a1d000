import "server-only";
import type { z } from "zod";
import { transaction } from "@/db/transaction";
import type { AuthContext } from "@/lib/platform/auth/context";
import { requireSameWorkspace } from "@/lib/platform/auth/policy";
import { recordAuditBy } from "@/lib/platform/audit/record";
import { encryptSecret } from "@/lib/platform/crypto/secret-box";
import { getEnv } from "@/lib/platform/env";
import { deleteProviderRow, findProviderRow, upsertProviderRow } from "./queries";
import { parseModelList, type providerIdSchema, type providerInputSchema } from "./schemas";

// Callers have checked "settings:manage". Audit entries record that a key was set, never the key.

export async function saveProvider(ctx: AuthContext, input: z.infer<typeof providerInputSchema>) {
  const apiKeyCiphertext = input.apiKey ? encryptSecret({ plaintext: input.apiKey, key: getEnv().STUDIO_ENCRYPTION_KEY }) : null;
  return transaction(async (tx) => {
    const row = await upsertProviderRow(tx, {
      workspaceId: ctx.workspaceId,
      slug: input.slug,
      kind: input.kind,
      label: input.label,
      baseUrl: input.baseUrl || null,
      models: parseModelList(input.models),
      apiKeyCiphertext,
    });
    await recordAuditBy(tx, ctx, {
      action: "provider.saved",
      objectType: "provider",
      objectId: row.id,
      after: { slug: row.slug, kind: row.kind, label: row.label, baseUrl: row.baseUrl, models: row.models, keyChanged: Boolean(apiKeyCiphertext) },
    });
    return { id: row.id, slug: row.slug };
  });
}

export async function deleteProvider(ctx: AuthContext, input: z.infer<typeof providerIdSchema>) {
  return transaction(async (tx) => {
    const row = await findProviderRow(tx, { id: input.id });
    requireSameWorkspace(ctx, row, "That provider");
    await deleteProviderRow(tx, { id: row.id });
    await recordAuditBy(tx, ctx, {
      action: "provider.deleted",
      objectType: "provider",
      objectId: row.id,
      before: { slug: row.slug, kind: row.kind, label: row.label },
    });
    return { slug: row.slug };
  });
}
