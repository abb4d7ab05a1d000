import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { evalResults, evalRunCases, evalScores, type EvalResultStatus, type EvalRun } from "@/db/schema";
import { AppError } from "@/lib/core/errors";
import { sleep } from "./backoff";
import { findEvalRun } from "./queries";
import { executeEvalRun } from "./runner";

// What the optimizer needs of an eval run it created (manage-runs.ts createCandidateEvalRun): to see it finished,
// executing it here when nobody else does, and to read each case's result with each scorer's score.

/**
 * Executes the run in this process until it is completed, and returns it. A run another process holds is shared
 * (its free cases are leased) or waited for; an interrupted one (its process died) is picked up. Throws when the
 * run failed or was cancelled, or when `signal` aborts.
 */
export async function completeEvalRun({
  runId,
  workerId,
  signal,
  heartbeatMs,
  pollMs = 200,
}: {
  runId: string;
  workerId: string;
  signal?: AbortSignal;
  /** The runner's heartbeat (its leases last four of them); the runner's default when absent. */
  heartbeatMs?: number;
  pollMs?: number;
}): Promise<EvalRun> {
  for (;;) {
    signal?.throwIfAborted();
    const run = await findEvalRun(getDb(), { runId });
    if (!run) throw new AppError("not_found:eval", "That evaluation does not exist.");
    if (run.status === "completed") return run;
    if (run.status === "failed") throw new AppError("upstream:optimizer", `A candidate's evaluation failed: ${run.errorMessage ?? "unknown error"}`);
    if (run.status === "cancelled") throw new DOMException("A candidate's evaluation was cancelled.", "AbortError");
    const outcome = await executeEvalRun({ runId, workerId, ...(signal ? { signal } : {}), ...(heartbeatMs ? { heartbeatMs } : {}) });
    if (outcome === "not-claimed" || outcome === "stopped") await sleep(pollMs, signal);
  }
}

export interface CandidateCaseResult {
  caseId: string;
  status: EvalResultStatus;
  score: number | null;
  output: string;
  attempts: number;
  costUsd: number;
  scorers: Record<string, number | null>;
}

/** Every result of a one-target run, by dataset case id, with each scorer's score. */
export async function readCandidateResults({ runId }: { runId: string }): Promise<CandidateCaseResult[]> {
  const db = getDb();
  const [results, scores] = await Promise.all([
    db
      .select({ id: evalResults.id, caseId: evalRunCases.caseId, status: evalResults.status, score: evalResults.score, output: evalResults.output, attempts: evalResults.attempts, costUsd: evalResults.costUsd })
      .from(evalResults)
      .innerJoin(evalRunCases, eq(evalRunCases.id, evalResults.runCaseId))
      .where(eq(evalResults.runId, runId))
      .orderBy(asc(evalRunCases.position)),
    db.select({ resultId: evalScores.resultId, key: evalScores.scorerKey, score: evalScores.score }).from(evalScores).where(eq(evalScores.runId, runId)),
  ]);
  const byResult = new Map<string, Record<string, number | null>>();
  for (const s of scores) byResult.set(s.resultId, { ...(byResult.get(s.resultId) ?? {}), [s.key]: s.score });
  return results.map((r) => ({
    caseId: r.caseId ?? "",
    status: r.status,
    score: r.score,
    output: r.output,
    attempts: r.attempts,
    costUsd: r.costUsd ?? 0,
    scorers: byResult.get(r.id) ?? {},
  }));
}
