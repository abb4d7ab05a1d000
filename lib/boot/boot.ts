import "server-only";
import { DatabaseUnwritableError, databaseEngine, getDb, prepareDatabase } from "@/db";
import { EnvError, getEnv } from "@/lib/platform/env";
import { logger } from "@/lib/platform/logger";
import { startWebhookWorker, stopWebhookWorker } from "@/lib/platform/webhooks/worker";
import { startEvalWorker, stopEvalWorker } from "@/lib/evals/server";
import { startOptimizationWorker, stopOptimizationWorker } from "@/lib/optimizer/server";
import { onShutdown } from "@/lib/platform/ops/shutdown";
import { backfillRollups } from "@/db/rollups/backfill";
import { foldRollupsPeriodically } from "@/db/rollups/fold";

/**
 * Validates the environment and migrates the database before the first request, so a bad variable
 * or a broken migration stops the boot with a clear message rather than failing a user's request.
 * A database the process cannot write stops it too, with a message naming the path. Then starts this process's
 * webhook and eval workers and registers how the graceful shutdown stops them (lib/platform/ops/shutdown.ts).
 */
export async function boot(): Promise<void> {
  stopOn(EnvError, getEnv);
  // Without NEXTAUTH_URL, next-auth must build its URLs from the Host header, or it assumes localhost:3000
  // and sign-in breaks on any other port or host. Operators behind a proxy should set NEXTAUTH_URL.
  if (!process.env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ??= "true";
  stopOn(DatabaseUnwritableError, getDb);
  // Postgres's migrations run here (SQLite's ran as getDb() opened the file), before anything is served.
  await prepareDatabase();
  // Next skips instrumentation during `next build` today; the check keeps a build from ever sending webhooks.
  if (process.env.NEXT_PHASE !== "phase-production-build") {
    startWebhookWorker();
    // Recovers eval runs whose worker died (stale heartbeat) and executes queued ones in this process.
    startEvalWorker();
    // On SIGTERM/SIGINT (server.ts): the eval worker hands its runs back as "interrupted", resumed at the next start.
    onShutdown("eval-worker", stopEvalWorker);
    // Optimizations too: a stopped or crashed process's optimization resumes in the next worker, replaying what is stored.
    startOptimizationWorker();
    onShutdown("optimization-worker", stopOptimizationWorker);
    onShutdown("webhook-worker", stopWebhookWorker);
    startRollupBackfill();
    if (databaseEngine() === "postgres") {
      const stopFolding = foldRollupsPeriodically((error) => logger.error({ event: "rollups.fold_failed", err: error }, "folding rollup deltas failed; retried in a second"));
      onShutdown("rollup-fold", stopFolding);
    }
  }
  logger.info({ event: "started", version: process.env.STUDIO_VERSION }, "PromptOps Studio ready");
}

/** Runs a boot step; an error of the kind that already says what to fix stops the process with just its message. */
function stopOn(kind: new (...args: never[]) => Error, step: () => unknown): void {
  try {
    step();
  } catch (error) {
    if (!(error instanceof kind)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

/**
 * Adds rows written before the rollups existed (issue 17), in the background, a batch at a time; until it is done the
 * dashboards read raw rows. A database created with the rollups has nothing to add, and this ends at once.
 */
function startRollupBackfill(): void {
  let rows = 0;
  const started = performance.now();
  backfillRollups((batch) => (rows += batch.rows)).then(
    () => {
      if (rows > 0) logger.info({ event: "rollups.backfilled", rows, ms: Math.round(performance.now() - started) }, "rollups backfilled");
    },
    (error: unknown) => logger.error({ event: "rollups.backfill_failed", err: error }, "rollup backfill failed; the dashboards read raw rows until it completes (npm run db:rollups)"),
  );
}
