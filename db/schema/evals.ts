import { sql } from "drizzle-orm";
import { check, index, integer, real, sqliteTable, text, uniqueIndex } from "./dialect";
import { id, createdAt, ref, updatedAt, timestamp, optionalRef } from "./columns";
import { users, workspaceScoped } from "./identity";
import { prompts } from "./prompts";
import { apiKeys } from "./platform";
import { environments } from "./releases";
import { playgroundRuns } from "./playground";
import type { ScorerConfig } from "../../lib/core/vocabulary/scorer-config";
import type { PromptContent } from "../../lib/core/vocabulary/prompt-content";
import type { RedTeamOrigin } from "../../lib/core/vocabulary/compliance";

import { EVAL_RESULT_STATUSES, EVAL_RUN_STATUSES, type EvalResultStatus, type EvalRunStatus } from "../../lib/core/vocabulary/run-statuses";

export { type ScorerConfig, EVAL_RESULT_STATUSES, EVAL_RUN_STATUSES, type EvalResultStatus, type EvalRunStatus };

// Datasets and their cases; evaluation runs, targets, cases, results and scores. db/schema/index.ts gathers every group.

// ---------------------------------------------------------------------------------------------------------------
// Datasets and evaluations

/** A named list of test cases. */
export const datasets = sqliteTable(
  "datasets",
  {
    ...workspaceScoped(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    /** Scorers offered by default when a run is started on this dataset (e.g. from a promptfoo import). */
    defaultScorers: text("default_scorers", { mode: "json" }).$type<ScorerConfig[]>().notNull().default(sql`'[]'`),
    /** Set on a dataset made by "Generate red-team dataset" (issue 19); null for every other dataset. */
    redTeam: text("red_team", { mode: "json" }).$type<RedTeamOrigin>(),
    archivedAt: timestamp("archived_at"),
    createdById: optionalRef("created_by_id", () => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("datasets_workspace_name").on(t.workspaceId, t.name)],
);
export type Dataset = typeof datasets.$inferSelect;

/** One test case. Edits are audited; runs copy the case's contents (eval_run_cases), so results outlive edits. */
export const datasetCases = sqliteTable(
  "dataset_cases",
  {
    id: id(),
    datasetId: ref("dataset_id", () => datasets.id),
    /** Display order, 1-based; gaps are allowed. */
    position: integer("position").notNull(),
    variables: text("variables", { mode: "json" }).$type<Record<string, string>>().notNull(),
    expectedOutput: text("expected_output"),
    tags: text("tags", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    note: text("note").notNull().default(""),
    /**
     * Checks that belong to this case alone (promptfoo's per-test `assert`), applied after the run's scorers. Their
     * keys are unique within the case; results group them by key like any other scorer.
     */
    assertions: text("assertions", { mode: "json" }).$type<ScorerConfig[]>().notNull().default(sql`'[]'`),
    /** The playground run this case was saved from, if any. */
    sourceRunId: optionalRef("source_run_id", () => playgroundRuns.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("dataset_cases_dataset_position").on(t.datasetId, t.position)],
);
export type DatasetCase = typeof datasetCases.$inferSelect;


/**
 * One evaluation: every target (a prompt version) over every case of a dataset snapshot, scored by `scorers`.
 * A worker holds a run while `heartbeat_at` is fresh; a run whose worker died is found "running" with a stale
 * heartbeat, marked "interrupted", and can be resumed without repeating finished cases.
 */
export const evalRuns = sqliteTable(
  "eval_runs",
  {
    ...workspaceScoped(),
    datasetId: ref("dataset_id", () => datasets.id),
    name: text("name").notNull().default(""),
    status: text("status", { enum: EVAL_RUN_STATUSES }).notNull().default("queued"),
    /** Model id for every target; null = each version's own model config. */
    modelId: text("model_id"),
    scorers: text("scorers", { mode: "json" }).$type<ScorerConfig[]>().notNull(),
    concurrency: integer("concurrency").notNull().default(4),
    caseTimeoutMs: integer("case_timeout_ms").notNull().default(60_000),
    maxRetries: integer("max_retries").notNull().default(3),
    /** targets × cases, fixed when the run is created. */
    totalCases: integer("total_cases").notNull(),
    /** "ui", "api" or "cli": where the run was started. */
    source: text("source").notNull().default("ui"),
    errorMessage: text("error_message"),
    createdById: optionalRef("created_by_id", () => users.id),
    /** Set when an API key started the run (the CI gate). */
    apiKeyId: optionalRef("api_key_id", () => apiKeys.id),
    createdAt: createdAt(),
    startedAt: timestamp("started_at"),
    finishedAt: timestamp("finished_at"),
    heartbeatAt: timestamp("heartbeat_at"),
    /** Which server process holds the run (random per process). */
    workerId: text("worker_id"),
  },
  (t) => [
    index("eval_runs_workspace_created").on(t.workspaceId, t.createdAt),
    index("eval_runs_dataset_created").on(t.datasetId, t.createdAt),
    index("eval_runs_status").on(t.status),
    check(
      "eval_runs_status_valid",
      sql`${t.status} in ('queued','running','interrupted','cancelled','completed','failed')`,
    ),
  ],
);
export type EvalRun = typeof evalRuns.$inferSelect;

/**
 * What a run evaluates: a prompt version, resolved when the run is created. `environment_id` is set when the
 * target was chosen as "what <environment> serves", so charts can show the quality each environment serves.
 */
export const evalRunTargets = sqliteTable(
  "eval_run_targets",
  {
    id: id(),
    runId: ref("run_id", () => evalRuns.id),
    /** 1-based order of the target in the run. */
    position: integer("position").notNull(),
    promptId: ref("prompt_id", () => prompts.id),
    version: integer("version").notNull(),
    environmentId: optionalRef("environment_id", () => environments.id),
    /** The model this target calls (the run's model or the version's own), resolved at creation. */
    modelId: text("model_id").notNull(),
    /**
     * A draft evaluated in place of the version's content: an optimizer candidate (issue 18). The version still gives
     * the model settings; null for every ordinary target.
     */
    content: text("content", { mode: "json" }).$type<PromptContent>(),
  },
  (t) => [
    uniqueIndex("eval_run_targets_run_position").on(t.runId, t.position),
    index("eval_run_targets_prompt_version").on(t.promptId, t.version),
  ],
);
export type EvalRunTarget = typeof evalRunTargets.$inferSelect;

/** The exact contents of each case as the run used it (copied when the run is created). */
export const evalRunCases = sqliteTable(
  "eval_run_cases",
  {
    id: id(),
    runId: ref("run_id", () => evalRuns.id),
    /** The dataset case it was copied from; may since have been edited or deleted. */
    caseId: text("case_id"),
    position: integer("position").notNull(),
    variables: text("variables", { mode: "json" }).$type<Record<string, string>>().notNull(),
    expectedOutput: text("expected_output"),
    tags: text("tags", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    assertions: text("assertions", { mode: "json" }).$type<ScorerConfig[]>().notNull().default(sql`'[]'`),
  },
  (t) => [uniqueIndex("eval_run_cases_run_position").on(t.runId, t.position)],
);
export type EvalRunCase = typeof evalRunCases.$inferSelect;


/**
 * One case run against one target, committed the moment it completes. Unique on (target, case): a case is never
 * counted twice, and a resumed run skips every pair that already has a row.
 */
export const evalResults = sqliteTable(
  "eval_results",
  {
    id: id(),
    runId: ref("run_id", () => evalRuns.id),
    targetId: ref("target_id", () => evalRunTargets.id),
    runCaseId: ref("run_case_id", () => evalRunCases.id),
    /**
     * "passed" when every scorer passed, "failed" when one did not, "error" when the call or a scorer errored,
     * "unscored" when the case had no scorer at all (neither pass nor fail; pass rates leave it out).
     */
    status: text("status", { enum: EVAL_RESULT_STATUSES }).notNull(),
    /** Mean of the scorers' scores (0..1); null for an error or an unscored case. */
    score: real("score"),
    /** The rendered prompt as sent (text, or chat messages as JSON). */
    renderedInput: text("rendered_input").notNull().default(""),
    output: text("output").notNull().default(""),
    inputTokens: integer("input_tokens"),
    outputTokens: integer("output_tokens"),
    costUsd: real("cost_usd"),
    latencyMs: integer("latency_ms"),
    /** Model calls made, retries included. */
    attempts: integer("attempts").notNull().default(1),
    errorCode: text("error_code"),
    errorMessage: text("error_message"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("eval_results_target_case").on(t.targetId, t.runCaseId),
    index("eval_results_run_status").on(t.runId, t.status),
    // Covering: a run target's pass rate, mean score, cost and latency read from the index, not the wide rows
    // (outputs, rendered prompts) of every result.
    index("eval_results_target_summary").on(t.targetId, t.status, t.score, t.costUsd, t.latencyMs),
    check("eval_results_status_valid", sql`${t.status} in ('passed','failed','error','unscored')`),
  ],
);
export type EvalResult = typeof evalResults.$inferSelect;

/** Each scorer's verdict on one result: a row per scorer, so per-scorer aggregates are plain SQL GROUP BYs. */
export const evalScores = sqliteTable(
  "eval_scores",
  {
    id: id(),
    resultId: ref("result_id", () => evalResults.id),
    runId: ref("run_id", () => evalRuns.id),
    targetId: ref("target_id", () => evalRunTargets.id),
    scorerKey: text("scorer_key").notNull(),
    /** 0..1; null when the scorer errored (e.g. a judge reply that could not be parsed). */
    score: real("score"),
    passed: integer("passed", { mode: "boolean" }).notNull(),
    reason: text("reason").notNull().default(""),
    error: integer("error", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [
    uniqueIndex("eval_scores_result_scorer").on(t.resultId, t.scorerKey),
    index("eval_scores_target_scorer").on(t.targetId, t.scorerKey),
    index("eval_scores_run_scorer").on(t.runId, t.scorerKey),
    // Covering, for the dashboards: per-scorer rates per target, and a result's judge verdicts (human vs judge).
    index("eval_scores_target_summary").on(t.targetId, t.scorerKey, t.passed, t.score),
    index("eval_scores_result_summary").on(t.resultId, t.runId, t.scorerKey, t.score, t.passed, t.error),
  ],
);
export type EvalScore = typeof evalScores.$inferSelect;

/**
 * Which server process is running a case of a run, and until when (issue 16): several processes share one run by
 * leasing its cases. A lease is taken for the case's pending targets together, renewed by the holder's heartbeat,
 * and taken over once it lapses (its process died); rows go when the run ends. A result still lands at most once
 * per (target, case) whatever happens to leases (eval_results_target_case).
 */
export const evalCaseLeases = sqliteTable(
  "eval_case_leases",
  {
    runCaseId: text("run_case_id")
      .primaryKey()
      .references(() => evalRunCases.id),
    runId: ref("run_id", () => evalRuns.id),
    workerId: text("worker_id").notNull(),
    leasedUntil: integer("leased_until", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("eval_case_leases_run_worker").on(t.runId, t.workerId)],
);
