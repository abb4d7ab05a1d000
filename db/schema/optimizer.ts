import { sql } from "drizzle-orm";
import { check, index, integer, real, sqliteTable, text, uniqueIndex } from "./dialect";
import { createdAt, id, optionalRef, ref, timestamp } from "./columns";
import { users, workspaceScoped } from "./identity";
import { prompts } from "./prompts";
import { apiKeys } from "./platform";
import { datasets, evalRuns, EVAL_RUN_STATUSES, type EvalRunStatus } from "./evals";
import type { ChatMessageRecord } from "../../lib/core/vocabulary/prompt-content";
import type { ScorerConfig } from "../../lib/core/vocabulary/scorer-config";

// Prompt optimizations (issue 18): a run searches for a better prompt than a base version on a dataset, and its
// candidates are scored by ordinary eval runs (eval_run_targets.content holds a candidate's draft text). Statuses
// are the eval runs': a run whose worker died is found "running" with a stale heartbeat and picked up again.

export type OptimizationStatus = EvalRunStatus;
export const OPTIMIZATION_STATUSES = EVAL_RUN_STATUSES;
export const OPTIMIZATION_STRATEGIES = ["instruction", "few-shot", "both"] as const;

/** The metric: the scorers' scores, weighted. One scorer with weight 1 is the plain case. */
export interface OptimizationMetricPart {
  scorer: ScorerConfig;
  weight: number;
}

export interface OptimizationBudgetRecord {
  candidates: number;
  modelCalls: number;
  costUsd: number;
  wallMinutes: number;
}

export interface OptimizationSettings {
  seed: number;
  rounds: number;
  beamWidth: number;
  candidatesPerRound: number;
  maxShotsPerLabel: number;
  /** Cases evaluated at once, per candidate (the eval runs' concurrency). */
  concurrency: number;
  fractions: { train: number; validation: number; heldOut: number };
}

export interface OptimizationSpent {
  candidates: number;
  modelCalls: number;
  costUsd: number;
  elapsedMs: number;
}

export interface OptimizationProgress {
  round: number;
  rounds: number;
  spent: OptimizationSpent;
  bestByRound: { round: number; validation: number }[];
}

/** What the final check found; the verdict is the run's claim. */
export interface OptimizationOutcome {
  bestKey: string;
  baselineKey: string;
  stoppedBy: string;
  spent: OptimizationSpent;
  heldOut: {
    cases: number;
    baseline: number;
    best: number;
    test: "McNemar" | "paired bootstrap";
    pValue: number | null;
    /** The 95% interval of best − baseline (paired bootstrap), or null for McNemar. */
    interval: { low: number; high: number; estimate: number } | null;
    discordant: { baselineOnly: number; bestOnly: number } | null;
    verdict: "better" | "no significant difference" | "worse";
  };
  rejected: { text: string; reasons: string[] }[];
}

export const optimizationRuns = sqliteTable(
  "optimization_runs",
  {
    ...workspaceScoped(),
    promptId: ref("prompt_id", () => prompts.id),
    /** The version the search starts from (the baseline). */
    baseVersion: integer("base_version").notNull(),
    datasetId: ref("dataset_id", () => datasets.id),
    status: text("status", { enum: OPTIMIZATION_STATUSES }).notNull().default("queued"),
    strategy: text("strategy", { enum: OPTIMIZATION_STRATEGIES }).notNull(),
    metric: text("metric", { mode: "json" }).$type<OptimizationMetricPart[]>().notNull(),
    taskModelId: text("task_model_id").notNull(),
    proposerModelId: text("proposer_model_id").notNull(),
    budget: text("budget", { mode: "json" }).$type<OptimizationBudgetRecord>().notNull(),
    settings: text("settings", { mode: "json" }).$type<OptimizationSettings>().notNull(),
    /** The split, recorded when the run first starts (case ids per part). */
    split: text("split", { mode: "json" }).$type<{ train: string[]; validation: string[]; heldOut: string[] }>(),
    /** The proposer's answers, in order: a resumed run replays them instead of asking again. */
    proposals: text("proposals", { mode: "json" }).$type<string[][]>().notNull().default(sql`'[]'`),
    progress: text("progress", { mode: "json" }).$type<OptimizationProgress>(),
    outcome: text("outcome", { mode: "json" }).$type<OptimizationOutcome>(),
    errorMessage: text("error_message"),
    /** "ui", "api" or "cli". */
    source: text("source").notNull().default("ui"),
    /** The version "Save as new version" created from the best candidate. */
    savedVersion: integer("saved_version"),
    createdById: optionalRef("created_by_id", () => users.id),
    apiKeyId: optionalRef("api_key_id", () => apiKeys.id),
    createdAt: createdAt(),
    startedAt: timestamp("started_at"),
    finishedAt: timestamp("finished_at"),
    heartbeatAt: timestamp("heartbeat_at"),
    workerId: text("worker_id"),
  },
  (t) => [
    index("optimization_runs_prompt_created").on(t.promptId, t.createdAt),
    index("optimization_runs_status").on(t.status),
    check("optimization_runs_status_valid", sql`${t.status} in ('queued','running','interrupted','cancelled','completed','failed')`),
    check("optimization_runs_strategy_valid", sql`${t.strategy} in ('instruction','few-shot','both')`),
  ],
);
export type OptimizationRun = typeof optimizationRuns.$inferSelect;

/** One prompt the search scored (or the baseline). Keyed by a hash of its content: proposed twice, scored once. */
export const optimizationCandidates = sqliteTable(
  "optimization_candidates",
  {
    id: id(),
    runId: ref("run_id", () => optimizationRuns.id),
    key: text("key").notNull(),
    round: integer("round").notNull(),
    /** "baseline", "instruction" or "few-shot". */
    origin: text("origin").notNull(),
    detail: text("detail").notNull().default(""),
    parentKey: text("parent_key"),
    template: text("template"),
    messages: text("messages", { mode: "json" }).$type<ChatMessageRecord[]>(),
    trainScore: real("train_score"),
    validationScore: real("validation_score"),
    heldOutScore: real("held_out_score"),
    calls: integer("calls").notNull().default(0),
    costUsd: real("cost_usd").notNull().default(0),
    /** The eval run that scored it on train and validation. */
    searchEvalRunId: optionalRef("search_eval_run_id", () => evalRuns.id),
    /** The eval run of the final check on held-out cases (the baseline and the best only). */
    heldOutEvalRunId: optionalRef("held_out_eval_run_id", () => evalRuns.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("optimization_candidates_run_key").on(t.runId, t.key), index("optimization_candidates_run_round").on(t.runId, t.round)],
);
export type OptimizationCandidate = typeof optimizationCandidates.$inferSelect;
