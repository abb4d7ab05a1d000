import "server-only";
import { getDb } from "@/db";
import { requirePermission, requireSameWorkspace } from "@/lib/platform/auth/policy";
import type { Principal } from "@/lib/platform/auth/principal";
import { AppError } from "@/lib/core/errors";
import { parseInput } from "@/lib/platform/http/route";
import { findPromptByName } from "@/lib/prompts/server";
import { createEvalRun } from "./manage-runs";
import { findEvalRun, findRunDataset, findRunDatasetByName, listEvalRunTargets } from "./queries";
import { findEvalRunResult, getEvalRunProgress, getEvalRunSummary, listEvalRunResults, listEvalRunScores } from "./read-runs";
import { resultsPageQuerySchema, startRunBodySchema, type EvalResultsPage, type EvalRunView } from "./schemas";

// The eval endpoints of /api/v1 (CI): start a run by prompt and dataset name, read its status, progress and summary,
// page through its results. Their bodies and answers are schemas.ts's, from which lib/api/openapi.ts documents
// them; dispatched by lib/api/handlers.ts.

/** POST /api/v1/evals/runs */
export async function startEvalRunFromApi(principal: Principal, body: unknown): Promise<EvalRunView> {
  requirePermission(principal, "evals:run");
  const input = parseInput(startRunBodySchema, body);
  const db = getDb();
  const prompt = await findPromptByName(db, { workspaceId: principal.workspaceId, name: input.prompt });
  if (!prompt || prompt.archivedAt) throw new AppError("not_found:prompt", `No prompt "${input.prompt}" in this workspace.`);
  const dataset = await findRunDatasetByName(db, { workspaceId: principal.workspaceId, name: input.dataset });
  if (!dataset || dataset.archivedAt) throw new AppError("not_found:dataset", `No dataset "${input.dataset}" in this workspace.`);
  const created = await createEvalRun(principal, {
    datasetId: dataset.id,
    promptId: prompt.id,
    targets: [input.version !== undefined ? { version: input.version } : { label: input.label ?? "production" }],
    modelId: input.model ?? null,
    ...(input.scorers ? { scorers: input.scorers } : {}),
    ...(input.concurrency ? { concurrency: input.concurrency } : {}),
    ...(input.timeoutMs ? { caseTimeoutMs: input.timeoutMs } : {}),
    ...(input.maxRetries !== undefined ? { maxRetries: input.maxRetries } : {}),
    name: input.name ?? "",
    source: input.source ?? "api",
  });
  return describeEvalRun(principal, created.id);
}

async function loadRun(principal: Principal, runId: string) {
  requirePermission(principal, "dashboards:read");
  const run = await findEvalRun(getDb(), { runId });
  requireSameWorkspace(principal, run, "That evaluation");
  return run;
}

/** GET /api/v1/evals/runs/{id}: status, progress and summary. */
export async function describeEvalRun(principal: Principal, runId: string): Promise<EvalRunView> {
  const db = getDb();
  const run = await loadRun(principal, runId);
  const labels = Object.fromEntries(run.scorers.map((s) => [s.key, s.label]));
  const [targets, summary, progress, dataset] = await Promise.all([
    listEvalRunTargets(db, { runId }),
    getEvalRunSummary(db, { runId, scorerLabels: labels }),
    getEvalRunProgress(db, { runId, totalCases: run.totalCases }),
    findRunDataset(db, { datasetId: run.datasetId }),
  ]);
  return {
    id: run.id,
    name: run.name,
    status: run.status,
    prompt: targets[0]?.promptName ?? "",
    datasetId: run.datasetId,
    dataset: dataset?.name ?? "",
    targets: targets.map((t) => ({ id: t.id, version: t.version, environment: t.environmentSlug, model: t.modelId, draft: t.content !== null })),
    scorers: run.scorers.map((s) => ({ key: s.key, type: s.type, label: s.label, negate: s.negate === true })),
    progress: { done: progress.done, total: progress.total, errors: progress.errors, etaSeconds: progress.etaSeconds },
    summary: {
      passRate: summary.passRate,
      passed: summary.passed,
      failed: summary.failed,
      errors: summary.errors,
      unscored: summary.unscored,
      meanScore: summary.meanScore,
      costUsd: summary.costUsd,
      latencyP50Ms: summary.latencyP50Ms,
      latencyP95Ms: summary.latencyP95Ms,
      scorers: summary.scorers.map((s) => ({ key: s.scorerKey, label: s.label, passRate: s.passRate, meanScore: s.meanScore })),
      targets: summary.targets.map((t) => ({ targetId: t.targetId, passRate: t.passRate, passed: t.passed, failed: t.failed, errors: t.errors, unscored: t.unscored })),
    },
    errorMessage: run.errorMessage,
    createdAt: run.createdAt.toISOString(),
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}

/** GET /api/v1/evals/runs/{id}/results: a page of results, each with every scorer's verdict. */
export async function listEvalRunResultsForApi(principal: Principal, runId: string, query: Record<string, string>): Promise<EvalResultsPage> {
  const db = getDb();
  await loadRun(principal, runId);
  const { page, pageSize, filter } = parseInput(resultsPageQuerySchema, query);
  const [targetRows, results] = await Promise.all([listEvalRunTargets(db, { runId }), listEvalRunResults(db, { runId, filter, page, pageSize })]);
  const targets = new Map(targetRows.map((t) => [t.id, t]));
  const scores = await listEvalRunScores(db, { runId, resultIds: results.rows.map((r) => r.id) });
  return {
    items: results.rows.map((r) => ({
      id: r.id,
      targetId: r.targetId,
      version: targets.get(r.targetId)?.version ?? 0,
      environment: targets.get(r.targetId)?.environmentSlug ?? null,
      case: r.casePosition,
      variables: r.variables,
      status: r.status,
      score: r.score,
      output: r.output,
      latencyMs: r.latencyMs,
      costUsd: r.costUsd,
      attempts: r.attempts,
      error: r.errorMessage,
      scores: scores.filter((s) => s.resultId === r.id).map((s) => ({ key: s.scorerKey, passed: s.passed, score: s.score, reason: s.reason })),
    })),
    page,
    pageSize,
    total: results.total,
  };
}

export type { EvalResultsPage, EvalRunView };

/** One result in full, for the studio's result dialog: the case, the rendered prompt, the output and every verdict. */
export async function describeEvalRunResult(principal: Principal, runId: string, resultId: string) {
  const db = getDb();
  const run = await loadRun(principal, runId);
  const found = await findEvalRunResult(db, { runId, resultId });
  if (!found) throw new AppError("not_found:eval", "That result was not found in this evaluation.");
  // A case assertion whose key a run scorer already uses was stored as "<key>-case" (evaluate-case.ts).
  const runScorers = new Map(run.scorers.map((s) => [s.key, s]));
  const assertions = new Map(found.runCase.assertions.map((s) => [s.key, s]));
  const configOf = (key: string) => runScorers.get(key) ?? assertions.get(key) ?? assertions.get(key.replace(/-case$/, ""));
  const target = (await listEvalRunTargets(db, { runId })).find((t) => t.id === found.result.targetId);
  const { result, runCase } = found;
  return {
    id: result.id,
    status: result.status,
    target: target ? { version: target.version, environment: target.environmentName, model: target.modelId } : null,
    case: runCase.position,
    variables: runCase.variables,
    expectedOutput: runCase.expectedOutput,
    renderedInput: result.renderedInput,
    output: result.output,
    score: result.score,
    inputTokens: result.inputTokens,
    outputTokens: result.outputTokens,
    costUsd: result.costUsd,
    latencyMs: result.latencyMs,
    attempts: result.attempts,
    errorCode: result.errorCode,
    errorMessage: result.errorMessage,
    scores: found.scores.map((s) => ({
      key: s.scorerKey,
      label: configOf(s.scorerKey)?.label ?? s.scorerKey,
      negate: configOf(s.scorerKey)?.negate === true,
      passed: s.passed,
      score: s.score,
      reason: s.reason,
      error: s.error,
    })),
  };
}
export type EvalResultView = Awaited<ReturnType<typeof describeEvalRunResult>>;
