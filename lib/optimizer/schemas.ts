// What a request to start an optimization may say. The server enforces every limit here whatever the client sent:
// the budget caps (budget.ts), how many rounds and candidates, and the dataset's size.
import { z } from "zod";
import { budgetSchema } from "./budget";

export const OPTIMIZER_LIMITS = {
  minCases: 10,
  maxCases: 2_000,
  maxMetricParts: 5,
  maxRounds: 20,
  maxBeamWidth: 8,
  maxCandidatesPerRound: 8,
  maxShotsPerLabel: 4,
  maxConcurrency: 16,
} as const;

export const OPTIMIZER_DEFAULTS = { rounds: 4, beamWidth: 3, candidatesPerRound: 4, maxShotsPerLabel: 2, concurrency: 8 } as const;

export const startOptimizationSchema = z
  .object({
    promptId: z.string().uuid(),
    /** Absent: the latest version. */
    version: z.number().int().positive().optional(),
    datasetId: z.string().uuid(),
    /** One scorer, or a weighted set; each scorer is validated against the scorer contract on the server. */
    metric: z
      .array(z.object({ scorer: z.unknown(), weight: z.number().positive().max(100).default(1) }).strict())
      .min(1, "Choose at least one scorer.")
      .max(OPTIMIZER_LIMITS.maxMetricParts),
    taskModelId: z.string().trim().min(1).max(200),
    proposerModelId: z.string().trim().min(1).max(200),
    strategy: z.enum(["instruction", "few-shot", "both"]),
    budget: budgetSchema,
    seed: z.number().int().min(0).max(2_147_483_647).optional(),
    rounds: z.number().int().min(1).max(OPTIMIZER_LIMITS.maxRounds).default(OPTIMIZER_DEFAULTS.rounds),
    beamWidth: z.number().int().min(1).max(OPTIMIZER_LIMITS.maxBeamWidth).default(OPTIMIZER_DEFAULTS.beamWidth),
    candidatesPerRound: z.number().int().min(1).max(OPTIMIZER_LIMITS.maxCandidatesPerRound).default(OPTIMIZER_DEFAULTS.candidatesPerRound),
    maxShotsPerLabel: z.number().int().min(1).max(OPTIMIZER_LIMITS.maxShotsPerLabel).default(OPTIMIZER_DEFAULTS.maxShotsPerLabel),
    concurrency: z.number().int().min(1).max(OPTIMIZER_LIMITS.maxConcurrency).default(OPTIMIZER_DEFAULTS.concurrency),
    source: z.enum(["ui", "api", "cli"]).default("ui"),
  })
  .strict();

export type StartOptimizationInput = z.input<typeof startOptimizationSchema>;
