import { sql } from "drizzle-orm";
import { databaseEngine, getDb } from "../index";
import { rawRow } from "../raw";
import { inTransaction } from "../transaction";

// Postgres's triggers append to the *_deltas tables (db/schema/rollups.ts says why); a fold moves those rows into the
// rollups (studio_fold_rollups(), db/migrations-pg 0004). SQLite's triggers update the rollups themselves: nothing
// to fold there.

/** How often the server folds, so the deltas stay a few seconds of writes at most. */
export const FOLD_INTERVAL_MS = 1_000;

/**
 * Folds every delta committed so far; resolves to how many rollup rows it wrote. A plain statement on the pool, never
 * inside a transaction: it must run in READ COMMITTED, and fold what other transactions have committed.
 */
export async function foldRollups(): Promise<number> {
  if (databaseEngine() !== "postgres") return 0;
  if (inTransaction()) throw new Error("foldRollups() runs on its own, not inside a transaction.");
  const row = await rawRow<{ folded: number }>(getDb(), sql`SELECT studio_fold_rollups() AS folded`);
  return Number(row?.folded ?? 0);
}

/**
 * Folds every `intervalMs` until the returned function is called; a failed fold is reported and tried again at the
 * next tick. A tick that finds the last fold still running skips, so slow folds never queue up behind each other.
 */
export function foldRollupsPeriodically(onError: (error: unknown) => void, intervalMs = FOLD_INTERVAL_MS): () => Promise<void> {
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    running ??= foldRollups()
      .catch(onError)
      .finally(() => (running = null));
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
