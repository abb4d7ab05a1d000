import { z } from "zod";
import type { RatingScheme, RatingValue } from "@/db/schema";

// Inputs of the review queue actions, and the rules that tie a rating to its queue's scheme. Client-safe.

const criterionName = z.string().trim().min(1).max(40).regex(/^[\p{L}\p{N} _-]+$/u, "Criterion names use letters, digits, spaces, _ and -.");

export const ratingSchemeSchema: z.ZodType<RatingScheme> = z.discriminatedUnion("type", [
  z.object({ type: z.literal("thumbs") }),
  z.object({ type: z.literal("scale"), min: z.literal(1), max: z.literal(5) }),
  z.object({
    type: z.literal("rubric"),
    criteria: z
      .array(z.object({ name: criterionName, description: z.string().trim().max(500).default(""), scale: z.enum(["1-5", "yes-no"]) }))
      .min(1, "A rubric needs at least one criterion.")
      .max(10)
      .refine((c) => new Set(c.map((x) => x.name.toLowerCase())).size === c.length, "Criterion names must be different."),
  }),
  z.object({ type: z.literal("pairwise") }),
]) as z.ZodType<RatingScheme>;

export const queueSourceSchema = z.object({
  type: z.enum(["eval-result", "playground-run", "generation"]),
  promptId: z.string().min(1).optional(),
  version: z.number().int().positive().optional(),
  environmentId: z.string().min(1).optional(),
  modelId: z.string().min(1).max(200).optional(),
  /** eval-result sources: one run (pairwise needs a run with two versions). */
  runId: z.string().min(1).optional(),
  minScore: z.number().min(0).max(1).optional(),
  maxScore: z.number().min(0).max(1).optional(),
  samplePercent: z.number().int().min(1).max(100).default(100),
  limit: z.number().int().min(1).max(1000).default(200),
});
export type QueueSource = z.infer<typeof queueSourceSchema>;

export const createQueueSchema = z.object({
  name: z.string().trim().min(1, "Name the queue.").max(120),
  instructions: z.string().trim().max(5_000).default(""),
  scheme: ratingSchemeSchema,
  reviewersPerItem: z.number().int().min(1).max(5).default(1),
  assigneeIds: z.array(z.string().min(1)).min(1, "Assign at least one reviewer.").max(50),
  source: queueSourceSchema,
});

export const addItemsSchema = z.object({ queueId: z.string().min(1), source: queueSourceSchema });

export const updateQueueSchema = z.object({
  queueId: z.string().min(1),
  name: z.string().trim().min(1, "Name the queue.").max(120).optional(),
  instructions: z.string().trim().max(5_000).optional(),
  reviewersPerItem: z.number().int().min(1).max(5).optional(),
  assigneeIds: z.array(z.string().min(1)).min(1, "Assign at least one reviewer.").max(50).optional(),
});

export const archiveQueueSchema = z.object({ queueId: z.string().min(1), archived: z.boolean() });

export const deleteTagSchema = z.object({ tagId: z.string().min(1) });

export const ratingValueSchema: z.ZodType<RatingValue> = z.discriminatedUnion("type", [
  z.object({ type: z.literal("thumbs"), up: z.boolean() }),
  z.object({ type: z.literal("scale"), value: z.number().int().min(1).max(5) }),
  z.object({ type: z.literal("rubric"), criteria: z.record(z.string(), z.number().int().min(0).max(5)) }),
  z.object({ type: z.literal("pairwise"), choice: z.enum(["A", "B", "tie"]) }),
]) as z.ZodType<RatingValue>;

/**
 * A pairwise choice arrives as the reviewer saw it ("A" = the left output, "B" = the right one); the server maps it
 * to the item's source and pair, so the browser never learns which side is which before the answer.
 */
export const rateItemSchema = z.object({
  itemId: z.string().min(1),
  value: ratingValueSchema,
  comment: z.string().max(5_000).default(""),
  tags: z.array(z.string().min(1).max(50)).max(20).default([]),
});

export const exportFormatSchema = z.object({ format: z.enum(["csv", "jsonl"]).default("csv") });

export const tagSchema = z.object({ name: z.string().trim().min(1).max(50).regex(/^[\p{L}\p{N} _-]+$/u, "Tags use letters, digits, spaces, _ and -.") });

/** Raw value and 0..1 score of each criterion; the overall score is their mean (null for pairwise). */
export function scoreRating(scheme: RatingScheme, value: RatingValue): { score: number | null; criteria: { criterion: string; value: number; score: number }[] } | string {
  if (scheme.type !== value.type) return `This queue rates with ${scheme.type}, not ${value.type}.`;
  switch (value.type) {
    case "thumbs":
      return { score: value.up ? 1 : 0, criteria: [{ criterion: "overall", value: value.up ? 1 : 0, score: value.up ? 1 : 0 }] };
    case "scale":
      return { score: (value.value - 1) / 4, criteria: [{ criterion: "overall", value: value.value, score: (value.value - 1) / 4 }] };
    case "pairwise":
      return { score: null, criteria: [] };
    case "rubric": {
      if (scheme.type !== "rubric") return "Not a rubric queue.";
      const criteria = [];
      for (const criterion of scheme.criteria) {
        const raw = value.criteria[criterion.name];
        if (raw === undefined) return `Rate "${criterion.name}" too.`;
        if (criterion.scale === "yes-no" ? raw !== 0 && raw !== 1 : raw < 1 || raw > 5) {
          return `"${criterion.name}" takes ${criterion.scale === "yes-no" ? "yes (1) or no (0)" : "1 to 5"}.`;
        }
        criteria.push({ criterion: criterion.name, value: raw, score: criterion.scale === "yes-no" ? raw : (raw - 1) / 4 });
      }
      const extra = Object.keys(value.criteria).find((name) => !scheme.criteria.some((c) => c.name === name));
      if (extra) return `"${extra}" is not a criterion of this queue.`;
      return { score: criteria.reduce((s, c) => s + c.score, 0) / criteria.length, criteria };
    }
  }
}
