import { AppError, isAppError } from "@/lib/core/errors";
import { scorerParamsSchemas, type ScoreContext, type ScoreVerdict, type ScorerType } from "./config";
import type { ScorerConfig } from "@/db/schema";
import { containsAllScorer, containsAnyScorer, containsScorer, icontainsScorer, startsWithScorer } from "./contains";
import { equalsScorer } from "./equals";
import { containsJsonScorer, isJsonScorer, jsonSchemaScorer } from "./json";
import { llmRubricScorer } from "./llm-rubric";
import { negateVerdict } from "./negate";
import { costUnderScorer, latencyUnderScorer, lengthScorer } from "./measures";
import { canaryLeakScorer, piiScorer, refusalScorer, topicScorer } from "./red-team";
import { regexScorer } from "./regex";
import { similarityScorer } from "./similarity";

/** A scorer implementation: params already validated against its schema. */
export type ScorerFn<T extends ScorerType = ScorerType> = (
  params: ReturnType<(typeof scorerParamsSchemas)[T]["parse"]>,
  ctx: ScoreContext,
  threshold: number | undefined,
) => ScoreVerdict | Promise<ScoreVerdict>;

// One entry per type; each implementation lives in its own file beside this one.
const scorers: { [T in ScorerType]: ScorerFn<T> } = {
  equals: equalsScorer,
  contains: containsScorer,
  icontains: icontainsScorer,
  "contains-any": containsAnyScorer,
  "contains-all": containsAllScorer,
  regex: regexScorer,
  "starts-with": startsWithScorer,
  "is-json": isJsonScorer,
  "contains-json": containsJsonScorer,
  "json-schema": jsonSchemaScorer,
  length: lengthScorer,
  "latency-under": latencyUnderScorer,
  "cost-under": costUnderScorer,
  similarity: similarityScorer,
  "llm-rubric": llmRubricScorer,
  "canary-leak": canaryLeakScorer,
  pii: piiScorer,
  refusal: refusalScorer,
  topic: topicScorer,
};

const VARIABLE_TAG = /\{\{\s*([A-Za-z_][\w-]*)\s*\}\}/g;
const TEMPLATED_PARAMS = ["value", "values", "pattern", "rubric"];

/**
 * Fills `{{variable}}` tags in a scorer's text parameters from the case's variables, as promptfoo renders assertion
 * values with the test's vars: `icontains: "{{product}}"` checks each case for its own product. Only plain tags are
 * replaced (no sections, no HTML escaping); an unknown variable is left as written.
 */
export function fillCaseVariables(params: Record<string, unknown>, variables: Record<string, string>): Record<string, unknown> {
  const fill = (text: string) => text.replace(VARIABLE_TAG, (tag, name: string) => variables[name] ?? tag);
  const filled = { ...params };
  for (const key of TEMPLATED_PARAMS) {
    const value = filled[key];
    if (typeof value === "string") filled[key] = fill(value);
    else if (Array.isArray(value)) filled[key] = value.map((v) => (typeof v === "string" ? fill(v) : v));
  }
  return filled;
}

/**
 * Runs one configured scorer, inverting its verdict when the config is negated. A scorer that throws becomes an error
 * verdict naming the scorer, never a pass (negated or not).
 */
export async function runScorer(config: ScorerConfig, ctx: ScoreContext): Promise<ScoreVerdict> {
  const verdict = await runCheck(config, ctx);
  return config.negate ? negateVerdict(verdict) : verdict;
}

async function runCheck(config: ScorerConfig, ctx: ScoreContext): Promise<ScoreVerdict> {
  const type = config.type as ScorerType;
  const impl = (scorers as Partial<Record<string, ScorerFn>>)[type];
  if (!impl) return { score: null, passed: false, reason: `Scorer type "${config.type}" is not available.`, error: true };
  const params = scorerParamsSchemas[type].safeParse(fillCaseVariables(config.params, ctx.variables));
  if (!params.success) {
    return { score: null, passed: false, reason: `Invalid settings for ${config.label}: ${params.error.issues[0]?.message}`, error: true };
  }
  try {
    return await impl(params.data as never, ctx, config.threshold);
  } catch (error) {
    if (ctx.signal?.aborted) throw error;
    const message = isAppError(error) ? error.message : "the scorer failed unexpectedly";
    return { score: null, passed: false, reason: `${config.label}: ${message}`, error: true };
  }
}

export function assertScorerAvailable(type: string): void {
  if (!(type in scorers)) throw new AppError("bad_request:scorer", `Scorer type "${type}" is not available.`);
}
