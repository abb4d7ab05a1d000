import "server-only";
import { getDb, type DbOrTx } from "@/db";
import { only } from "@/db/first";
import { transaction } from "@/db/transaction";
import { and, eq, inArray } from "drizzle-orm";
import type { PromptContent } from "@/lib/core/vocabulary/prompt-content";
import { datasetCases, evalCaseLeases, evalRunCases, evalRuns, evalRunTargets, type EvalRunStatus, type Prompt, type PromptVersion, type ScorerConfig } from "@/db/schema";
import { recordAuditBy } from "@/lib/platform/audit/record";
import { requirePermission, requireSameWorkspace } from "@/lib/platform/auth/policy";
import type { Principal } from "@/lib/platform/auth/principal";
import { findEnvironmentBySlug, findPointer } from "@/lib/serving/server";
import { AppError } from "@/lib/core/errors";
import { defaultModelId } from "@/lib/platform/models/catalog";
import { parseInput } from "@/lib/platform/http/route";
import { findLatestVersion, findPromptById, findVersion } from "@/lib/prompts/server";
import { resolveWorkspaceProviders } from "@/lib/platform/providers/resolve-providers";
import { getWorkspaceModel } from "@/lib/platform/providers/workspace-model";
import { scorerConfigsSchema } from "../scorers/config";
import { DEFAULT_JUDGE_PROMPT, ensureDefaultJudgePrompt } from "../scorers/judge-prompt";
import { assertScorerAvailable } from "../scorers/registry";
import { findEvalRun, findRunDataset, listRunDatasetCases } from "./queries";
import { createEvalRunSchema, OPTIMIZER_SOURCE, RUN_LIMITS, type CreateEvalRunInput, type RunTargetInput } from "./schemas";
import { requireDatasetVariables } from "./run-variables";
import { abortLocalEvalRun, triggerEvalWorker } from "./worker";

// Starting, cancelling and resuming eval runs: the only writers of eval_runs outside the worker. Members (the UI)
// and API keys (CI) both come here, so the same permission, workspace and audit rules apply to both.

interface ResolvedTarget {
  version: number;
  environmentId: string | null;
  modelId: string;
  row: PromptVersion;
}

/** The version a target means now: a number, the latest, or what an environment serves. */
export async function resolveTargetVersion(
  tx: DbOrTx,
  principal: Principal,
  prompt: Prompt,
  target: RunTargetInput,
): Promise<{ row: PromptVersion; environmentId: string | null }> {
  let version: number;
  let environmentId: string | null = null;
  if ("version" in target) {
    version = target.version;
  } else if (target.label === "latest") {
    const latest = await findLatestVersion(tx, { promptId: prompt.id });
    if (!latest) throw new AppError("bad_request:eval", `"${prompt.name}" has no versions yet.`);
    version = latest.version;
  } else {
    const environment = await findEnvironmentBySlug(tx, { workspaceId: principal.workspaceId, slug: target.label });
    if (!environment) throw new AppError("not_found:environment", `"${target.label}" is not an environment of this workspace (or "latest").`);
    const pointer = await findPointer(tx, { environmentId: environment.id, promptId: prompt.id });
    if (!pointer) throw new AppError("bad_request:eval", `${environment.name} does not serve any version of "${prompt.name}".`);
    version = pointer.version;
    environmentId = environment.id;
  }
  const row = await findVersion(tx, { promptId: prompt.id, version });
  if (!row) throw new AppError("not_found:prompt", `"${prompt.name}" has no version ${version}.`);
  return { row, environmentId };
}

async function resolveTarget(
  tx: DbOrTx,
  principal: Principal,
  prompt: Prompt,
  target: RunTargetInput,
  modelId: string | null | undefined,
  fallbackModel: () => string,
): Promise<ResolvedTarget> {
  const { row, environmentId } = await resolveTargetVersion(tx, principal, prompt, target);
  return { version: row.version, environmentId, modelId: modelId ?? row.modelConfig.model ?? fallbackModel(), row };
}

const usesDefaultJudge = (scorer: unknown) => {
  const s = scorer as { type?: unknown; params?: { promptName?: unknown } } | null;
  // A topic scorer's judge defaults to the default judge prompt when it names none.
  if (s?.type === "topic") return s.params?.promptName === undefined || s.params.promptName === DEFAULT_JUDGE_PROMPT;
  return (s?.type === "llm-rubric" || s?.type === "refusal") && s.params?.promptName === DEFAULT_JUDGE_PROMPT;
};

/**
 * A scorer list as given, or the dataset's defaults, validated against the scorer contract. A run may have no scorers
 * of its own when cases carry their own assertions (promptfoo's per-test `assert`): cases without any are then
 * recorded as unscored. A run in which no case could be scored at all is refused.
 */
function resolveScorers(given: unknown[] | undefined, defaults: ScorerConfig[], someCaseHasAssertions: boolean): ScorerConfig[] {
  const candidate = given ?? defaults;
  if (candidate.length === 0 && someCaseHasAssertions) return [];
  if (candidate.length === 0) {
    throw new AppError("bad_request:eval", "Add at least one scorer: this dataset has no default scorers and no case has assertions of its own.");
  }
  const scorers = parseInput(scorerConfigsSchema, candidate) as ScorerConfig[];
  for (const scorer of scorers) assertScorerAvailable(scorer.type);
  return scorers;
}

/**
 * Creates a run and hands it to this process's worker. In one transaction: the targets are resolved to versions
 * (an environment label to what it serves now), every case is copied with its assertions, and the audit entry is
 * written. total_cases = targets × cases.
 */
export async function createEvalRun(principal: Principal, rawInput: CreateEvalRunInput): Promise<{ id: string; totalCases: number; status: EvalRunStatus }> {
  requirePermission(principal, "evals:run");
  const input = parseInput(createEvalRunSchema, rawInput);
  const providers = await resolveWorkspaceProviders({ workspaceId: principal.workspaceId });
  // The studio's own judge prompt is created on first use, so "judges/rubric" works in a fresh workspace.
  if (input.scorers?.some(usesDefaultJudge)) await ensureDefaultJudgePrompt(principal);
  const run = await transaction(async (tx) => {
    const dataset = await findRunDataset(tx, { datasetId: input.datasetId });
    requireSameWorkspace(principal, dataset, "That dataset");
    if (dataset.archivedAt) throw new AppError("bad_request:dataset", `The dataset "${dataset.name}" is archived.`);
    const prompt = await findPromptById(tx, { promptId: input.promptId });
    requireSameWorkspace(principal, prompt, "That prompt");
    if (prompt.archivedAt) throw new AppError("bad_request:prompt", `"${prompt.name}" is archived.`);
    const cases = await listRunDatasetCases(tx, { datasetId: dataset.id });
    if (cases.length === 0) throw new AppError("bad_request:dataset", `The dataset "${dataset.name}" has no cases yet.`);
    const targets: ResolvedTarget[] = [];
    for (const t of input.targets) targets.push(await resolveTarget(tx, principal, prompt, t, input.modelId, () => defaultModelId({ providers })));
    await requireDatasetVariables(tx, { workspaceId: principal.workspaceId, prompt, versions: targets.map((t) => t.row), dataset, cases });
    const totalCases = targets.length * cases.length;
    if (totalCases > RUN_LIMITS.maxTotalCases) {
      throw new AppError("bad_request:eval", `That is ${totalCases} cases; a run can have at most ${RUN_LIMITS.maxTotalCases} (targets × cases).`);
    }
    // A model the workspace cannot call fails here, with the provider's message, rather than once per case.
    for (const modelId of new Set(targets.map((t) => t.modelId))) await getWorkspaceModel({ workspaceId: principal.workspaceId, modelId, providers });
    const scorers = resolveScorers(input.scorers, dataset.defaultScorers, cases.some((c) => c.assertions.length > 0));
    const versions = [...new Set(targets.map((t) => `v${t.version}`))].join(", ");
    const created = await insertEvalRun(tx, {
      workspaceId: principal.workspaceId,
      datasetId: dataset.id,
      name: input.name || `${prompt.name} ${versions} on ${dataset.name}`,
      status: "queued",
      modelId: input.modelId ?? null,
      scorers,
      concurrency: input.concurrency,
      caseTimeoutMs: input.caseTimeoutMs,
      maxRetries: input.maxRetries,
      totalCases,
      source: input.source,
      createdById: principal.user?.id ?? null,
      apiKeyId: principal.apiKey?.id ?? null,
    });
    await insertEvalRunTargets(
      tx,
      targets.map((t, i) => ({ runId: created.id, position: i + 1, promptId: prompt.id, version: t.version, environmentId: t.environmentId, modelId: t.modelId })),
    );
    await insertEvalRunCases(
      tx,
      cases.map((c, i) => ({
        runId: created.id,
        caseId: c.id,
        position: i + 1,
        variables: c.variables,
        expectedOutput: c.expectedOutput,
        tags: c.tags,
        assertions: c.assertions,
      })),
    );
    await recordAuditBy(tx, principal, {
      action: "eval_run.created",
      objectType: "eval_run",
      objectId: created.id,
      after: {
        name: created.name,
        dataset: dataset.name,
        prompt: prompt.name,
        targets: targets.map((t) => ({ version: t.version, environmentId: t.environmentId, modelId: t.modelId })),
        scorers: scorers.map((s) => s.key),
        totalCases,
        source: input.source,
      },
    });
    return created;
  });
  triggerEvalWorker();
  return { id: run.id, totalCases: run.totalCases, status: run.status };
}

async function loadRun(principal: Principal, runId: string) {
  const run = await findEvalRun(getDb(), { runId });
  requireSameWorkspace(principal, run, "That evaluation");
  return run;
}

/** Stops a run: in-flight model calls are aborted, finished results are kept. */
export async function cancelEvalRun(principal: Principal, { runId }: { runId: string }): Promise<{ status: EvalRunStatus }> {
  requirePermission(principal, "evals:run");
  const run = await loadRun(principal, runId);
  await transaction(async (tx) => {
    if (!(await updateEvalRunStatus(tx, { runId, from: ["queued", "running", "interrupted"], to: "cancelled", finishedAt: new Date() }))) {
      throw new AppError("conflict:eval", `This evaluation is ${(await findEvalRun(tx, { runId }))?.status ?? run.status} and cannot be cancelled.`);
    }
    // Nobody executes a cancelled run: its cases are free for a resume at once, not when leases lapse.
    await tx.delete(evalCaseLeases).where(eq(evalCaseLeases.runId, runId));
    await recordAuditBy(tx, principal, { action: "eval_run.cancelled", objectType: "eval_run", objectId: runId, before: { status: run.status } });
  });
  // Another process holding the run sees the status at its next heartbeat; this one stops at once (a result write
  // that took its turn after the cancel sees the aborted signal and writes nothing).
  abortLocalEvalRun(runId);
  return { status: "cancelled" };
}

/** Runs the cases of an interrupted or cancelled run that have no result yet. */
export async function resumeEvalRun(principal: Principal, { runId }: { runId: string }): Promise<{ status: EvalRunStatus }> {
  requirePermission(principal, "evals:run");
  const run = await loadRun(principal, runId);
  await transaction(async (tx) => {
    if (!(await updateEvalRunStatus(tx, { runId, from: ["interrupted", "cancelled", "failed"], to: "queued", finishedAt: null }))) {
      throw new AppError(
        "conflict:eval",
        `This evaluation is ${(await findEvalRun(tx, { runId }))?.status ?? run.status}; only interrupted, cancelled or failed runs can be resumed.`,
      );
    }
    await recordAuditBy(tx, principal, { action: "eval_run.resumed", objectType: "eval_run", objectId: runId, before: { status: run.status } });
  });
  triggerEvalWorker();
  return { status: "queued" };
}

export interface CandidateEvalRunInput {
  workspaceId: string;
  datasetId: string;
  promptId: string;
  /** The version the candidate was built on: it gives the model settings. */
  version: number;
  modelId: string;
  content: PromptContent;
  /** Dataset case ids, in the order the run lists them. */
  caseIds: readonly string[];
  scorers: ScorerConfig[];
  concurrency: number;
  name: string;
  createdById: string | null;
}

/**
 * An eval run of one optimizer candidate over some of a dataset's cases (issue 18), in the optimizer's transaction.
 * It has no audit entry of its own (the optimization was audited when it started) and is not handed to the worker:
 * the optimizer executes it and waits for it; a worker takes it over only when the optimizer's process died.
 */
export async function createCandidateEvalRun(tx: DbOrTx, input: CandidateEvalRunInput): Promise<string> {
  const rows: (typeof datasetCases.$inferSelect)[] = [];
  for (let i = 0; i < input.caseIds.length; i += 500) {
    rows.push(...(await tx.select().from(datasetCases).where(inArray(datasetCases.id, input.caseIds.slice(i, i + 500) as string[]))));
  }
  const byId = new Map(rows.map((row) => [row.id, row]));
  const cases = input.caseIds.map((id) => byId.get(id)).filter((row) => row !== undefined);
  if (cases.length === 0) throw new AppError("bad_request:optimizer", "None of the cases to evaluate is in the dataset any more.");
  const created = await insertEvalRun(tx, {
    workspaceId: input.workspaceId,
    datasetId: input.datasetId,
    name: input.name,
    status: "queued",
    modelId: input.modelId,
    scorers: input.scorers,
    concurrency: input.concurrency,
    totalCases: cases.length,
    source: OPTIMIZER_SOURCE,
    createdById: input.createdById,
  });
  await insertEvalRunTargets(tx, [{ runId: created.id, position: 1, promptId: input.promptId, version: input.version, modelId: input.modelId, content: input.content }]);
  await insertEvalRunCases(
    tx,
    cases.map((c, i) => ({ runId: created.id, caseId: c.id, position: i + 1, variables: c.variables, expectedOutput: c.expectedOutput, tags: c.tags, assertions: c.assertions })),
  );
  return created.id;
}

function insertEvalRun(tx: DbOrTx, values: typeof evalRuns.$inferInsert) {
  return only(tx.insert(evalRuns).values(values).returning());
}

async function insertEvalRunTargets(tx: DbOrTx, values: (typeof evalRunTargets.$inferInsert)[]) {
  return values.length === 0 ? [] : tx.insert(evalRunTargets).values(values).returning();
}

async function insertEvalRunCases(tx: DbOrTx, values: (typeof evalRunCases.$inferInsert)[]): Promise<void> {
  // Chunked: SQLite caps the number of bound parameters in one statement.
  for (let i = 0; i < values.length; i += 500) await tx.insert(evalRunCases).values(values.slice(i, i + 500));
}

/** Moves a run between states when it is in one of `from`; false when it was not (a race, or a stale page). */
async function updateEvalRunStatus(
  tx: DbOrTx,
  { runId, from, to, finishedAt }: { runId: string; from: EvalRunStatus[]; to: EvalRunStatus; finishedAt: Date | null },
): Promise<boolean> {
  const updated = await tx
    .update(evalRuns)
    .set({ status: to, finishedAt, ...(to === "queued" ? { errorMessage: null, workerId: null } : {}) })
    .where(and(eq(evalRuns.id, runId), inArray(evalRuns.status, from)))
    .returning({ id: evalRuns.id });
  return updated.length === 1;
}

/** Cancels the optimizer's eval runs still waiting or running (its optimization was cancelled): nobody resumes them. */
export async function cancelCandidateEvalRuns(tx: DbOrTx, { runIds }: { runIds: string[] }): Promise<void> {
  if (runIds.length === 0) return;
  await tx
    .update(evalRuns)
    .set({ status: "cancelled", finishedAt: new Date() })
    .where(and(inArray(evalRuns.id, runIds), eq(evalRuns.source, OPTIMIZER_SOURCE), inArray(evalRuns.status, ["queued", "running", "interrupted"])));
  await tx.delete(evalCaseLeases).where(inArray(evalCaseLeases.runId, runIds));
}
