import { z } from "zod";
import { BODY_LIMITS } from "@/lib/core/limits";

// Bodies and answers of POST /api/v1/generations and POST /api/v1/feedback; the OpenAPI document
// (lib/api/openapi.ts) is generated from them. Bodies are strict (unknown fields are refused) with size caps per
// field; the whole body is capped at GENERATION_BODY_LIMIT (413 beyond).

export const GENERATION_BODY_LIMIT = BODY_LIMITS.json;
const METADATA_LIMIT = 16 * 1024;

const metadata = z
  .record(z.string().max(100), z.unknown())
  .refine((value) => JSON.stringify(value).length <= METADATA_LIMIT, "metadata is larger than 16 KB once serialised.")
  .default({})
  .describe("Free-form, up to 16 KB serialised.");

export const reportGenerationBodySchema = z
  .object({
    prompt: z.string().min(1).max(200).describe("The prompt's name."),
    /** The version the application rendered, or the label it fetched (what that label serves now is recorded). */
    version: z.number().int().positive().optional(),
    label: z.string().min(1).max(64).optional().describe("An environment slug; exclusive with version."),
    variables: z
      .record(z.string().max(100), z.string().max(100_000))
      .refine((v) => Object.keys(v).length <= 100, "At most 100 variables.")
      .default({}),
    output: z.string().max(200_000, "output is longer than 200,000 characters."),
    model: z.string().max(200).default("").describe('"<provider>:<model>", e.g. "openai:gpt-4o-mini".'),
    usage: z
      .object({ inputTokens: z.number().int().min(0).optional(), outputTokens: z.number().int().min(0).optional(), costUsd: z.number().min(0).optional() })
      .strict()
      .default({}),
    latencyMs: z.number().int().min(0).max(3_600_000).optional(),
    metadata,
  })
  .strict()
  .refine((body) => (body.version === undefined) !== (body.label === undefined), { message: "Send either version or label (one of them)." });

/** Scales end-user scores arrive on; all are stored as 0..1. */
export const FEEDBACK_SCALES = ["0-1", "thumbs", "1-5", "0-10"] as const;

export const feedbackBodySchema = z
  .object({
    generationId: z.string().min(1).max(64),
    score: z.number(),
    scale: z.enum(FEEDBACK_SCALES).default("0-1"),
    comment: z.string().max(5_000).default(""),
    metadata,
  })
  .strict();

export const generationCreatedSchema = z.object({ id: z.string(), version: z.number().int().positive() });
export type GenerationCreated = z.infer<typeof generationCreatedSchema>;

export const feedbackCreatedSchema = z.object({ id: z.string(), score: z.number().min(0).max(1).describe("Normalised to 0..1.") });
export type FeedbackCreated = z.infer<typeof feedbackCreatedSchema>;

/** The 0..1 score for a score on a scale, or null when it is outside the scale. */
export function normaliseScore(score: number, scale: (typeof FEEDBACK_SCALES)[number]): number | null {
  switch (scale) {
    case "0-1":
      return score >= 0 && score <= 1 ? score : null;
    case "thumbs":
      return score === 0 || score === 1 ? score : null;
    case "1-5":
      return score >= 1 && score <= 5 ? (score - 1) / 4 : null;
    case "0-10":
      return score >= 0 && score <= 10 ? score / 10 : null;
  }
}
