import "server-only";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import { first, only } from "@/db/first";
import { webhookAttempts, webhookDeliveries, webhooks, type Webhook } from "@/db/schema";
import type { WebhookAttemptView, WebhookView } from "./types";

export const RECENT_DELIVERIES_PER_WEBHOOK = 10;

export async function insertWebhook(tx: DbOrTx, values: typeof webhooks.$inferInsert): Promise<Webhook> {
  return only(tx.insert(webhooks).values(values).returning());
}

export async function findWebhook(tx: DbOrTx, { id }: { id: string }): Promise<Webhook | undefined> {
  return first(tx.select().from(webhooks).where(eq(webhooks.id, id)));
}

export async function listActiveWebhooks(tx: DbOrTx, { workspaceId }: { workspaceId: string }): Promise<Webhook[]> {
  return tx.select().from(webhooks).where(and(eq(webhooks.workspaceId, workspaceId), eq(webhooks.active, true)));
}

export async function updateWebhookActive(tx: DbOrTx, { id, active }: { id: string; active: boolean }): Promise<void> {
  await tx.update(webhooks).set({ active }).where(eq(webhooks.id, id));
}

/** Removes the webhook with its deliveries and their attempts (the foreign keys don't cascade). */
export async function deleteWebhookWithHistory(tx: DbOrTx, { id }: { id: string }): Promise<{ deliveries: number }> {
  const deliveryIds = tx.select({ id: webhookDeliveries.id }).from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, id));
  await tx.delete(webhookAttempts).where(inArray(webhookAttempts.deliveryId, deliveryIds));
  const deleted = await tx.delete(webhookDeliveries).where(eq(webhookDeliveries.webhookId, id)).returning({ id: webhookDeliveries.id });
  await tx.delete(webhooks).where(eq(webhooks.id, id));
  return { deliveries: deleted.length };
}

/** Every webhook of the workspace (oldest first) with its recent deliveries and their attempts. */
export async function listWebhookViews({ workspaceId }: { workspaceId: string }): Promise<WebhookView[]> {
  const db = getDb();
  const rows = await db.select().from(webhooks).where(eq(webhooks.workspaceId, workspaceId)).orderBy(asc(webhooks.createdAt));
  return Promise.all(
    rows.map(async (webhook) => {
      const deliveries = await db
        .select()
        .from(webhookDeliveries)
        .where(eq(webhookDeliveries.webhookId, webhook.id))
        .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
        .limit(RECENT_DELIVERIES_PER_WEBHOOK);
      const attempts = deliveries.length
        ? await db
            .select()
            .from(webhookAttempts)
            .where(
              inArray(
                webhookAttempts.deliveryId,
                deliveries.map((d) => d.id),
              ),
            )
            .orderBy(asc(webhookAttempts.attempt))
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
    }),
  );
}
