import "server-only";
import type { z } from "zod";
import { getDb } from "@/db";
import type { AuthContext } from "@/lib/platform/auth/context";
import { requireSameWorkspace } from "@/lib/platform/auth/policy";
import { recordAuditBy } from "@/lib/platform/audit/record";
import { AppError } from "@/lib/core/errors";
import { findApiKeyById, insertApiKey, markApiKeyRevoked } from "./queries";
import type { apiKeyIdSchema, createApiKeySchema } from "./schemas";
import { displayPrefix, generateApiKeySecret, hashApiKeySecret } from "./secret";

// Callers have checked "apikeys:manage". The secret leaves this module once, in createApiKey's result.

export function createApiKey(ctx: AuthContext, input: z.infer<typeof createApiKeySchema>) {
  const secret = generateApiKeySecret();
  return getDb().transaction((tx) => {
    const key = insertApiKey(tx, {
      workspaceId: ctx.workspaceId,
      name: input.name,
      scope: input.scope,
      prefix: displayPrefix(secret),
      secretHash: hashApiKeySecret(secret),
      createdById: ctx.user.id,
    });
    recordAuditBy(tx, ctx, {
      action: "api_key.created",
      objectType: "api_key",
      objectId: key.id,
      after: { name: key.name, scope: key.scope, prefix: key.prefix },
    });
    return { id: key.id, name: key.name, scope: key.scope, secret };
  });
}

export function revokeApiKey(ctx: AuthContext, input: z.infer<typeof apiKeyIdSchema>) {
  return getDb().transaction((tx) => {
    const key = findApiKeyById(tx, { apiKeyId: input.apiKeyId });
    requireSameWorkspace(ctx, key, "That API key");
    if (key.revokedAt) throw new AppError("conflict:apikey", `"${key.name}" is already revoked.`);
    markApiKeyRevoked(tx, { apiKeyId: key.id, at: new Date() });
    recordAuditBy(tx, ctx, {
      action: "api_key.revoked",
      objectType: "api_key",
      objectId: key.id,
      before: { name: key.name, scope: key.scope, prefix: key.prefix },
    });
    return { revoked: true };
  });
}
