import "server-only";
import { and, asc, eq, isNull, lt, lte, or } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db";
import { webhookAttempts, webhookDeliveries, webhooks, type WebhookDelivery } from "@/db/schema";

// The outbox side of webhooks: rows written beside the change they report, then claimed and sent by a worker.

export function insertDelivery(
  tx: DbOrTx,
  values: { id: string; webhookId: string; workspaceId: string; event: string; body: string; now: Date },
) {
  tx.insert(webhookDeliveries)
    .values({
      id: values.id,
      webhookId: values.webhookId,
      workspaceId: values.workspaceId,
      event: values.event,
      payload: values.body,
      status: "pending",
      nextAttemptAt: values.now,
      createdAt: values.now,
    })
    .run();
}

export interface DueDelivery {
  id: string;
  event: string;
  body: string;
  attempts: number;
  url: string;
  secretCiphertext: string;
}

const unlocked = (now: Date) => or(isNull(webhookDeliveries.lockedUntil), lt(webhookDeliveries.lockedUntil, now));

/** Pending deliveries whose time has come and that no worker holds. A disabled webhook's deliveries wait. */
export function listDueDeliveries(db: Db, { now, limit }: { now: Date; limit: number }): DueDelivery[] {
  return db
    .select({
      id: webhookDeliveries.id,
      event: webhookDeliveries.event,
      body: webhookDeliveries.payload,
      attempts: webhookDeliveries.attempts,
      url: webhooks.url,
      secretCiphertext: webhooks.secretCiphertext,
    })
    .from(webhookDeliveries)
    .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
    .where(
      and(
        eq(webhookDeliveries.status, "pending"),
        lte(webhookDeliveries.nextAttemptAt, now),
        unlocked(now),
        eq(webhooks.active, true),
      ),
    )
    .orderBy(asc(webhookDeliveries.nextAttemptAt))
    .limit(limit)
    .all();
}

/**
 * Takes the delivery for this worker until `lockedUntil`. One UPDATE with the conditions in its WHERE is atomic
 * in SQLite, so when several processes race for a row exactly one sees `changes === 1`.
 */
export function claimDelivery(db: Db, { id, now, lockedUntil }: { id: string; now: Date; lockedUntil: Date }): boolean {
  const { changes } = db
    .update(webhookDeliveries)
    .set({ lockedUntil })
    .where(
      and(
        eq(webhookDeliveries.id, id),
        eq(webhookDeliveries.status, "pending"),
        lte(webhookDeliveries.nextAttemptAt, now),
        unlocked(now),
      ),
    )
    .run();
  return changes === 1;
}

export interface AttemptOutcome {
  attempt: number;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  at: Date;
  status: WebhookDelivery["status"];
  nextAttemptAt: Date;
}

/**
 * Writes the attempt and the delivery's new state together, only if this worker still holds the claim
 * (`lockedUntil` is its token). A delivery deleted meanwhile, with its webhook, is left deleted.
 */
export function recordAttempt(db: Db, { deliveryId, claimedUntil, outcome }: { deliveryId: string; claimedUntil: Date; outcome: AttemptOutcome }): boolean {
  return db.transaction((tx) => {
    const { changes } = tx
      .update(webhookDeliveries)
      .set({ attempts: outcome.attempt, status: outcome.status, nextAttemptAt: outcome.nextAttemptAt, lockedUntil: null })
      .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.lockedUntil, claimedUntil)))
      .run();
    if (changes !== 1) return false;
    tx.insert(webhookAttempts)
      .values({
        deliveryId,
        attempt: outcome.attempt,
        statusCode: outcome.statusCode,
        error: outcome.error,
        durationMs: outcome.durationMs,
        createdAt: outcome.at,
      })
      .run();
    return true;
  });
}
