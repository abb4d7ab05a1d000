import "server-only";
import { and, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import { only } from "@/db/first";
import { transaction } from "@/db/transaction";
import {
  optimizationCandidates,
  optimizationRuns,
  type OptimizationMetricPart,
  type OptimizationOutcome,
  type OptimizationProgress,
  type OptimizationRun,
  type OptimizationStatus,
  type ScorerConfig,
} from "@/db/schema";
import { AppError } from "@/lib/core/errors";
import { cancelledError } from "@/lib/platform/models/model-errors";
import { recordAuditBy } from "@/lib/platform/audit/record";
import { requirePermission, requireSameWorkspace } from "@/lib/platform/auth/policy";
import type { Principal } from "@/lib/platform/auth/principal";
import { parseInput } from "@/lib/platform/http/route";
import { resolveWorkspaceProviders } from "@/lib/platform/providers/resolve-providers";
import { getWorkspaceModel } from "@/lib/platform/providers/workspace-model";
import { scorerConfigSchema } from "@/lib/evals";
import { assertScorerAvailable, cancelCandidateEvalRuns, createCandidateEvalRun, type CandidateEvalRunInput } from "@/lib/evals/server";
import { findLatestVersion, findPromptById, findVersion, saveVersionInTransaction } from "@/lib/prompts/server";
import { DEFAULT_FRACTIONS } from "./optimize";
import { findOptimization, findOptimizationCandidate, findOptimizationDataset, countDatasetCases } from "./queries";
import { OPTIMIZER_LIMITS, startOptimizationSchema, type StartOptimizationInput } from "./schemas";
import type { Candidate, EvaluationPhase } from "./types";
import { triggerOptimizationWorker } from "./worker-trigger";

// Starting, cancelling and saving optimizations, and the driver's bookkeeping: the only writer of
// optimization_runs and optimization_candidates. Members (the Optimize tab) and API keys (the CLI) come through
// the same permission, workspace and audit checks.

/** Starts an optimization: checked, recorded and audited here; the worker (worker.ts) runs it. */
export async function startOptimization(principal: Principal, raw: StartOptimizationInput): Promise<{ id: string; status: OptimizationStatus }> {
  requirePermission(principal, "optimizations:run");
  const input = parseInput(startOptimizationSchema, raw);
  const metric: OptimizationMetricPart[] = input.metric.map((part) => ({ scorer: parseInput(scorerConfigSchema, part.scorer) as ScorerConfig, weight: part.weight }));
  const keys = metric.map((part) => part.scorer.key);
  if (new Set(keys).size !== keys.length) throw new AppError("bad_request:optimizer", "Each scorer of the metric needs its own key.");
  for (const part of metric) assertScorerAvailable(part.scorer.type);
  const providers = await resolveWorkspaceProviders({ workspaceId: principal.workspaceId });
  // A model the workspace cannot call fails here, with the provider's message, not after the first round.
  for (const modelId of new Set([input.taskModelId, input.proposerModelId])) await getWorkspaceModel({ workspaceId: principal.workspaceId, modelId, providers });
  const run = await transaction(async (tx) => {
    const prompt = await findPromptById(tx, { promptId: input.promptId });
    requireSameWorkspace(principal, prompt, "That prompt");
    if (prompt.archivedAt) throw new AppError("bad_request:prompt", `"${prompt.name}" is archived.`);
    const version = input.version !== undefined ? await findVersion(tx, { promptId: prompt.id, version: input.version }) : await findLatestVersion(tx, { promptId: prompt.id });
    if (!version) throw new AppError("not_found:prompt", input.version !== undefined ? `"${prompt.name}" has no version ${input.version}.` : `"${prompt.name}" has no versions yet.`);
    const dataset = await findOptimizationDataset(tx, { datasetId: input.datasetId });
    requireSameWorkspace(principal, dataset, "That dataset");
    if (dataset.archivedAt) throw new AppError("bad_request:dataset", `The dataset "${dataset.name}" is archived.`);
    const cases = await countDatasetCases(tx, { datasetId: dataset.id });
    if (cases < OPTIMIZER_LIMITS.minCases) {
      throw new AppError("bad_request:optimizer", `"${dataset.name}" has ${cases} cases; an optimization needs at least ${OPTIMIZER_LIMITS.minCases} to split into train, validation and held-out.`);
    }
    if (cases > OPTIMIZER_LIMITS.maxCases) throw new AppError("bad_request:optimizer", `"${dataset.name}" has ${cases} cases; an optimization can use at most ${OPTIMIZER_LIMITS.maxCases}.`);
    const seed = input.seed ?? Math.floor(Math.random() * 2_147_483_647);
    const created = await only(
      tx
        .insert(optimizationRuns)
        .values({
          workspaceId: principal.workspaceId,
          promptId: prompt.id,
          baseVersion: version.version,
          datasetId: dataset.id,
          strategy: input.strategy,
          metric,
          taskModelId: input.taskModelId,
          proposerModelId: input.proposerModelId,
          budget: input.budget,
          settings: {
            seed,
            rounds: input.rounds,
            beamWidth: input.beamWidth,
            candidatesPerRound: input.candidatesPerRound,
            maxShotsPerLabel: input.maxShotsPerLabel,
            concurrency: input.concurrency,
            fractions: DEFAULT_FRACTIONS,
          },
          source: input.source,
          createdById: principal.user?.id ?? null,
          apiKeyId: principal.apiKey?.id ?? null,
        })
        .returning(),
    );
    await recordAuditBy(tx, principal, {
      action: "optimization.started",
      objectType: "optimization_run",
      objectId: created.id,
      after: { prompt: prompt.name, version: version.version, dataset: dataset.name, strategy: input.strategy, metric: keys, taskModelId: input.taskModelId, proposerModelId: input.proposerModelId, budget: input.budget, seed, source: input.source },
    });
    return created;
  });
  triggerOptimizationWorker();
  return { id: run.id, status: run.status };
}

async function loadRun(principal: Principal, runId: string): Promise<OptimizationRun> {
  const run = await findOptimization(getDb(), { runId });
  requireSameWorkspace(principal, run, "That optimization");
  return run;
}

/** Stops an optimization; the candidate evaluation in flight is cancelled by the driver at its next heartbeat. */
export async function cancelOptimization(principal: Principal, { runId }: { runId: string }): Promise<{ status: OptimizationStatus }> {
  requirePermission(principal, "optimizations:run");
  const run = await loadRun(principal, runId);
  await transaction(async (tx) => {
    const updated = await tx
      .update(optimizationRuns)
      .set({ status: "cancelled", finishedAt: new Date() })
      .where(and(eq(optimizationRuns.id, runId), inArray(optimizationRuns.status, ["queued", "running", "interrupted"])))
      .returning({ id: optimizationRuns.id });
    if (updated.length === 0) throw new AppError("conflict:optimizer", `This optimization is ${run.status} and cannot be cancelled.`);
    // Its candidates' evaluations stop too: an eval worker would otherwise finish them for nobody.
    const candidates = await tx.select({ search: optimizationCandidates.searchEvalRunId, heldOut: optimizationCandidates.heldOutEvalRunId }).from(optimizationCandidates).where(eq(optimizationCandidates.runId, runId));
    await cancelCandidateEvalRuns(tx, { runIds: candidates.flatMap((c) => [c.search, c.heldOut]).filter((id): id is string => id !== null) });
    await recordAuditBy(tx, principal, { action: "optimization.cancelled", objectType: "optimization_run", objectId: runId, before: { status: run.status } });
  });
  return { status: "cancelled" };
}

/**
 * "Save as new version": the best candidate becomes the prompt's next version, with the run's evidence in its commit
 * message and provenance. It ships only through the normal promotion and approval.
 */
export async function saveBestAsVersion(principal: Principal, { runId }: { runId: string }): Promise<{ version: number }> {
  requirePermission(principal, "prompts:write");
  const run = await loadRun(principal, runId);
  if (run.status !== "completed" || !run.outcome) throw new AppError("conflict:optimizer", "Only a completed optimization can be saved.");
  if (run.savedVersion !== null) throw new AppError("conflict:optimizer", `This optimization was already saved as v${run.savedVersion}.`);
  const outcome = run.outcome;
  if (outcome.bestKey === outcome.baselineKey) throw new AppError("conflict:optimizer", "No candidate beat the baseline on validation, so there is nothing to save.");
  return transaction(async (tx) => {
    const best = await findOptimizationCandidate(tx, { runId, key: outcome.bestKey });
    const base = await findVersion(tx, { promptId: run.promptId, version: run.baseVersion });
    const latest = await findLatestVersion(tx, { promptId: run.promptId });
    if (!best || !base || !latest) throw new AppError("not_found:optimizer", "The optimization's candidate or base version is missing.");
    const dataset = await findOptimizationDataset(tx, { datasetId: run.datasetId });
    const { heldOut } = outcome;
    const percent = (value: number) => `${Math.round(value * 100)}%`;
    const significance = heldOut.pValue !== null ? `p = ${heldOut.pValue.toPrecision(2)}` : heldOut.interval ? `95% CI ${heldOut.interval.low.toFixed(3)} to ${heldOut.interval.high.toFixed(3)}` : "";
    const split = run.split ?? { train: [], validation: [], heldOut: [] };
    const commitMessage = `Optimized from v${run.baseVersion} (${run.strategy}, seed ${run.settings.seed}): held-out ${percent(heldOut.baseline)} → ${percent(heldOut.best)}, ${heldOut.verdict} (${heldOut.test}${significance ? `, ${significance}` : ""}; optimization ${run.id})`;
    const saved = await saveVersionInTransaction(tx, principal, {
      promptId: run.promptId,
      content: { type: base.type, template: best.template, messages: best.messages, modelConfig: base.modelConfig },
      commitMessage: commitMessage.slice(0, 500),
      expectedParentVersion: latest.version,
      provenance: {
        source: "optimization",
        runId: run.id,
        strategy: run.strategy,
        seed: run.settings.seed,
        baseVersion: run.baseVersion,
        dataset: dataset?.name ?? "",
        split: { train: split.train.length, validation: split.validation.length, heldOut: split.heldOut.length },
        heldOut: { cases: heldOut.cases, baseline: heldOut.baseline, best: heldOut.best, test: heldOut.test, pValue: heldOut.pValue, interval: heldOut.interval, verdict: heldOut.verdict },
      },
    });
    await tx.update(optimizationRuns).set({ savedVersion: saved.version }).where(eq(optimizationRuns.id, runId));
    await recordAuditBy(tx, principal, { action: "optimization.saved", objectType: "optimization_run", objectId: runId, after: { version: saved.version, candidate: best.key } });
    return { version: saved.version };
  });
}

// ----------------------------------------------------------------------------------------------------------------
// The driver's bookkeeping (drive.ts, worker.ts)

/** Takes a waiting or interrupted run for this process; null when another process has it or it ended. */
export async function claimOptimization({ runId, workerId, now }: { runId: string; workerId: string; now: number }): Promise<OptimizationRun | null> {
  const claimed = await getDb()
    .update(optimizationRuns)
    .set({ status: "running", workerId, heartbeatAt: new Date(now), startedAt: sql`coalesce(${optimizationRuns.startedAt}, ${now})`, errorMessage: null })
    .where(and(eq(optimizationRuns.id, runId), inArray(optimizationRuns.status, ["queued", "interrupted"])))
    .returning({ id: optimizationRuns.id });
  return claimed.length === 1 ? ((await findOptimization(getDb(), { runId })) ?? null) : null;
}

/** False when the run is no longer this worker's to drive (cancelled, or taken over after a stale heartbeat). */
export async function heartbeatOptimization({ runId, workerId, now }: { runId: string; workerId: string; now: number }): Promise<boolean> {
  const updated = await getDb()
    .update(optimizationRuns)
    .set({ heartbeatAt: new Date(now) })
    .where(and(eq(optimizationRuns.id, runId), eq(optimizationRuns.workerId, workerId), eq(optimizationRuns.status, "running")))
    .returning({ id: optimizationRuns.id });
  return updated.length === 1;
}

export async function markStaleOptimizationsInterrupted({ staleBefore }: { staleBefore: number }): Promise<number> {
  const marked = await getDb()
    .update(optimizationRuns)
    .set({ status: "interrupted", workerId: null })
    .where(and(eq(optimizationRuns.status, "running"), or(isNull(optimizationRuns.heartbeatAt), lt(optimizationRuns.heartbeatAt, new Date(staleBefore)))))
    .returning({ id: optimizationRuns.id });
  return marked.length;
}

/** Gives a run back (this process is stopping): the next worker resumes it. */
export async function releaseOptimization({ runId, workerId }: { runId: string; workerId: string }): Promise<void> {
  await getDb()
    .update(optimizationRuns)
    .set({ status: "interrupted", workerId: null })
    .where(and(eq(optimizationRuns.id, runId), eq(optimizationRuns.workerId, workerId), eq(optimizationRuns.status, "running")));
}

export async function recordSplit({ runId, split }: { runId: string; split: { train: string[]; validation: string[]; heldOut: string[] } }): Promise<void> {
  await getDb().update(optimizationRuns).set({ split }).where(and(eq(optimizationRuns.id, runId), isNull(optimizationRuns.split)));
}

/** The proposer's nth answer, kept so a resumed run replays it rather than asking a model again. */
export async function recordProposal({ runId, index, texts }: { runId: string; index: number; texts: string[] }): Promise<void> {
  await transaction(async (tx) => {
    const run = await findOptimization(tx, { runId });
    if (!run || run.proposals.length !== index) return;
    await tx.update(optimizationRuns).set({ proposals: [...run.proposals, texts] }).where(eq(optimizationRuns.id, runId));
  });
}

export async function recordProgress({ runId, progress }: { runId: string; progress: OptimizationProgress }): Promise<void> {
  await getDb().update(optimizationRuns).set({ progress }).where(eq(optimizationRuns.id, runId));
}

/** Ends a run; false when it had been cancelled meanwhile (the cancel stands). */
export async function finishOptimization({
  runId,
  workerId,
  status,
  outcome = null,
  errorMessage = null,
}: {
  runId: string;
  workerId: string;
  status: "completed" | "failed";
  outcome?: OptimizationOutcome | null;
  errorMessage?: string | null;
}): Promise<boolean> {
  const updated = await getDb()
    .update(optimizationRuns)
    .set({ status, outcome, errorMessage, finishedAt: new Date(), workerId: null })
    .where(and(eq(optimizationRuns.id, runId), eq(optimizationRuns.workerId, workerId), eq(optimizationRuns.status, "running")))
    .returning({ id: optimizationRuns.id });
  return updated.length === 1;
}

/**
 * The eval run that scores a candidate in a phase: the one recorded for it, or a new one created with the
 * candidate's row in one transaction, so a crash between the two can never leave an eval run nobody finds.
 */
export async function candidateEvalRun({
  run,
  workerId,
  candidate,
  phase,
  caseIds,
}: {
  run: OptimizationRun;
  workerId: string;
  candidate: Candidate;
  phase: EvaluationPhase;
  caseIds: readonly string[];
}): Promise<string> {
  const column = phase === "search" ? "searchEvalRunId" : "heldOutEvalRunId";
  return transaction(async (tx) => {
    // Read in the same transaction as the insert: a cancel that commits first is seen here, and one that runs
    // beside it conflicts with this read on Postgres (SERIALIZABLE, one of the two is run again), so a cancel
    // never misses an evaluation created while it ran.
    const [owned] = await tx
      .select({ id: optimizationRuns.id })
      .from(optimizationRuns)
      .where(and(eq(optimizationRuns.id, run.id), eq(optimizationRuns.workerId, workerId), eq(optimizationRuns.status, "running")));
    if (!owned) throw cancelledError();
    let row = await findOptimizationCandidate(tx, { runId: run.id, key: candidate.id });
    if (row?.[column]) return row[column]!;
    if (!row) {
      row = await only(
        tx
          .insert(optimizationCandidates)
          .values({
            runId: run.id,
            key: candidate.id,
            round: candidate.round,
            origin: candidate.origin.strategy,
            detail: candidate.origin.detail,
            parentKey: candidate.origin.parentId,
            template: candidate.content.template,
            messages: candidate.content.messages ? [...candidate.content.messages] : null,
          })
          .returning(),
      );
    }
    const base = await findVersion(tx, { promptId: run.promptId, version: run.baseVersion });
    if (!base) throw new AppError("not_found:prompt", `v${run.baseVersion} of the prompt is missing.`);
    const input: CandidateEvalRunInput = {
      workspaceId: run.workspaceId,
      datasetId: run.datasetId,
      promptId: run.promptId,
      version: run.baseVersion,
      modelId: run.taskModelId,
      content: { type: base.type, template: candidate.content.template, messages: candidate.content.messages ? [...candidate.content.messages] : null, modelConfig: base.modelConfig },
      caseIds,
      scorers: run.metric.map((part) => part.scorer),
      concurrency: run.settings.concurrency,
      name: `Optimization ${run.id.slice(0, 8)} · ${phase === "search" ? `candidate ${candidate.id.slice(0, 8)} (round ${candidate.round})` : `held-out check of ${candidate.id.slice(0, 8)}`}`,
      createdById: run.createdById,
    };
    const evalRunId = await createCandidateEvalRun(tx, input);
    await tx.update(optimizationCandidates).set({ [column]: evalRunId }).where(eq(optimizationCandidates.id, row.id));
    return evalRunId;
  });
}

export async function recordCandidateScores({
  runId,
  key,
  scores,
}: {
  runId: string;
  key: string;
  scores: { trainScore?: number; validationScore?: number; heldOutScore?: number; calls?: number; costUsd?: number };
}): Promise<void> {
  await getDb()
    .update(optimizationCandidates)
    .set(scores)
    .where(and(eq(optimizationCandidates.runId, runId), eq(optimizationCandidates.key, key)));
}

export type { DbOrTx };
