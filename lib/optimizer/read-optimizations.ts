import "server-only";
import { and, asc, count, eq, inArray, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { datasetCases, datasets, type OptimizationCandidate, type OptimizationRun, type ScorerConfig } from "@/db/schema";
import { requirePermission, requireSameWorkspace } from "@/lib/platform/auth/policy";
import type { Principal } from "@/lib/platform/auth/principal";
import { findPromptById } from "@/lib/prompts/server";
import { findOptimization, findOptimizationDataset, listOptimizationCandidates, listOptimizationsOfPrompt } from "./queries";
import type { OptimizationCandidateView, OptimizationSummary, OptimizationView } from "./views";

// What the Optimize tab, the run page, the API and the CLI read: one shape for all of them (views.ts).

function summary(run: OptimizationRun, promptName: string, datasetName: string): OptimizationSummary {
  return {
    id: run.id,
    status: run.status,
    strategy: run.strategy,
    prompt: { id: run.promptId, name: promptName },
    baseVersion: run.baseVersion,
    dataset: { id: run.datasetId, name: datasetName },
    metric: run.metric.map((part) => ({ key: part.scorer.key, type: part.scorer.type, weight: part.weight })),
    taskModelId: run.taskModelId,
    proposerModelId: run.proposerModelId,
    budget: run.budget,
    settings: run.settings,
    split: run.split ? { train: run.split.train.length, validation: run.split.validation.length, heldOut: run.split.heldOut.length } : null,
    progress: run.progress,
    outcome: run.outcome,
    savedVersion: run.savedVersion,
    errorMessage: run.errorMessage,
    source: run.source,
    createdAt: run.createdAt.toISOString(),
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}

function candidateView(row: OptimizationCandidate): OptimizationCandidateView {
  return {
    key: row.key,
    round: row.round,
    origin: row.origin as OptimizationCandidateView["origin"],
    detail: row.detail,
    parentKey: row.parentKey,
    template: row.template,
    messages: row.messages,
    trainScore: row.trainScore,
    validationScore: row.validationScore,
    heldOutScore: row.heldOutScore,
    calls: row.calls,
    costUsd: row.costUsd,
    evalRunId: row.searchEvalRunId,
    heldOutEvalRunId: row.heldOutEvalRunId,
  };
}

/** One optimization with its candidates, best validation score first (the leaderboard). */
export async function describeOptimization(principal: Principal, { runId }: { runId: string }): Promise<OptimizationView> {
  requirePermission(principal, "prompts:read");
  const db = getDb();
  const run = await findOptimization(db, { runId });
  requireSameWorkspace(principal, run, "That optimization");
  const [prompt, dataset, candidates] = await Promise.all([
    findPromptById(db, { promptId: run.promptId }),
    findOptimizationDataset(db, { datasetId: run.datasetId }),
    listOptimizationCandidates(db, { runId }),
  ]);
  const scored = candidates.filter((c) => c.validationScore !== null);
  // The optimizer's own order (optimize.ts): validation score, then the earlier round, then the order scored (the
  // list comes in creation order and the sort is stable). So the top row is the candidate the run chose.
  const best = run.outcome?.bestKey;
  const leaderboard = [...scored].sort(
    (a, b) => b.validationScore! - a.validationScore! || Number(b.key === best) - Number(a.key === best) || a.round - b.round,
  );
  return { ...summary(run, prompt?.name ?? "", dataset?.name ?? ""), candidates: leaderboard.map(candidateView) };
}

/** A prompt's optimizations, newest first. */
export async function listOptimizations(principal: Principal, { promptId }: { promptId: string }): Promise<OptimizationSummary[]> {
  requirePermission(principal, "prompts:read");
  const db = getDb();
  const prompt = await findPromptById(db, { promptId });
  requireSameWorkspace(principal, prompt, "That prompt");
  const runs = await listOptimizationsOfPrompt(db, { promptId });
  const names = new Map<string, string>();
  for (const datasetId of new Set(runs.map((r) => r.datasetId))) names.set(datasetId, (await findOptimizationDataset(db, { datasetId }))?.name ?? "");
  return runs.map((run) => summary(run, prompt.name, names.get(run.datasetId) ?? ""));
}

/** A dataset the "New optimization" form offers: its size (the server wants at least OPTIMIZER_LIMITS.minCases) and default scorers. */
export interface OptimizableDataset {
  id: string;
  name: string;
  caseCount: number;
  defaultScorers: ScorerConfig[];
}

/** The workspace's datasets that are not archived, by name, with their case counts. */
async function listOptimizableDatasets(principal: Principal): Promise<OptimizableDataset[]> {
  const db = getDb();
  const rows = await db
    .select({ id: datasets.id, name: datasets.name, defaultScorers: datasets.defaultScorers })
    .from(datasets)
    .where(and(eq(datasets.workspaceId, principal.workspaceId), isNull(datasets.archivedAt)))
    .orderBy(asc(datasets.name));
  if (rows.length === 0) return [];
  const counts = await db
    .select({ id: datasetCases.datasetId, n: count() })
    .from(datasetCases)
    .where(inArray(datasetCases.datasetId, rows.map((r) => r.id)))
    .groupBy(datasetCases.datasetId);
  const byId = new Map(counts.map((c) => [c.id, Number(c.n)]));
  return rows.map((row) => ({ ...row, caseCount: byId.get(row.id) ?? 0 }));
}

/** What a prompt's Optimize tab shows: its optimizations, newest first, and the datasets a new one may run on. */
export async function loadOptimizeTab(principal: Principal, { promptId }: { promptId: string }): Promise<{ optimizations: OptimizationSummary[]; datasets: OptimizableDataset[] }> {
  const optimizations = await listOptimizations(principal, { promptId });
  return { optimizations, datasets: await listOptimizableDatasets(principal) };
}
