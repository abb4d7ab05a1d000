import "server-only";
import { and, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { databaseEngine, sqliteOf, type Db } from "@/db";
import { evalResults, evalRuns, evalScores, type EvalResultStatus, type EvalRun } from "@/db/schema";
import { transaction } from "@/db/transaction";
import { findEvalRun } from "./queries";

// The worker's writes to a run it holds: claiming it, heartbeats, finishing or handing it back, and storing each
// case's result and scores. With manage-runs.ts (creating, cancelling, resuming) the only writers of the eval tables
// (the studio/one-writer lint rule enforces it). Each is its own small transaction. The lifecycle writes are
// conditional UPDATEs that check the worker still holds the run, so a cancelled or taken-over run is never finished
// or handed back by a worker that lost it; the result writer writes nothing once the runner's signal is aborted.

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
 * DO NOTHING on (target, case) means a case finished twice (two workers after a takeover) is stored once. Resolves
 * false, writing nothing, when the case was already stored or `signal` was aborted (the run was cancelled or this
 * worker stopped) by the time the write took its turn.
 */
export function createResultWriter(db: Db): ResultWriter {
  if (databaseEngine() === "postgres") return writeResultsWithBuilder;
  // SQLite fast path: this runs once per case, at up to 32 cases at once per run, so the statements are prepared
  // once rather than built and compiled by drizzle for every case (see `npm run bench:evals`). They run inside
  // transaction() on its tx, whose connection is this same one, so the write waits its turn like every other.
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
  return (result, scores, signal) =>
    transaction(async (tx) => {
      if (sqliteOf(tx) !== client) throw new Error("The result writer's statements were prepared on another connection.");
      // Checked once the write has its turn, not when it was queued: a run cancelled meanwhile gets nothing more.
      if (signal?.aborted) return false;
      if (insertResult.run(result).changes === 0) return false;
      for (const s of scores) {
        insertScore.run(crypto.randomUUID(), result.id, result.runId, result.targetId, s.scorerKey, s.score, s.passed ? 1 : 0, s.reason, s.error ? 1 : 0);
      }
      return true;
    });
}

type ResultWriter = (result: ResultRow, scores: ScoreRow[], signal?: AbortSignal) => Promise<boolean>;

/** The same write through the query builder, for Postgres (where statements are prepared by the server anyway). */
const writeResultsWithBuilder: ResultWriter = (result, scores, signal) =>
  transaction(async (tx) => {
    if (signal?.aborted) return false;
    const stored = await tx
      .insert(evalResults)
      .values({ ...result, createdAt: new Date(result.createdAt) })
      .onConflictDoNothing({ target: [evalResults.targetId, evalResults.runCaseId] })
      .returning({ id: evalResults.id });
    if (stored.length === 0) return false;
    if (scores.length > 0) {
      await tx.insert(evalScores).values(scores.map((s) => ({ resultId: result.id, runId: result.runId, targetId: result.targetId, ...s })));
    }
    return true;
  });

const heldBy = (runId: string, workerId: string) => and(eq(evalRuns.id, runId), eq(evalRuns.workerId, workerId), eq(evalRuns.status, "running"));

/** Takes a queued or interrupted run for this worker; null when another worker has it or it is not waiting. */
export function claimEvalRun({ runId, workerId, now }: { runId: string; workerId: string; now: number }): Promise<EvalRun | null> {
  return transaction(async (tx) => {
    const claimed = await tx
      .update(evalRuns)
      .set({
        status: "running",
        workerId,
        heartbeatAt: new Date(now),
        startedAt: sql`coalesce(${evalRuns.startedAt}, ${now})`,
        finishedAt: null,
        errorMessage: null,
      })
      .where(and(eq(evalRuns.id, runId), inArray(evalRuns.status, ["queued", "interrupted"])))
      .returning({ id: evalRuns.id });
    return claimed.length === 1 ? ((await findEvalRun(tx, { runId })) ?? null) : null;
  });
}

/** Keeps this worker's hold on a run; false when the run was cancelled or taken over (the worker must stop). */
export async function heartbeatEvalRun({ runId, workerId, now }: { runId: string; workerId: string; now: number }): Promise<boolean> {
  const updated = await transaction(async (tx) => tx.update(evalRuns).set({ heartbeatAt: new Date(now) }).where(heldBy(runId, workerId)).returning({ id: evalRuns.id }));
  return updated.length === 1;
}

/** A run still "running" with a stale heartbeat lost its worker (the process died): mark it interrupted. */
export async function markStaleEvalRunsInterrupted({ staleBefore }: { staleBefore: number }): Promise<number> {
  const marked = await transaction(async (tx) =>
    tx
      .update(evalRuns)
      .set({ status: "interrupted", workerId: null })
      .where(and(eq(evalRuns.status, "running"), or(isNull(evalRuns.heartbeatAt), lt(evalRuns.heartbeatAt, new Date(staleBefore)))))
      .returning({ id: evalRuns.id }),
  );
  return marked.length;
}

/** Ends a run this worker holds; false when it was cancelled (or taken over) meanwhile. */
export async function finishEvalRun({
  runId,
  workerId,
  status,
  errorMessage = null,
  now,
}: {
  runId: string;
  workerId: string;
  status: "completed" | "failed";
  errorMessage?: string | null;
  now: number;
}): Promise<boolean> {
  const finished = await transaction(async (tx) =>
    tx.update(evalRuns).set({ status, errorMessage, finishedAt: new Date(now) }).where(heldBy(runId, workerId)).returning({ id: evalRuns.id }),
  );
  return finished.length === 1;
}

/** Hands a run back without finishing it (this process is shutting down); the next worker resumes it. */
export async function releaseEvalRun({ runId, workerId }: { runId: string; workerId: string }): Promise<boolean> {
  const released = await transaction(async (tx) => tx.update(evalRuns).set({ status: "interrupted", workerId: null }).where(heldBy(runId, workerId)).returning({ id: evalRuns.id }));
  return released.length === 1;
}
