import "server-only";
import type { z } from "zod";
import type { DbOrTx } from "@/db";
import { transaction } from "@/db/transaction";
import type { AuthContext } from "@/lib/platform/auth/context";
import { requirePermission, requireSameWorkspace } from "@/lib/platform/auth/policy";
import { recordAuditBy } from "@/lib/platform/audit/record";
import { encryptSecret } from "@/lib/platform/crypto/secret-box";
import { getEnv } from "@/lib/platform/env";
import { AppError } from "@/lib/core/errors";
import { enqueueTestEvent, kickWebhookWorker } from "./outbox";
import { deleteWebhookWithHistory, findWebhook, insertWebhook, updateWebhookActive } from "./queries";
import type { createWebhookSchema, setWebhookActiveSchema, webhookIdSchema } from "./schemas";
import { generateWebhookSecret } from "./signature";

// Server actions check "settings:manage" too; checking here as well keeps every caller (routes, scripts) honest.
// Audit entries name the URL, never the signing secret.

async function loadWebhook(ctx: AuthContext, tx: DbOrTx, id: string) {
  const webhook = await findWebhook(tx, { id });
  requireSameWorkspace(ctx, webhook, "That webhook");
  return webhook;
}

/** Returns the signing secret: the only time it leaves the server in clear. */
export async function createWebhook(ctx: AuthContext, input: z.infer<typeof createWebhookSchema>) {
  requirePermission(ctx, "settings:manage");
  const secret = generateWebhookSecret();
  const secretCiphertext = encryptSecret({ plaintext: secret, key: getEnv().STUDIO_ENCRYPTION_KEY });
  return transaction(async (tx) => {
    const webhook = await insertWebhook(tx, { workspaceId: ctx.workspaceId, url: input.url, description: input.description, secretCiphertext, createdById: ctx.user.id });
    await recordAuditBy(tx, ctx, {
      action: "webhook.created",
      objectType: "webhook",
      objectId: webhook.id,
      after: { url: webhook.url, description: webhook.description, active: webhook.active },
    });
    return { id: webhook.id, url: webhook.url, secret };
  });
}

export async function setWebhookActive(ctx: AuthContext, input: z.infer<typeof setWebhookActiveSchema>) {
  requirePermission(ctx, "settings:manage");
  return transaction(async (tx) => {
    const webhook = await loadWebhook(ctx, tx, input.id);
    if (webhook.active === input.active) return { changed: false, url: webhook.url, active: webhook.active };
    await updateWebhookActive(tx, { id: webhook.id, active: input.active });
    await recordAuditBy(tx, ctx, {
      action: "webhook.updated",
      objectType: "webhook",
      objectId: webhook.id,
      before: { url: webhook.url, active: webhook.active },
      after: { url: webhook.url, active: input.active },
    });
    return { changed: true, url: webhook.url, active: input.active };
  });
}

/**
 * Deletes the webhook, its secret and its delivery history for good. The audit entry keeps what it was and how
 * many deliveries went with it; to stop deliveries but keep the history, disable it instead.
 */
export async function deleteWebhook(ctx: AuthContext, input: z.infer<typeof webhookIdSchema>) {
  requirePermission(ctx, "settings:manage");
  return transaction(async (tx) => {
    const webhook = await loadWebhook(ctx, tx, input.id);
    const { deliveries } = await deleteWebhookWithHistory(tx, { id: webhook.id });
    await recordAuditBy(tx, ctx, {
      action: "webhook.deleted",
      objectType: "webhook",
      objectId: webhook.id,
      before: { url: webhook.url, description: webhook.description, active: webhook.active, deliveries },
    });
    return { url: webhook.url };
  });
}

export async function sendTestEvent(ctx: AuthContext, input: z.infer<typeof webhookIdSchema>) {
  requirePermission(ctx, "settings:manage");
  const result = await transaction(async (tx) => {
    const webhook = await loadWebhook(ctx, tx, input.id);
    if (!webhook.active) throw new AppError("conflict:webhook", "This webhook is disabled. Enable it to send a test event.");
    const deliveryId = await enqueueTestEvent(tx, {
      webhook,
      data: {
        message: "A test event from PromptOps Studio. Check the signature, then answer with any 2xx status.",
        webhookId: webhook.id,
        workspace: ctx.workspace.slug,
        requestedBy: ctx.user.name,
        occurredAt: new Date().toISOString(),
      },
    });
    await recordAuditBy(tx, ctx, { action: "webhook.test_sent", objectType: "webhook", objectId: webhook.id, after: { url: webhook.url, deliveryId } });
    return { deliveryId, url: webhook.url };
  });
  kickWebhookWorker();
  return result;
}
