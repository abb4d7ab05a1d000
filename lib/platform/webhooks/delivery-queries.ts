import "server-only";
import { and, asc, eq, isNull, lt, lte, or } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { skipLockedRows } from "@/db/sql-dialect";
import { webhookAttempts, webhookDeliveries, webhooks, type WebhookDelivery } from "@/db/schema";

// The outbox side of webhooks: rows written beside the change they report, then claimed and sent by a worker.

export async function insertDelivery(
  tx: DbOrTx,
  values: { id: string; webhookId: string; workspaceId: string; event: string; body: string; now: Date },
): Promise<void> {
  await tx.insert(webhookDeliveries).values({
    id: values.id,
    webhookId: values.webhookId,
    workspaceId: values.workspaceId,
    event: values.event,
    payload: values.body,
    status: "pending",
    nextAttemptAt: values.now,
    createdAt: values.now,
  });
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
export async function listDueDeliveries(
  db: DbOrTx,
  { now, limit, forClaim = false }: { now: Date; limit: number; forClaim?: boolean },
): Promise<DueDelivery[]> {
  const query = db
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
    .limit(limit);
  // Claiming (inside the claim's transaction): on Postgres, rows another process is claiming are passed over.
  return forClaim ? skipLockedRows(query, webhookDeliveries) : query;
}

/**
 * Takes the delivery for this worker until `lockedUntil`. One UPDATE with the conditions in its WHERE is atomic,
 * so when several processes race for a row exactly one gets it back from RETURNING.
 */
export async function claimDelivery(db: DbOrTx, { id, now, lockedUntil }: { id: string; now: Date; lockedUntil: Date }): Promise<boolean> {
  const claimed = await db
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
    .returning({ id: webhookDeliveries.id });
  return claimed.length === 1;
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
 * Writes the attempt and the delivery's new state, only if this worker still holds the claim (`lockedUntil` is its
 * token). A delivery deleted meanwhile, with its webhook, is left deleted. Call it inside a transaction, so the two
 * land together.
 */
export async function recordAttempt(
  tx: DbOrTx,
  { deliveryId, claimedUntil, outcome }: { deliveryId: string; claimedUntil: Date; outcome: AttemptOutcome },
): Promise<boolean> {
  const held = await tx
    .update(webhookDeliveries)
    .set({ attempts: outcome.attempt, status: outcome.status, nextAttemptAt: outcome.nextAttemptAt, lockedUntil: null })
    .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.lockedUntil, claimedUntil)))
    .returning({ id: webhookDeliveries.id });
  if (held.length !== 1) return false;
  await tx.insert(webhookAttempts).values({
    deliveryId,
    attempt: outcome.attempt,
    statusCode: outcome.statusCode,
    error: outcome.error,
    durationMs: outcome.durationMs,
    createdAt: outcome.at,
  });
  return true;
}
