import "server-only";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import { webhookAttempts, webhookDeliveries, webhooks, type Webhook } from "@/db/schema";
import type { WebhookAttemptView, WebhookView } from "./types";

export const RECENT_DELIVERIES_PER_WEBHOOK = 10;

export function insertWebhook(tx: DbOrTx, values: typeof webhooks.$inferInsert): Webhook {
  return tx.insert(webhooks).values(values).returning().get();
}

export function findWebhook(tx: DbOrTx, { id }: { id: string }): Webhook | undefined {
  return tx.select().from(webhooks).where(eq(webhooks.id, id)).get();
}

export function listActiveWebhooks(tx: DbOrTx, { workspaceId }: { workspaceId: string }): Webhook[] {
  return tx.select().from(webhooks).where(and(eq(webhooks.workspaceId, workspaceId), eq(webhooks.active, true))).all();
}

export function updateWebhookActive(tx: DbOrTx, { id, active }: { id: string; active: boolean }) {
  tx.update(webhooks).set({ active }).where(eq(webhooks.id, id)).run();
}

/** Removes the webhook with its deliveries and their attempts (the foreign keys don't cascade). */
export function deleteWebhookWithHistory(tx: DbOrTx, { id }: { id: string }): { deliveries: number } {
  const deliveryIds = tx.select({ id: webhookDeliveries.id }).from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, id));
  tx.delete(webhookAttempts).where(inArray(webhookAttempts.deliveryId, deliveryIds)).run();
  const { changes } = tx.delete(webhookDeliveries).where(eq(webhookDeliveries.webhookId, id)).run();
  tx.delete(webhooks).where(eq(webhooks.id, id)).run();
  return { deliveries: changes };
}

/** Every webhook of the workspace (oldest first) with its recent deliveries and their attempts. */
export function listWebhookViews({ workspaceId }: { workspaceId: string }): WebhookView[] {
  const db = getDb();
  const rows = db.select().from(webhooks).where(eq(webhooks.workspaceId, workspaceId)).orderBy(asc(webhooks.createdAt)).all();
  return rows.map((webhook) => {
    const deliveries = db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.webhookId, webhook.id))
      .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
      .limit(RECENT_DELIVERIES_PER_WEBHOOK)
      .all();
    const attempts = deliveries.length
      ? db
          .select()
          .from(webhookAttempts)
          .where(
            inArray(
              webhookAttempts.deliveryId,
              deliveries.map((d) => d.id),
            ),
          )
          .orderBy(asc(webhookAttempts.attempt))
          .all()
      : [];
    const attemptsByDelivery = new Map<string, WebhookAttemptView[]>();
    for (const a of attempts) {
      const list = attemptsByDelivery.get(a.deliveryId) ?? [];
      list.push({ attempt: a.attempt, statusCode: a.statusCode, error: a.error, durationMs: a.durationMs, createdAt: a.createdAt.toISOString() });
      attemptsByDelivery.set(a.deliveryId, list);
    }
    return {
      id: webhook.id,
      url: webhook.url,
      description: webhook.description,
      active: webhook.active,
      createdAt: webhook.createdAt.toISOString(),
      deliveries: deliveries.map((d) => ({
        id: d.id,
        event: d.event,
        status: d.status,
        attempts: d.attempts,
        nextAttemptAt: d.status === "pending" ? d.nextAttemptAt.toISOString() : null,
        createdAt: d.createdAt.toISOString(),
        attemptList: attemptsByDelivery.get(d.id) ?? [],
      })),
    };
  });
}
