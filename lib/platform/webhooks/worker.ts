import "server-only";
import { transaction } from "@/db/transaction";
import { decryptSecret } from "@/lib/platform/crypto/secret-box";
import { getEnv } from "@/lib/platform/env";
import { logger } from "@/lib/platform/logger";
import { claimDelivery, listDueDeliveries, recordAttempt, type AttemptOutcome, type DueDelivery } from "./delivery-queries";
import { postWebhook, type SendResult } from "./send";

export interface BackoffPolicy {
  /** Wait after the 1st, 2nd, … failed attempt; the last value repeats if attempts outnumber it. */
  delaysMs: number[];
  /** After this many failed attempts the delivery is marked failed. */
  maxAttempts: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = {
  delaysMs: [10_000, 30_000, 120_000, 600_000, 3_600_000],
  maxAttempts: 6,
};

export interface WebhookWorkerOptions {
  now?: () => Date;
  backoff?: BackoffPolicy;
  timeoutMs?: number;
  /** Deliveries claimed per round of a pass. */
  batchSize?: number;
  fetchImpl?: typeof fetch;
  secretKey?: () => string;
}

export interface PassResult {
  attempted: number;
  succeeded: number;
}

export interface WebhookWorker {
  /** Sends every delivery that is due now; resolves when their attempts are recorded. */
  runPass(): Promise<PassResult>;
}

/** When the attempt that just failed should be followed by another, or null when the delivery has failed for good. */
export function nextRetryAt({ attempt, at, backoff }: { attempt: number; at: Date; backoff: BackoffPolicy }): Date | null {
  if (attempt >= backoff.maxAttempts) return null;
  const delays = backoff.delaysMs;
  const delay = delays[Math.min(attempt - 1, delays.length - 1)] ?? 0;
  return new Date(at.getTime() + delay);
}

export function createWebhookWorker(options: WebhookWorkerOptions = {}): WebhookWorker {
  const now = options.now ?? (() => new Date());
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const batchSize = options.batchSize ?? 20;
  const secretKey = options.secretKey ?? (() => getEnv().STUDIO_ENCRYPTION_KEY);
  // Longer than any send can take, so a claim only lapses when its process died mid-send.
  const leaseMs = timeoutMs + 60_000;

  function unsealSecret(sealed: string): string | null {
    try {
      return decryptSecret({ sealed, key: secretKey() });
    } catch {
      return null;
    }
  }

  async function attempt(delivery: DueDelivery, claimedUntil: Date): Promise<boolean> {
    const attemptNumber = delivery.attempts + 1;
    const secret = unsealSecret(delivery.secretCiphertext);
    const result: SendResult =
      secret === null
        ? { statusCode: null, error: "The signing secret could not be decrypted (was STUDIO_ENCRYPTION_KEY changed?)", durationMs: 0 }
        : await postWebhook({
            url: delivery.url,
            body: delivery.body,
            secret,
            event: delivery.event,
            deliveryId: delivery.id,
            timestampSeconds: Math.floor(now().getTime() / 1000),
            timeoutMs,
            fetchImpl: options.fetchImpl,
          });
    const at = now();
    const ok = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
    const retryAt = ok ? null : nextRetryAt({ attempt: attemptNumber, at, backoff });
    const outcome: AttemptOutcome = {
      attempt: attemptNumber,
      statusCode: result.statusCode,
      error: result.error,
      durationMs: result.durationMs,
      at,
      status: ok ? "succeeded" : retryAt ? "pending" : "failed",
      nextAttemptAt: retryAt ?? at,
    };
    const recorded = await transaction((tx) => recordAttempt(tx, { deliveryId: delivery.id, claimedUntil, outcome }));
    if (recorded && outcome.status === "failed") {
      logger.warn({ event: "webhook.failed", deliveryId: delivery.id, attempts: attemptNumber }, "webhook delivery failed for good");
    }
    return ok;
  }

  return {
    async runPass() {
      const totals: PassResult = { attempted: 0, succeeded: 0 };
      for (;;) {
        const started = now();
        const claimedUntil = new Date(started.getTime() + leaseMs);
        // Listed and claimed in one transaction. On Postgres, processes claiming at once skip each other's rows
        // (FOR UPDATE SKIP LOCKED) at READ COMMITTED, and the claim's conditional UPDATE still refuses a row another
        // process took meanwhile; on SQLite the one writer claims alone.
        const { due, claimed } = await transaction(
          async (tx) => {
            const due = await listDueDeliveries(tx, { now: started, limit: batchSize, forClaim: true });
            const claimed: DueDelivery[] = [];
            for (const d of due) if (await claimDelivery(tx, { id: d.id, now: started, lockedUntil: claimedUntil })) claimed.push(d);
            return { due, claimed };
          },
          { isolation: "read committed" },
        );
        const results = await Promise.all(claimed.map((d) => attempt(d, claimedUntil)));
        totals.attempted += results.length;
        totals.succeeded += results.filter(Boolean).length;
        // A full batch may mean more are waiting; anything else will be found by the next pass.
        if (due.length < batchSize || claimed.length === 0) return totals;
      }
    },
  };
}

// One running worker per server process, on globalThis because Next loads instrumentation and the app's server
// code as separate bundles, each with its own module state.
interface RunningWorker {
  worker: WebhookWorker;
  timer: NodeJS.Timeout;
  running: Promise<void> | null;
  again: boolean;
}
const globalForWorker = globalThis as unknown as { studioWebhookWorker?: RunningWorker };

function runSoon(state: RunningWorker): Promise<void> {
  if (state.running) {
    state.again = true;
    return state.running;
  }
  state.running = (async () => {
    do {
      state.again = false;
      try {
        const { attempted, succeeded } = await state.worker.runPass();
        if (attempted > 0) logger.info({ event: "webhooks.pass", attempted, succeeded }, "webhook deliveries attempted");
      } catch (error) {
        logger.error({ err: error }, "webhook pass failed");
      }
    } while (state.again);
    state.running = null;
  })();
  return state.running;
}

/** Starts polling for due deliveries in this process (once; later calls return the running worker). */
export function startWebhookWorker(options: WebhookWorkerOptions & { pollMs?: number } = {}): void {
  if (globalForWorker.studioWebhookWorker) return;
  const state: RunningWorker = { worker: createWebhookWorker(options), timer: undefined as unknown as NodeJS.Timeout, running: null, again: false };
  state.timer = setInterval(() => void runSoon(state), options.pollMs ?? 5_000);
  // The poll must never keep a process alive on its own (scripts, tests, shutdown).
  state.timer.unref();
  globalForWorker.studioWebhookWorker = state;
}

/** Stops polling and waits for an unfinished pass. */
export async function stopWebhookWorker(): Promise<void> {
  const state = globalForWorker.studioWebhookWorker;
  if (!state) return;
  clearInterval(state.timer);
  globalForWorker.studioWebhookWorker = undefined;
  await state.running;
}

/**
 * Asks this process's worker for a pass right away. Returns at once and never throws; without a started worker
 * (CLI scripts, unit tests) it does nothing and the deliveries wait for the server's poll.
 */
export function triggerWebhookWorker(): void {
  const state = globalForWorker.studioWebhookWorker;
  if (!state) return;
  setImmediate(() => void runSoon(state));
}
