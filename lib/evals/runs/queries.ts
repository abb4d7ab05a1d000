import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { sqliteOf, type Db, type DbOrTx } from "@/db";
import {
  datasetCases,
  datasets,
  evalRunCases,
  evalRuns,
  evalRunTargets,
  environments,
  prompts,
  type EvalResultStatus,
  type EvalRun,
  type EvalRunStatus,
} from "@/db/schema";

// Creating eval runs, the worker's lifecycle of a run, and the result writer; the reads pages and the API use are in
// read-runs.ts. Aggregates are SQL over the (run_id, status) and (run_id, scorer_key) indexes.

// ----------------------------------------------------------------------------------------------------------------
// Creating a run

export function findRunDataset(tx: DbOrTx, { datasetId }: { datasetId: string }) {
  return tx.select().from(datasets).where(eq(datasets.id, datasetId)).get();
}

export function findRunDatasetByName(tx: DbOrTx, { workspaceId, name }: { workspaceId: string; name: string }) {
  return tx.select().from(datasets).where(and(eq(datasets.workspaceId, workspaceId), eq(datasets.name, name))).get();
}

export function listRunDatasetCases(tx: DbOrTx, { datasetId }: { datasetId: string }) {
  return tx.select().from(datasetCases).where(eq(datasetCases.datasetId, datasetId)).orderBy(asc(datasetCases.position), asc(datasetCases.createdAt)).all();
}

export function insertEvalRun(tx: DbOrTx, values: typeof evalRuns.$inferInsert) {
  return tx.insert(evalRuns).values(values).returning().get();
}

export function insertEvalRunTargets(tx: DbOrTx, values: (typeof evalRunTargets.$inferInsert)[]) {
  return values.length === 0 ? [] : tx.insert(evalRunTargets).values(values).returning().all();
}

export function insertEvalRunCases(tx: DbOrTx, values: (typeof evalRunCases.$inferInsert)[]) {
  // Chunked: SQLite caps the number of bound parameters in one statement.
  for (let i = 0; i < values.length; i += 500) tx.insert(evalRunCases).values(values.slice(i, i + 500)).run();
}

// ----------------------------------------------------------------------------------------------------------------
// One run

export function findEvalRun(tx: DbOrTx, { runId }: { runId: string }): EvalRun | undefined {
  return tx.select().from(evalRuns).where(eq(evalRuns.id, runId)).get();
}

export function listEvalRunTargets(tx: DbOrTx, { runId }: { runId: string }) {
  return tx
    .select({
      id: evalRunTargets.id,
      position: evalRunTargets.position,
      promptId: evalRunTargets.promptId,
      promptName: prompts.name,
      version: evalRunTargets.version,
      environmentId: evalRunTargets.environmentId,
      environmentName: environments.name,
      environmentSlug: environments.slug,
      modelId: evalRunTargets.modelId,
    })
    .from(evalRunTargets)
    .innerJoin(prompts, eq(prompts.id, evalRunTargets.promptId))
    .leftJoin(environments, eq(environments.id, evalRunTargets.environmentId))
    .where(eq(evalRunTargets.runId, runId))
    .orderBy(asc(evalRunTargets.position))
    .all();
}
export type EvalRunTargetView = ReturnType<typeof listEvalRunTargets>[number];

export function listEvalRunCases(tx: DbOrTx, { runId }: { runId: string }) {
  return tx.select().from(evalRunCases).where(eq(evalRunCases.runId, runId)).orderBy(asc(evalRunCases.position)).all();
}

/** The (target, case) pairs that already have a result: a resumed run skips them. */
export function listFinishedPairs(db: Db, { runId }: { runId: string }): Set<string> {
  const rows = sqliteOf(db).prepare("SELECT target_id AS t, run_case_id AS c FROM eval_results WHERE run_id = ?").all(runId) as { t: string; c: string }[];
  return new Set(rows.map((row) => `${row.t}|${row.c}`));
}

// ----------------------------------------------------------------------------------------------------------------
// Run lifecycle (the worker). Each is one conditional UPDATE, so two processes can never both hold a run.

/** Takes a queued or interrupted run for this worker; null when another worker has it or it is not waiting. */
export function claimEvalRun(db: Db, { runId, workerId, now }: { runId: string; workerId: string; now: number }): EvalRun | null {
  const row = sqliteOf(db)
    .prepare(
      `UPDATE eval_runs SET status = 'running', worker_id = ?, heartbeat_at = ?, started_at = coalesce(started_at, ?),
         finished_at = NULL, error_message = NULL
       WHERE id = ? AND status IN ('queued', 'interrupted') RETURNING id`,
    )
    .get(workerId, now, now, runId) as { id: string } | undefined;
  return row ? (findEvalRun(db, { runId: row.id }) ?? null) : null;
}

/** Runs waiting for a worker, oldest first. */
export function listClaimableEvalRuns(db: Db, { limit }: { limit: number }): string[] {
  const rows = sqliteOf(db)
    .prepare("SELECT id FROM eval_runs WHERE status IN ('queued', 'interrupted') ORDER BY created_at LIMIT ?")
    .all(limit) as { id: string }[];
  return rows.map((row) => row.id);
}

/** Keeps this worker's hold on a run; false when the run was cancelled or taken over (the worker must stop). */
export function heartbeatEvalRun(db: Db, { runId, workerId, now }: { runId: string; workerId: string; now: number }): boolean {
  return (
    sqliteOf(db).prepare("UPDATE eval_runs SET heartbeat_at = ? WHERE id = ? AND worker_id = ? AND status = 'running'").run(now, runId, workerId)
      .changes === 1
  );
}

/** A run still "running" with a stale heartbeat lost its worker (the process died): mark it interrupted. */
export function markStaleEvalRunsInterrupted(db: Db, { staleBefore }: { staleBefore: number }): number {
  return sqliteOf(db)
    .prepare("UPDATE eval_runs SET status = 'interrupted', worker_id = NULL WHERE status = 'running' AND (heartbeat_at IS NULL OR heartbeat_at < ?)")
    .run(staleBefore).changes;
}

/** Ends a run this worker holds; false when it was cancelled (or taken over) meanwhile. */
export function finishEvalRun(
  db: Db,
  { runId, workerId, status, errorMessage = null, now }: { runId: string; workerId: string; status: "completed" | "failed"; errorMessage?: string | null; now: number },
): boolean {
  return (
    sqliteOf(db)
      .prepare("UPDATE eval_runs SET status = ?, error_message = ?, finished_at = ? WHERE id = ? AND worker_id = ? AND status = 'running'")
      .run(status, errorMessage, now, runId, workerId).changes === 1
  );
}

/** Hands a run back without finishing it (this process is shutting down); the next worker resumes it. */
export function releaseEvalRun(db: Db, { runId, workerId }: { runId: string; workerId: string }): boolean {
  return (
    sqliteOf(db).prepare("UPDATE eval_runs SET status = 'interrupted', worker_id = NULL WHERE id = ? AND worker_id = ? AND status = 'running'").run(runId, workerId)
      .changes === 1
  );
}

/** Moves a run between states when it is in one of `from`; false when it was not (a race, or a stale page). */
export function updateEvalRunStatus(
  tx: DbOrTx,
  { runId, from, to, finishedAt }: { runId: string; from: EvalRunStatus[]; to: EvalRunStatus; finishedAt: Date | null },
): boolean {
  const updated = tx
    .update(evalRuns)
    .set({ status: to, finishedAt, ...(to === "queued" ? { errorMessage: null, workerId: null } : {}) })
    .where(and(eq(evalRuns.id, runId), inArray(evalRuns.status, from)))
    .returning({ id: evalRuns.id })
    .all();
  return updated.length === 1;
}

// ----------------------------------------------------------------------------------------------------------------
// Results, as the runner writes them

export interface ResultRow {
  id: string;
  runId: string;
  targetId: string;
  runCaseId: string;
  status: EvalResultStatus;
  score: number | null;
  renderedInput: string;
  output: string;
  inputTokens: number | null;
  outputTokens: number | null;
  costUsd: number | null;
  latencyMs: number | null;
  attempts: number;
  errorCode: string | null;
  errorMessage: string | null;
  createdAt: number;
}

export interface ScoreRow {
  scorerKey: string;
  score: number | null;
  passed: boolean;
  reason: string;
  error: boolean;
}

/**
 * The runner's writer: statements prepared once per run, and one small transaction per finished case. ON CONFLICT
 * DO NOTHING on (target, case) means a case finished twice (two workers after a takeover) is stored once.
 */
export function createResultWriter(db: Db): (result: ResultRow, scores: ScoreRow[]) => boolean {
  const client = sqliteOf(db);
  const insertResult = client.prepare(
    `INSERT INTO eval_results (id, run_id, target_id, run_case_id, status, score, rendered_input, output, input_tokens,
       output_tokens, cost_usd, latency_ms, attempts, error_code, error_message, created_at)
     VALUES (@id, @runId, @targetId, @runCaseId, @status, @score, @renderedInput, @output, @inputTokens, @outputTokens,
       @costUsd, @latencyMs, @attempts, @errorCode, @errorMessage, @createdAt)
     ON CONFLICT (target_id, run_case_id) DO NOTHING`,
  );
  const insertScore = client.prepare(
    `INSERT INTO eval_scores (id, result_id, run_id, target_id, scorer_key, score, passed, reason, error)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const write = client.transaction((result: ResultRow, scores: ScoreRow[]) => {
    if (insertResult.run(result).changes === 0) return false;
    for (const s of scores) {
      insertScore.run(crypto.randomUUID(), result.id, result.runId, result.targetId, s.scorerKey, s.score, s.passed ? 1 : 0, s.reason, s.error ? 1 : 0);
    }
    return true;
  });
  return (result, scores) => write(result, scores);
}

