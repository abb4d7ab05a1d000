import "server-only";
import { sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import { rawRow } from "@/db/raw";

// The newest completed evaluation of a prompt version: what the eval gate and the promotion page read. Uses the
// eval_run_targets (prompt_id, version) index, then the run's status and dataset. `NULLS LAST` spells out SQLite's
// order for Postgres (which puts NULLs first in a descending sort).

export interface CompletedTarget {
  runId: string;
  targetId: string;
  datasetId: string;
  finishedAt: number | null;
}

export async function latestCompletedTarget(
  { promptId, version, datasetId }: { promptId: string; version: number; datasetId?: string },
  db: DbOrTx = getDb(),
): Promise<CompletedTarget | null> {
  const onDataset = datasetId == null ? sql`` : sql` AND r.dataset_id = ${datasetId}`;
  const row = await rawRow<CompletedTarget>(
    db,
    sql`SELECT r.id AS "runId", t.id AS "targetId", r.dataset_id AS "datasetId", r.finished_at AS "finishedAt"
        FROM eval_run_targets t JOIN eval_runs r ON r.id = t.run_id
        WHERE t.prompt_id = ${promptId} AND t.version = ${version} AND r.status = 'completed' AND t.content IS NULL${onDataset}
        ORDER BY r.finished_at DESC NULLS LAST, r.created_at DESC LIMIT 1`,
  );
  return row ?? null;
}

/** The dataset both versions were most recently evaluated on (completed runs), or null. */
export async function latestSharedDataset({ promptId, a, b }: { promptId: string; a: number; b: number }): Promise<string | null> {
  const row = await rawRow<{ datasetId: string }>(
    getDb(),
    sql`SELECT r.dataset_id AS "datasetId" FROM eval_run_targets t JOIN eval_runs r ON r.id = t.run_id
        WHERE t.prompt_id = ${promptId} AND t.version = ${a} AND r.status = 'completed' AND t.content IS NULL
          AND r.dataset_id IN (SELECT r2.dataset_id FROM eval_run_targets t2 JOIN eval_runs r2 ON r2.id = t2.run_id
                               WHERE t2.prompt_id = ${promptId} AND t2.version = ${b} AND r2.status = 'completed' AND t2.content IS NULL)
        ORDER BY r.finished_at DESC NULLS LAST LIMIT 1`,
  );
  return row?.datasetId ?? null;
}
