// The /api/v1/optimizations endpoints (api.ts): what they read and answer. The OpenAPI document (lib/api/openapi.ts)
// is generated from these, and the handlers parse and type with them. Client-safe: zod and plain data.
import { z } from "zod";
import { BODY_LIMITS } from "@/lib/core/limits";
import { EVAL_RUN_STATUSES } from "@/lib/core/vocabulary/run-statuses";
import { chatMessageSchema } from "@/lib/prompts";
import { budgetSchema } from "./budget";
import { OPTIMIZER_DEFAULTS, OPTIMIZER_LIMITS, startOptimizationSchema } from "./schemas";
import type { OptimizationView } from "./views";

/** A start request is small (names, a metric, numbers): 1 MiB is ample, and more is refused with 413 while it streams. */
export const OPTIMIZATION_BODY_LIMIT = BODY_LIMITS.json;

/** The studio form's budget, for a request that leaves a limit out. */
export const API_BUDGET_DEFAULTS = { candidates: 16, modelCalls: 5_000, costUsd: 5, wallMinutes: 30 } as const;

/** The metric of a request that names none: the output equals the case's expected output, trimmed. */
export const DEFAULT_METRIC_SCORER = { key: "equals", type: "equals", label: "equals expected", params: { trim: true } } as const;

const fields = startOptimizationSchema.shape;
const budgetFields = budgetSchema.shape;
const objectName = z.string().min(1).max(200);

/** POST /api/v1/optimizations. Unset fields take the defaults shown; the server enforces every cap whatever is sent. */
export const startOptimizationBodySchema = z
  .object({
    prompt: objectName.optional().describe("The prompt's name, e.g. support/triage. Give `prompt`, `promptId` or both (then they must name the same prompt)."),
    promptId: z.uuid().optional(),
    version: z.number().int().positive().optional().describe("The version to improve on (the baseline); omitted: the latest."),
    dataset: objectName.optional().describe(`The dataset's name. Give \`dataset\`, \`datasetId\` or both. It needs at least ${OPTIMIZER_LIMITS.minCases} cases with expected outputs.`),
    datasetId: z.uuid().optional(),
    metric: z
      .array(
        z
          .object({
            scorer: z.record(z.string(), z.unknown()).describe("A scorer ({ key, type, label, params, threshold? }), checked like an evaluation's."),
            weight: z.number().positive().max(100).optional().meta({ default: 1 }),
          })
          .strict(),
      )
      .min(1)
      .max(OPTIMIZER_LIMITS.maxMetricParts)
      .optional()
      .describe("The weighted scorers the search maximises; omitted: the output equals the expected output (trimmed)."),
    taskModelId: fields.taskModelId.optional().describe("The model the prompt runs on; omitted: the base version's own model."),
    proposerModelId: fields.proposerModelId.optional().describe("The model that proposes rewrites; omitted: the task model."),
    strategy: fields.strategy.optional().meta({ default: "both" }),
    budget: z
      .object({
        candidates: budgetFields.candidates.optional().meta({ default: API_BUDGET_DEFAULTS.candidates }),
        modelCalls: budgetFields.modelCalls.optional().meta({ default: API_BUDGET_DEFAULTS.modelCalls }),
        costUsd: budgetFields.costUsd.optional().meta({ default: API_BUDGET_DEFAULTS.costUsd }),
        wallMinutes: budgetFields.wallMinutes.optional().meta({ default: API_BUDGET_DEFAULTS.wallMinutes }),
      })
      .strict()
      .optional()
      .describe("The run stops at the first limit reached. Above a cap is refused with 400 naming the field."),
    seed: fields.seed.describe("Same seed, same split and same search; omitted: a random one, recorded with the run."),
    rounds: z.number().int().min(1).max(OPTIMIZER_LIMITS.maxRounds).optional().meta({ default: OPTIMIZER_DEFAULTS.rounds }),
    beamWidth: z.number().int().min(1).max(OPTIMIZER_LIMITS.maxBeamWidth).optional().meta({ default: OPTIMIZER_DEFAULTS.beamWidth }),
    candidatesPerRound: z.number().int().min(1).max(OPTIMIZER_LIMITS.maxCandidatesPerRound).optional().meta({ default: OPTIMIZER_DEFAULTS.candidatesPerRound }),
    maxShotsPerLabel: z.number().int().min(1).max(OPTIMIZER_LIMITS.maxShotsPerLabel).optional().meta({ default: OPTIMIZER_DEFAULTS.maxShotsPerLabel }),
    concurrency: z.number().int().min(1).max(OPTIMIZER_LIMITS.maxConcurrency).optional().meta({ default: OPTIMIZER_DEFAULTS.concurrency }),
    source: z.enum(["api", "cli"]).optional().describe("Where the optimization was started; shown in the studio."),
  })
  .strict()
  .refine((body) => body.prompt !== undefined || body.promptId !== undefined, { message: "Give the prompt: prompt (its name) or promptId.", path: ["prompt"] })
  .refine((body) => body.dataset !== undefined || body.datasetId !== undefined, { message: "Give the dataset: dataset (its name) or datasetId.", path: ["dataset"] });
export type StartOptimizationBody = z.infer<typeof startOptimizationBodySchema>;

const count = z.number().int().min(0);
const score = z.number().nullable();
const spentSchema = z.object({ candidates: count, modelCalls: count, costUsd: z.number(), elapsedMs: z.number() });

export const optimizationCandidateSchema = z.object({
  key: z.string().describe("A hash of the candidate's content."),
  round: z.number().int(),
  origin: z.enum(["baseline", "instruction", "few-shot"]),
  detail: z.string(),
  parentKey: z.string().nullable(),
  template: z.string().nullable().describe("A text prompt's candidate template; null for chat prompts."),
  messages: z.array(chatMessageSchema).nullable().describe("A chat prompt's candidate messages; null for text prompts."),
  trainScore: score,
  validationScore: score,
  heldOutScore: score.describe("Only the baseline and the best candidate are scored on held-out cases."),
  calls: count,
  costUsd: z.number(),
  evalRunId: z.string().nullable().describe("The eval run that scored it on train and validation cases."),
  heldOutEvalRunId: z.string().nullable(),
});

/** GET /api/v1/optimizations/{id}, and what starting and cancelling answer: one shape with the studio's (views.ts). */
export const optimizationSchema = z.object({
  id: z.string(),
  status: z.enum(EVAL_RUN_STATUSES),
  strategy: z.enum(["instruction", "few-shot", "both"]),
  prompt: z.object({ id: z.string(), name: z.string() }),
  baseVersion: z.number().int().describe("The version the search started from (the baseline)."),
  dataset: z.object({ id: z.string(), name: z.string() }),
  metric: z.array(z.object({ key: z.string(), type: z.string(), weight: z.number() })),
  taskModelId: z.string(),
  proposerModelId: z.string(),
  budget: z.object({ candidates: count, modelCalls: count, costUsd: z.number(), wallMinutes: z.number() }),
  settings: z.object({
    seed: z.number().int(),
    rounds: z.number().int(),
    beamWidth: z.number().int(),
    candidatesPerRound: z.number().int(),
    maxShotsPerLabel: z.number().int(),
    concurrency: z.number().int(),
    fractions: z.object({ train: z.number(), validation: z.number(), heldOut: z.number() }),
  }),
  split: z.object({ train: count, validation: count, heldOut: count }).nullable().describe("Cases per part; null until the run starts."),
  progress: z
    .object({ round: count, rounds: count, spent: spentSchema, bestByRound: z.array(z.object({ round: count, validation: z.number() })) })
    .nullable(),
  outcome: z
    .object({
      bestKey: z.string(),
      baselineKey: z.string(),
      stoppedBy: z.string(),
      spent: spentSchema,
      heldOut: z.object({
        cases: count,
        baseline: z.number(),
        best: z.number(),
        test: z.enum(["McNemar", "paired bootstrap"]),
        pValue: z.number().nullable(),
        interval: z.object({ low: z.number(), high: z.number(), estimate: z.number() }).nullable().describe("95% interval of best − baseline (paired bootstrap)."),
        discordant: z.object({ baselineOnly: count, bestOnly: count }).nullable(),
        verdict: z.enum(["better", "no significant difference", "worse"]).describe("The run's claim, from held-out cases the search never saw."),
      }),
      rejected: z.array(z.object({ text: z.string(), reasons: z.array(z.string()) })),
    })
    .nullable()
    .describe("Null until the run completes."),
  savedVersion: z.number().int().nullable().describe("The version the best candidate was saved as."),
  errorMessage: z.string().nullable(),
  source: z.string(),
  createdAt: z.iso.datetime(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
  candidates: z.array(optimizationCandidateSchema).describe("The leaderboard: scored candidates, best validation score first; the baseline is among them."),
});

// The studio's OptimizationView and the wire's schema are one shape, checked both ways at compile time.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const wireIsView: Same<z.infer<typeof optimizationSchema>, OptimizationView> = true;
void wireIsView;

/** POST /api/v1/optimizations/{id}/save */
export const savedOptimizationSchema = z.object({
  name: z.string().describe("The prompt's name."),
  version: z.number().int().positive().describe("The new version, made from the best candidate."),
  optimizationId: z.string(),
});
export type SavedOptimization = z.infer<typeof savedOptimizationSchema>;
