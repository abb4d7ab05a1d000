import "server-only";
import { sqliteOf, type Db } from "@/db";
import type { EvalResultStatus, EvalRun } from "@/db/schema";
import { findEvalRun } from "./queries";

// The worker's writes to a run it holds: claiming it, heartbeats, finishing or handing it back, and storing each
// case's result and scores. With manage-runs.ts (creating, cancelling, resuming) the only writers of the eval tables
// (the studio/one-writer lint rule enforces it). Raw prepared statements: these run once per case on the hot path,
// and each checks the worker still holds the run, so a cancelled or taken-over run is never written.

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
