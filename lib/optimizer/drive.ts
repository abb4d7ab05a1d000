import "server-only";
import { getDb } from "@/db";
import type { OptimizationOutcome, OptimizationRun } from "@/db/schema";
import { toAppError } from "@/lib/core/errors";
import { logger } from "@/lib/platform/logger";
import { startHeartbeat } from "@/lib/platform/ops/heartbeat";
import { streamCompletion } from "@/lib/platform/models/stream-completion";
import { isCancelledError } from "@/lib/platform/models/model-errors";
import { getWorkspaceModel } from "@/lib/platform/providers/workspace-model";
import { completeEvalRun, readCandidateResults } from "@/lib/evals/server";
import { findVersion } from "@/lib/prompts/server";
import type { BudgetLimit } from "./budget";
import {
  candidateEvalRun,
  claimOptimization,
  finishOptimization,
  heartbeatOptimization,
  recordCandidateScores,
  recordProgress,
  recordProposal,
  recordSplit,
  releaseOptimization,
} from "./manage-optimizations";
import { caseScore } from "./metric";
import { optimize, type OptimizeResult } from "./optimize";
import { proposerPrompt, readProposals } from "./proposer-prompt";
import { listOptimizerCases } from "./queries";
import type { Evaluate, Propose } from "./types";

// Runs one optimization in this process: the loop of optimize.ts with its candidates scored by ordinary eval runs
// and its proposer a workspace model. Everything the loop decides follows from the seed and from what is stored,
// so a run resumed after a crash replays its start from the database (the split, each candidate's eval run and
// scores, the proposer's recorded answers) and carries on where it stopped: no candidate is evaluated twice, and
// an eval run that was half done finishes its remaining cases only.

export type DriveResult = "completed" | "failed" | "stopped" | "not-claimed";

const PROPOSER_TIMEOUT_MS = 120_000;

export interface DriveOptions {
  runId: string;
  workerId: string;
  heartbeatMs?: number;
  /** Aborting it hands the run back (process shutdown); the next worker resumes it. */
  signal?: AbortSignal;
}

const mean = (values: readonly number[]) => (values.length === 0 ? 0 : values.reduce((sum, v) => sum + v, 0) / values.length);

function outcomeOf(result: OptimizeResult): OptimizationOutcome {
  const { heldOut } = result;
  return {
    bestKey: result.best.id,
    baselineKey: result.baseline.id,
    stoppedBy: result.stoppedBy,
    spent: result.spent,
    heldOut: {
      cases: heldOut.cases,
      baseline: heldOut.baseline,
      best: heldOut.best,
      test: heldOut.test,
      pValue: heldOut.mcnemar?.pValue ?? null,
      interval: heldOut.interval ? { low: heldOut.interval.low, high: heldOut.interval.high, estimate: heldOut.interval.meanDifference } : null,
      discordant: heldOut.mcnemar ? { baselineOnly: heldOut.mcnemar.baselineOnly, bestOnly: heldOut.mcnemar.candidateOnly } : null,
      verdict: heldOut.verdict,
    },
    rejected: result.rejected.slice(0, 50).map((r) => ({ text: r.text.slice(0, 2_000), reasons: r.reasons })),
  };
}

async function runLoop(run: OptimizationRun, workerId: string, signal: AbortSignal, heartbeatMs: number): Promise<OptimizeResult> {
  const db = getDb();
  const base = await findVersion(db, { promptId: run.promptId, version: run.baseVersion });
  if (!base) throw new Error(`version ${run.baseVersion} of the prompt is missing`);
  const cases = await listOptimizerCases(db, { datasetId: run.datasetId });
  const datasetVariables = [...new Set(cases.flatMap((c) => Object.keys(c.variables)))];

  const evaluate: Evaluate = async (candidate, batch, phase) => {
    const evalRunId = await candidateEvalRun({ run, workerId, candidate, phase, caseIds: batch.map((c) => c.id) });
    await completeEvalRun({ runId: evalRunId, workerId, signal, heartbeatMs });
    const scores = (await readCandidateResults({ runId: evalRunId })).map((result) => caseScore(result, run.metric));
    if (phase === "held-out") await recordCandidateScores({ runId: run.id, key: candidate.id, scores: { heldOutScore: mean(scores.map((s) => s.score)) } });
    return scores;
  };

  const proposals = [...run.proposals];
  let asked = 0;
  const proposer = await getWorkspaceModel({ workspaceId: run.workspaceId, modelId: run.proposerModelId });
  const propose: Propose = async (request) => {
    const index = asked++;
    if (index < proposals.length) return proposals[index]!;
    const completion = await streamCompletion({
      ...proposer,
      messages: [{ role: "user", content: proposerPrompt(request) }],
      settings: { temperature: 0.7 },
      abortSignal: signal,
      timeoutMs: PROPOSER_TIMEOUT_MS,
      stream: false,
    });
    const texts = readProposals(completion.text);
    await recordProposal({ runId: run.id, index, texts });
    return texts;
  };

  const { settings } = run;
  return optimize({
    baseline: { template: base.template, messages: base.messages },
    cases,
    datasetVariables,
    strategy: run.strategy,
    budget: run.budget,
    seed: settings.seed,
    fractions: settings.fractions,
    rounds: settings.rounds,
    beamWidth: settings.beamWidth,
    candidatesPerRound: settings.candidatesPerRound,
    maxShotsPerLabel: settings.maxShotsPerLabel,
    startedAt: run.startedAt?.getTime() ?? Date.now(),
    evaluate,
    propose,
    onSplit: ({ train, validation, heldOut }) => recordSplit({ runId: run.id, split: { train, validation, heldOut } }),
    onCandidate: (row) =>
      recordCandidateScores({ runId: run.id, key: row.candidate.id, scores: { trainScore: row.train, validationScore: row.validation, calls: row.calls, costUsd: row.costUsd } }),
    onProgress: (progress) => recordProgress({ runId: run.id, progress }),
  });
}

export async function driveOptimization({ runId, workerId, heartbeatMs = 3_000, signal }: DriveOptions): Promise<DriveResult> {
  if (signal?.aborted) return "not-claimed";
  const run = await claimOptimization({ runId, workerId, now: Date.now() });
  if (!run) return "not-claimed";
  const controller = new AbortController();
  const onOuterAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener("abort", onOuterAbort, { once: true });
  const heartbeat = startHeartbeat({
    intervalMs: heartbeatMs,
    signal: controller.signal,
    context: { runId, event: "optimization.heartbeat" },
    beat: async (now) => {
      if (!(await heartbeatOptimization({ runId, workerId, now }))) controller.abort(new DOMException("The optimization was cancelled.", "AbortError"));
    },
  });
  const stopHeartbeat = () => heartbeat.stop();
  const started = performance.now();
  logger.info({ event: "optimization.started", runId, workerId }, "optimization started");
  try {
    const result = await runLoop(run, workerId, controller.signal, heartbeatMs);
    await stopHeartbeat();
    if (!(await finishOptimization({ runId, workerId, status: "completed", outcome: outcomeOf(result) }))) return "stopped";
    logger.info({ event: "optimization.completed", runId, ms: Math.round(performance.now() - started), verdict: result.heldOut.verdict, stoppedBy: result.stoppedBy as BudgetLimit | "rounds" }, "optimization completed");
    return "completed";
  } catch (thrown) {
    await stopHeartbeat();
    if (controller.signal.aborted || isCancelledError(thrown)) {
      // Shutting down: hand the run back for the next worker. Cancelled: the cancel already ended it.
      if (signal?.aborted) await releaseOptimization({ runId, workerId });
      logger.info({ event: "optimization.stopped", runId }, "optimization stopped");
      return "stopped";
    }
    const error = toAppError(thrown);
    logger.error({ err: thrown, runId }, "optimization failed");
    await finishOptimization({ runId, workerId, status: "failed", errorMessage: error.message });
    return "failed";
  } finally {
    void heartbeat.stop();
    signal?.removeEventListener("abort", onOuterAbort);
  }
}
