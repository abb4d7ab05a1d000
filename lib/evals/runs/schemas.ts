import { z } from "zod";

// Inputs of the eval-run functions, shared by the server actions, the REST API and the form. Client-safe.

export const RUN_LIMITS = {
  maxTargets: 8,
  maxConcurrency: 32,
  defaultConcurrency: 4,
  minTimeoutMs: 1_000,
  maxTimeoutMs: 600_000,
  defaultTimeoutMs: 60_000,
  maxRetries: 10,
  defaultMaxRetries: 3,
  /** targets × cases; beyond this a run is refused (a run is a test, not a batch job). */
  maxTotalCases: 50_000,
} as const;

/** A version by number, or a label: an environment's slug ("production" = what it serves now) or "latest". */
export const runTargetSchema = z.union([
  z.object({ version: z.number().int().positive() }).strict(),
  z.object({ label: z.string().trim().min(1).max(64) }).strict(),
]);
export type RunTargetInput = z.infer<typeof runTargetSchema>;

/** The New evaluation form asks which variables the chosen versions need and the dataset has. */
export const runVariablesInputSchema = z.object({
  datasetId: z.uuid(),
  promptId: z.uuid(),
  targets: z.array(runTargetSchema).max(RUN_LIMITS.maxTargets),
});
export type RunVariablesInput = z.infer<typeof runVariablesInputSchema>;

export const createEvalRunSchema = z.object({
  datasetId: z.string().min(1, "Choose a dataset."),
  promptId: z.string().min(1, "Choose a prompt."),
  targets: z.array(runTargetSchema).min(1, "Choose at least one version or environment.").max(RUN_LIMITS.maxTargets),
  /** One model for every target; null or absent = each version's own model. */
  modelId: z.string().trim().min(1).max(200).nullish(),
  /** Absent = the dataset's default scorers. Validated with scorerConfigsSchema by createEvalRun. */
  scorers: z.array(z.unknown()).optional(),
  concurrency: z.number().int().min(1).max(RUN_LIMITS.maxConcurrency).default(RUN_LIMITS.defaultConcurrency),
  caseTimeoutMs: z.number().int().min(RUN_LIMITS.minTimeoutMs).max(RUN_LIMITS.maxTimeoutMs).default(RUN_LIMITS.defaultTimeoutMs),
  maxRetries: z.number().int().min(0).max(RUN_LIMITS.maxRetries).default(RUN_LIMITS.defaultMaxRetries),
  name: z.string().trim().max(200).default(""),
  source: z.enum(["ui", "api", "cli"]).default("ui"),
});
export type CreateEvalRunInput = z.input<typeof createEvalRunSchema>;

export const runIdSchema = z.object({ runId: z.string().min(1) });

export const RESULT_FILTERS = ["all", "failures", "errors", "passed", "unscored"] as const;

export const resultsQuerySchema = z.object({
  runId: z.string().min(1),
  filter: z.enum(RESULT_FILTERS).default("all"),
  targetId: z.string().min(1).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
