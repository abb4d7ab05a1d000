import "server-only";
import type { z } from "zod";
import { transaction } from "@/db/transaction";
import type { AuthContext } from "@/lib/platform/auth/context";
import { requireSameWorkspace } from "@/lib/platform/auth/policy";
import { recordAuditBy } from "@/lib/platform/audit/record";
import { AppError } from "@/lib/core/errors";
import { findApiKeyById, insertApiKey, markApiKeyRevoked } from "./queries";
import type { apiKeyIdSchema, createApiKeySchema } from "./schemas";
import { displayPrefix, generateApiKeySecret, hashApiKeySecret } from "./secret";

// Callers have checked "apikeys:manage". The secret leaves this module once, in createApiKey's result.

export async function createApiKey(ctx: AuthContext, input: z.infer<typeof createApiKeySchema>) {
  const secret = generateApiKeySecret();
  return transaction(async (tx) => {
    const key = await insertApiKey(tx, {
      workspaceId: ctx.workspaceId,
      name: input.name,
      scope: input.scope,
      prefix: displayPrefix(secret),
      secretHash: hashApiKeySecret(secret),
      createdById: ctx.user.id,
    });
    await recordAuditBy(tx, ctx, {
      action: "api_key.created",
      objectType: "api_key",
      objectId: key.id,
      after: { name: key.name, scope: key.scope, prefix: key.prefix },
    });
    return { id: key.id, name: key.name, scope: key.scope, secret };
  });
}

export async function revokeApiKey(ctx: AuthContext, input: z.infer<typeof apiKeyIdSchema>) {
  return transaction(async (tx) => {
    const key = await findApiKeyById(tx, { apiKeyId: input.apiKeyId });
    requireSameWorkspace(ctx, key, "That API key");
    if (key.revokedAt) throw new AppError("conflict:apikey", `"${key.name}" is already revoked.`);
    await markApiKeyRevoked(tx, { apiKeyId: key.id, at: new Date() });
    await recordAuditBy(tx, ctx, {
      action: "api_key.revoked",
      objectType: "api_key",
      objectId: key.id,
      before: { name: key.name, scope: key.scope, prefix: key.prefix },
    });
    return { revoked: true };
  });
}
