import "server-only";
import { and, eq, gte, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { databaseEngine, sqliteOf, type Db } from "@/db";
import { evalCaseLeases, evalResults, evalRuns, evalScores, type EvalResultStatus, type EvalRun } from "@/db/schema";
import { transaction } from "@/db/transaction";
import { findEvalRun } from "./queries";

// The worker's writes to a run it executes: claiming or joining it, heartbeats, finishing or handing it back, and
// storing each case's result and scores. With manage-runs.ts (creating, cancelling, resuming) and manage-leases.ts
// (which process runs which case) the only writers of the eval tables (the studio/one-writer lint rule enforces
// it). Each is its own small transaction. The lifecycle writes are conditional UPDATEs on the run's status, so a
// cancelled run is never finished or put back to running; the result writer writes nothing once the runner's signal
// is aborted.

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

/**
 * The same write through the query builder, for Postgres (where statements are prepared by the server anyway). In
 * READ COMMITTED: the write's guarantee is its own statement's (ON CONFLICT on the result's target and case, which
 * waits for a concurrent insert of the same case), and under SERIALIZABLE the workers storing one run's results, which
 * read the same index pages, were refused now and then and ran again.
 */
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
  }, { isolation: "read committed" });

/** The run is being executed: by this process or others (several share a run by leasing its cases). */
const underway = (runId: string) => and(eq(evalRuns.id, runId), inArray(evalRuns.status, ["running", "interrupted"]));

export interface ClaimedRun {
  run: EvalRun;
  /** Another process was already executing it: this one joins and takes cases nobody holds. */
  joined: boolean;
}

/**
 * Takes a queued or interrupted run for this worker, or joins one that is running; null when the run is not
 * waiting nor running (finished, cancelled, or gone).
 */
export function claimEvalRun({ runId, workerId, now }: { runId: string; workerId: string; now: number }): Promise<ClaimedRun | null> {
  return transaction(async (tx) => {
    const current = await findEvalRun(tx, { runId });
    if (current?.status === "running") return { run: current, joined: true };
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
    const run = claimed.length === 1 ? await findEvalRun(tx, { runId }) : undefined;
    return run ? { run, joined: false } : null;
  });
}

/**
 * A participant's heartbeat: the run is still being executed. Puts back "running" if another process, stopping,
 * marked it interrupted meanwhile. False when the run was cancelled or has ended (the worker must stop).
 */
export async function heartbeatEvalRun({ runId, workerId, now }: { runId: string; workerId: string; now: number }): Promise<boolean> {
  const updated = await transaction(async (tx) =>
    tx
      .update(evalRuns)
      .set({ heartbeatAt: new Date(now), status: "running", workerId: sql`coalesce(${evalRuns.workerId}, ${workerId})` })
      .where(underway(runId))
      .returning({ id: evalRuns.id }),
  );
  return updated.length === 1;
}

/** A run still "running" with a stale heartbeat lost every worker (their processes died): mark it interrupted. */
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

/**
 * Ends a run being executed, and drops its leases; false when it was cancelled or had already ended (another
 * process sharing it finished it first).
 */
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
  return transaction(async (tx) => {
    const finished = await tx
      .update(evalRuns)
      .set({ status, errorMessage, workerId, finishedAt: new Date(now) })
      .where(underway(runId))
      .returning({ id: evalRuns.id });
    if (finished.length === 1) await tx.delete(evalCaseLeases).where(eq(evalCaseLeases.runId, runId));
    return finished.length === 1;
  });
}

/**
 * Hands back this worker's part of a run without finishing it (the process is shutting down): its leases go, so
 * others take those cases at once, and the run is marked interrupted when no other process holds a lease on it
 * (one that does puts "running" back at its next heartbeat). The next worker resumes it.
 */
export async function releaseEvalRun({ runId, workerId }: { runId: string; workerId: string }): Promise<boolean> {
  return transaction(async (tx) => {
    await tx.delete(evalCaseLeases).where(and(eq(evalCaseLeases.runId, runId), eq(evalCaseLeases.workerId, workerId)));
    const othersLeases = await tx
      .select({ id: evalCaseLeases.runCaseId })
      .from(evalCaseLeases)
      .where(and(eq(evalCaseLeases.runId, runId), gte(evalCaseLeases.leasedUntil, new Date())))
      .limit(1);
    if (othersLeases.length > 0) return false;
    const released = await tx.update(evalRuns).set({ status: "interrupted", workerId: null }).where(and(eq(evalRuns.id, runId), eq(evalRuns.status, "running"))).returning({ id: evalRuns.id });
    return released.length === 1;
  });
}
