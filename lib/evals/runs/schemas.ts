import { z } from "zod";
import { pagedListSchema } from "@/lib/core/paged-list";
import { EVAL_RESULT_STATUSES, EVAL_RUN_STATUSES } from "@/lib/core/vocabulary/run-statuses";

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

/** The source of the eval runs that score optimizer candidates: listed on their optimization, not with the others. */
export const OPTIMIZER_SOURCE = "optimizer";

export const runIdSchema = z.object({ runId: z.string().min(1) });

export const RESULT_FILTERS = ["all", "failures", "errors", "passed", "unscored"] as const;

export const resultsQuerySchema = z.object({
  runId: z.string().min(1),
  filter: z.enum(RESULT_FILTERS).default("all"),
  targetId: z.string().min(1).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

// The /api/v1/evals/runs endpoints (api.ts): what they read and answer. The OpenAPI document
// (lib/api/openapi.ts) is generated from these, and the handlers parse and type with them.

/** POST /api/v1/evals/runs. Unset tuning fields take createEvalRunSchema's defaults, shown here for clients. */
export const startRunBodySchema = z
  .object({
    prompt: z.string().min(1).max(200).describe("The prompt's name, e.g. support/triage."),
    label: z.string().min(1).max(64).optional().describe('An environment slug (what it serves now) or "latest". Default "production". Not with `version`.'),
    version: z.number().int().positive().optional(),
    dataset: z.string().min(1).max(200).describe("The dataset's name."),
    scorers: z
      .array(z.record(z.string(), z.unknown()))
      .optional()
      .describe("Scorers ({ key, type, label, params, threshold? }); omitted: the dataset's default scorers."),
    model: z.string().min(1).max(200).optional().describe("One model for the run; omitted: the version's own model."),
    concurrency: z.number().int().min(1).max(RUN_LIMITS.maxConcurrency).optional().meta({ default: RUN_LIMITS.defaultConcurrency }),
    timeoutMs: z
      .number()
      .int()
      .min(RUN_LIMITS.minTimeoutMs)
      .max(RUN_LIMITS.maxTimeoutMs)
      .optional()
      .meta({ description: "Per model call.", default: RUN_LIMITS.defaultTimeoutMs }),
    maxRetries: z
      .number()
      .int()
      .min(0)
      .max(RUN_LIMITS.maxRetries)
      .optional()
      .meta({ description: "Retries of a 429, 5xx or timeout, with backoff.", default: RUN_LIMITS.defaultMaxRetries }),
    name: z.string().max(200).optional(),
    source: z.enum(["api", "cli"]).optional().describe("Where the run was started; shown in the studio."),
  })
  .strict()
  .refine((body) => body.label === undefined || body.version === undefined, { message: "Give either label or version, not both." });

/** GET /api/v1/evals/runs/{id}/results */
export const resultsPageQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
    filter: z.enum(RESULT_FILTERS).default("all").describe("`failures` = failed or errored; `unscored` = cases that had no scorer."),
  })
  .strict();

const count = z.number().int().min(0);
const nullableNumber = z.number().nullable();
const nullableRate = z.number().min(0).max(1).nullable();

/** GET /api/v1/evals/runs/{id}, and the studio's run page. */
export const evalRunSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(EVAL_RUN_STATUSES),
  prompt: z.string(),
  datasetId: z.string(),
  dataset: z.string().describe("The dataset's name."),
  targets: z.array(
    z.object({
      id: z.string(),
      version: z.number().int(),
      environment: z.string().nullable(),
      model: z.string(),
      draft: z.boolean().describe("True for an optimizer candidate: a draft evaluated with this version's model settings, not the version itself."),
    }),
  ),
  scorers: z.array(
    z.object({
      key: z.string(),
      type: z.string(),
      label: z.string(),
      negate: z.boolean().describe("The verdict is inverted (promptfoo's `not-` assertions)."),
    }),
  ),
  progress: z.object({
    done: count,
    total: count,
    errors: count,
    etaSeconds: z.number().int().nullable().describe("At the rate of the last 30 s; null when unknown."),
  }),
  summary: z.object({
    passRate: nullableRate.describe(
      "passed / scored cases. A case passes when every scorer on it passed; errors count as not passed; unscored cases (no scorer at all) are left out. Null when no case was scored.",
    ),
    passed: z.number().int(),
    failed: z.number().int(),
    errors: z.number().int(),
    unscored: z.number().int().describe("Cases with no scorer: neither passed nor failed."),
    meanScore: nullableNumber,
    costUsd: nullableNumber,
    latencyP50Ms: nullableNumber,
    latencyP95Ms: nullableNumber,
    scorers: z.array(z.object({ key: z.string(), label: z.string(), passRate: nullableRate, meanScore: nullableNumber })),
    targets: z.array(
      z.object({
        targetId: z.string(),
        passRate: nullableRate,
        passed: z.number().int(),
        failed: z.number().int(),
        errors: z.number().int(),
        unscored: z.number().int(),
      }),
    ),
  }),
  errorMessage: z.string().nullable().describe("Why a failed run could not proceed."),
  createdAt: z.iso.datetime(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
});
export type EvalRunView = z.infer<typeof evalRunSchema>;

export const evalResultSchema = z.object({
  id: z.string(),
  targetId: z.string(),
  version: z.number().int(),
  environment: z.string().nullable(),
  case: z.number().int().min(1).describe("The case's position in the run."),
  variables: z.record(z.string(), z.string()),
  status: z.enum(EVAL_RESULT_STATUSES).describe("`unscored`: the case had no scorer (neither passed nor failed)."),
  score: nullableNumber,
  output: z.string().describe("The model's reply: untrusted text."),
  latencyMs: z.number().int().nullable(),
  costUsd: nullableNumber,
  attempts: count,
  error: z.string().nullable(),
  scores: z.array(z.object({ key: z.string(), passed: z.boolean(), score: nullableNumber, reason: z.string() })),
});

/** GET /api/v1/evals/runs/{id}/results, and the studio's results table. */
export const evalResultListSchema = pagedListSchema(evalResultSchema);
export type EvalResultsPage = z.infer<typeof evalResultListSchema>;
