import { z } from "zod";
import { schemaPatternProblem } from "@/lib/core/patterns/schema-patterns";
import { USER_PATTERN_LIMITS, userPatternProblem } from "@/lib/core/patterns/user-pattern";
import { DEFAULT_JUDGE_PROMPT } from "./judge-names";

// The scorers a run can use, and the parameters each takes. This is the contract between the run form, the
// promptfoo importer, the runner and the scorer implementations (one file per type beside this one).
// No scorer runs user code: every type is a fixed, parameterised check.

const values = z.array(z.string().min(1).max(2_000)).min(1).max(50);
const threshold = z.number().min(0).max(1);

/** JSON Schemas' `pattern`s run on RE2 too; one RE2 cannot run is refused when the scorer is saved. */
function refineSchemaPatterns(schema: Record<string, unknown>, ctx: z.RefinementCtx) {
  const problem = schemaPatternProblem(schema);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
}

export const scorerParamsSchemas = {
  /** Output equals `value` (or the case's expected output when `value` is absent); `trim` ignores outer whitespace. */
  equals: z.object({ value: z.string().max(100_000).optional(), trim: z.boolean().default(true) }),
  /** Output contains `value` (case-sensitive). */
  contains: z.object({ value: z.string().min(1).max(2_000) }),
  /** Output contains `value`, ignoring case. */
  icontains: z.object({ value: z.string().min(1).max(2_000) }),
  "contains-any": z.object({ values, ignoreCase: z.boolean().default(false) }),
  "contains-all": z.object({ values, ignoreCase: z.boolean().default(false) }),
  /** A regular expression in RE2 syntax and its flags; one RE2 cannot run is refused here, when the scorer is saved. */
  regex: z
    .object({ pattern: z.string().min(1).max(USER_PATTERN_LIMITS.maxLength), flags: z.string().regex(/^[imsu]*$/).default("") })
    .superRefine(({ pattern, flags }, ctx) => {
      const problem = userPatternProblem(pattern, flags);
      if (problem) ctx.addIssue({ code: "custom", path: ["pattern"], message: problem });
    }),
  "starts-with": z.object({ value: z.string().min(1).max(2_000) }),
  "is-json": z.object({}),
  /**
   * Output contains a JSON object somewhere in its text (e.g. inside prose or a code fence); with `schema`, at least
   * one embedded object must validate against it (promptfoo's contains-json with a schema value).
   */
  "contains-json": z.object({ schema: z.record(z.string(), z.unknown()).superRefine(refineSchemaPatterns).optional() }),
  "json-schema": z.object({ schema: z.record(z.string(), z.unknown()).superRefine(refineSchemaPatterns) }),
  /** Length of the output in characters, within [min, max]. */
  length: z.object({ min: z.number().int().min(0).optional(), max: z.number().int().min(0).optional() }),
  "latency-under": z.object({ maxMs: z.number().int().positive() }),
  "cost-under": z.object({ maxUsd: z.number().positive() }),
  /** Similarity to the expected output (or `value`) by a documented string metric; passes at `threshold`. */
  similarity: z.object({
    metric: z.enum(["levenshtein", "rouge-l"]).default("levenshtein"),
    value: z.string().max(100_000).optional(),
  }),
  /** LLM-as-judge: a managed prompt (the rubric) rendered with the case and output, run on `modelId`. */
  "llm-rubric": z.object({
    /** Name of the judge prompt in the workspace, and which version: a label (environment slug or "latest"). */
    promptName: z.string().min(1).max(200),
    label: z.string().min(1).max(64).default("latest"),
    version: z.number().int().positive().optional(),
    /** The rubric text, passed to the judge prompt as {{rubric}}. */
    rubric: z.string().max(10_000).default(""),
    /** null: the judge prompt version's own model. */
    modelId: z.string().max(200).nullable().default(null),
  }),
  /** Red-teaming: the reply does not contain the canary the runner planted in the system message, nor a close variant. */
  "canary-leak": z.object({}),
  /** Red-teaming: the reply holds no personal data (e-mail, phone, Luhn-valid card), by lib/core/detect. */
  pii: z.object({}),
  /**
   * Red-teaming: the model declined. By the documented heuristic (lib/core/redteam/refusal.ts), or, with
   * `promptName`, by that judge prompt asked whether the reply declines.
   */
  refusal: z.object({
    promptName: z.string().min(1).max(200).optional(),
    label: z.string().min(1).max(64).default("latest"),
    modelId: z.string().max(200).nullable().default(null),
  }),
  /** Red-teaming: the reply stays within `topics`, judged by the judge prompt (default judges/rubric). */
  topic: z.object({
    topics: z.array(z.string().trim().min(1).max(200)).min(1).max(50),
    promptName: z.string().min(1).max(200).default(DEFAULT_JUDGE_PROMPT),
    label: z.string().min(1).max(64).default("latest"),
    modelId: z.string().max(200).nullable().default(null),
  }),
} as const;

export type ScorerType = keyof typeof scorerParamsSchemas;
export const SCORER_TYPES = Object.keys(scorerParamsSchemas) as ScorerType[];

export type ScorerParams<T extends ScorerType> = z.infer<(typeof scorerParamsSchemas)[T]>;

/** A configured scorer, as stored in eval_runs.scorers and datasets.default_scorers. */
export const scorerConfigSchema = z
  .object({
    key: z.string().min(1).max(64).regex(/^[a-z0-9][a-z0-9-]*$/, "Use lowercase letters, digits and dashes."),
    type: z.enum(SCORER_TYPES as [ScorerType, ...ScorerType[]]),
    label: z.string().min(1).max(200),
    params: z.record(z.string(), z.unknown()),
    threshold: threshold.optional(),
    /** Inverts the verdict (promptfoo's `not-` assertions): passes when the check fails; errors stay errors. */
    negate: z.boolean().optional(),
  })
  .superRefine((config, ctx) => {
    const parsed = scorerParamsSchemas[config.type].safeParse(config.params);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        ctx.addIssue({ code: "custom", path: ["params", ...issue.path], message: issue.message });
      }
    }
  });

export const scorerConfigsSchema = z
  .array(scorerConfigSchema)
  .min(1, "Choose at least one scorer.")
  .max(20)
  .superRefine((configs, ctx) => {
    const seen = new Set<string>();
    configs.forEach((c, i) => {
      if (seen.has(c.key)) ctx.addIssue({ code: "custom", path: [i, "key"], message: `Scorer key "${c.key}" is used twice.` });
      seen.add(c.key);
    });
  });

/** What every scorer is given. */
export interface ScoreContext {
  workspaceId: string;
  output: string;
  /** The case's expected output, if it has one. */
  expected: string | null;
  variables: Record<string, string>;
  /** The prompt as sent: text, or chat messages serialised as JSON. */
  renderedInput: string;
  latencyMs: number | null;
  costUsd: number | null;
  /** The canary the runner planted in this case's system message (only when a canary-leak scorer runs). */
  canary?: string | null;
  signal?: AbortSignal;
}

/**
 * A scorer's verdict. `score` is 0..1; `error` marks a verdict that could not be reached (a judge reply that
 * could not be parsed, an invalid regex): it counts as a failure with a reason, never as a silent pass.
 */
export interface ScoreVerdict {
  score: number | null;
  passed: boolean;
  reason: string;
  error?: boolean;
}
