import "server-only";
import { randomUUID } from "node:crypto";
import type { DbOrTx } from "@/db";
import type { Webhook } from "@/db/schema";
import { insertDelivery } from "./delivery-queries";
import { listActiveWebhooks } from "./queries";
import type { WebhookEvent } from "./types";
import { triggerWebhookWorker } from "./worker";

/**
 * The exact bytes every attempt sends, fixed when the event is queued, so retries carry an identical (and
 * identically signed) body and the settings page shows what receivers got.
 */
export function buildDeliveryBody({ event, deliveryId, data }: { event: WebhookEvent; deliveryId: string; data: Record<string, unknown> }): string {
  return JSON.stringify({ event, deliveryId, data });
}

async function queueFor(tx: DbOrTx, webhook: Pick<Webhook, "id" | "workspaceId">, event: WebhookEvent, data: Record<string, unknown>): Promise<string> {
  const id = randomUUID();
  await insertDelivery(tx, { id, webhookId: webhook.id, workspaceId: webhook.workspaceId, event, body: buildDeliveryBody({ event, deliveryId: id, data }), now: new Date() });
  return id;
}

/**
 * Call inside the transaction that makes the change: one pending delivery per active webhook of the workspace,
 * committed (or rolled back) with the change itself. Then call kickWebhookWorker() after the commit.
 */
export async function enqueueWebhookEvent(
  tx: DbOrTx,
  { workspaceId, event, payload }: { workspaceId: string; event: "deployment.changed"; payload: Record<string, unknown> },
): Promise<void> {
  for (const webhook of await listActiveWebhooks(tx, { workspaceId })) await queueFor(tx, webhook, event, payload);
}

/** A `webhook.test` event for one webhook; returns the delivery id. */
export async function enqueueTestEvent(tx: DbOrTx, { webhook, data }: { webhook: Pick<Webhook, "id" | "workspaceId">; data: Record<string, unknown> }): Promise<string> {
  return queueFor(tx, webhook, "webhook.test", data);
}

/** Call after the commit: asks this process's worker for a pass now, without waiting for it. Never throws. */
export function kickWebhookWorker(): void {
  try {
    triggerWebhookWorker();
  } catch {
    // The poll will pick the deliveries up; a kick is only a shortcut.
  }
}
