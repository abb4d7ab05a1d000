import "server-only";
import { z } from "zod";
import { getDb } from "@/db";
import { AppError } from "@/lib/core/errors";
import { requirePermission, requireSameWorkspace } from "@/lib/platform/auth/policy";
import type { Principal } from "@/lib/platform/auth/principal";
import { parseInput } from "@/lib/platform/http/route";
import { findRunDatasetByName } from "@/lib/evals/server";
import { findLatestVersion, findPromptById, findPromptByName, findVersion } from "@/lib/prompts/server";
import { API_BUDGET_DEFAULTS, DEFAULT_METRIC_SCORER, startOptimizationBodySchema, type SavedOptimization, type StartOptimizationBody } from "./api-schemas";
import { cancelOptimization, saveBestAsVersion, startOptimization } from "./manage-optimizations";
import { findOptimizationDataset } from "./queries";
import { describeOptimization } from "./read-optimizations";
import type { OptimizationView } from "./views";

// The optimization endpoints of /api/v1 (the `promptops optimize` CLI, CI): start one by prompt and dataset name
// or id, follow it, cancel it, save its best candidate. They go through manage-optimizations.ts, the tables' only
// writer, under the same permission, workspace and audit checks as the studio; dispatched by lib/api/handlers.ts.

/** POST /api/v1/optimizations */
export async function startOptimizationFromApi(principal: Principal, body: unknown): Promise<OptimizationView> {
  requirePermission(principal, "optimizations:run");
  const input = parseInput(startOptimizationBodySchema, body);
  const promptId = await resolvePromptId(principal, input);
  const datasetId = await resolveDatasetId(principal, input);
  const taskModelId = input.taskModelId ?? (await modelOfVersion(promptId, input.version));
  const { id } = await startOptimization(principal, {
    promptId,
    version: input.version,
    datasetId,
    metric: input.metric ?? [{ scorer: DEFAULT_METRIC_SCORER, weight: 1 }],
    taskModelId,
    proposerModelId: input.proposerModelId ?? taskModelId,
    strategy: input.strategy ?? "both",
    budget: { ...API_BUDGET_DEFAULTS, ...input.budget },
    seed: input.seed,
    rounds: input.rounds,
    beamWidth: input.beamWidth,
    candidatesPerRound: input.candidatesPerRound,
    maxShotsPerLabel: input.maxShotsPerLabel,
    concurrency: input.concurrency,
    source: input.source ?? "api",
  });
  return describeOptimization(principal, { runId: id });
}

/** GET /api/v1/optimizations/{id}: status, progress, the leaderboard and the outcome. */
export function describeOptimizationForApi(principal: Principal, runId: string): Promise<OptimizationView> {
  requirePermission(principal, "prompts:read");
  return describeOptimization(principal, { runId: knownRunId(runId) });
}

/** POST /api/v1/optimizations/{id}/cancel */
export async function cancelOptimizationFromApi(principal: Principal, runId: string): Promise<OptimizationView> {
  requirePermission(principal, "optimizations:run");
  await cancelOptimization(principal, { runId: knownRunId(runId) });
  return describeOptimization(principal, { runId });
}

/** POST /api/v1/optimizations/{id}/save: the best candidate as the prompt's next version (409 once saved). */
export async function saveOptimizationFromApi(principal: Principal, runId: string): Promise<SavedOptimization> {
  requirePermission(principal, "prompts:write");
  const { version } = await saveBestAsVersion(principal, { runId: knownRunId(runId) });
  const view = await describeOptimization(principal, { runId });
  return { name: view.prompt.name, version, optimizationId: runId };
}

/** Run ids are UUIDs: any other id names no optimization (404), and never reaches a uuid column as a 500. */
function knownRunId(runId: string): string {
  if (!z.uuid().safeParse(runId).success) throw new AppError("not_found:optimizer", "That optimization was not found.");
  return runId;
}

async function resolvePromptId(principal: Principal, input: StartOptimizationBody): Promise<string> {
  const db = getDb();
  if (input.prompt === undefined) {
    const prompt = await findPromptById(db, { promptId: input.promptId! });
    requireSameWorkspace(principal, prompt, "That prompt");
    return prompt.id;
  }
  const prompt = await findPromptByName(db, { workspaceId: principal.workspaceId, name: input.prompt });
  if (!prompt || prompt.archivedAt) throw new AppError("not_found:prompt", `No prompt "${input.prompt}" in this workspace.`);
  if (input.promptId !== undefined && input.promptId !== prompt.id) throw new AppError("bad_request:optimizer", `promptId is not the id of "${input.prompt}".`);
  return prompt.id;
}

async function resolveDatasetId(principal: Principal, input: StartOptimizationBody): Promise<string> {
  const db = getDb();
  if (input.dataset === undefined) {
    const dataset = await findOptimizationDataset(db, { datasetId: input.datasetId! });
    requireSameWorkspace(principal, dataset, "That dataset");
    return dataset.id;
  }
  const dataset = await findRunDatasetByName(db, { workspaceId: principal.workspaceId, name: input.dataset });
  if (!dataset || dataset.archivedAt) throw new AppError("not_found:dataset", `No dataset "${input.dataset}" in this workspace.`);
  if (input.datasetId !== undefined && input.datasetId !== dataset.id) throw new AppError("bad_request:optimizer", `datasetId is not the id of "${input.dataset}".`);
  return dataset.id;
}

/** The model the base version runs on, the task model of a request that names none. */
async function modelOfVersion(promptId: string, version: number | undefined): Promise<string> {
  const db = getDb();
  const found = version !== undefined ? await findVersion(db, { promptId, version }) : await findLatestVersion(db, { promptId });
  if (!found) throw new AppError("not_found:prompt", version !== undefined ? `The prompt has no version ${version}.` : "The prompt has no versions yet.");
  if (!found.modelConfig.model) throw new AppError("bad_request:optimizer", `v${found.version} names no model: give taskModelId.`);
  return found.modelConfig.model;
}
