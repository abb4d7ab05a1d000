import type { ScorerFn } from "./registry";

// Checks on measurements of the call rather than its text. Bounds are inclusive, like promptfoo's `latency`
// (latencyMs <= threshold) and `cost` (cost <= threshold). A missing measurement is an error verdict: a cached or
// free-of-usage reply must not pass a cost gate by default.

/** Length in characters (Unicode code points, so an emoji counts once). */
export const lengthScorer: ScorerFn<"length"> = ({ min, max }, ctx) => {
  const length = [...ctx.output].length;
  const bounds = [min !== undefined ? `at least ${min}` : null, max !== undefined ? `at most ${max}` : null].filter(Boolean).join(" and ");
  if (!bounds) return { score: null, passed: false, reason: "Set a minimum or a maximum length.", error: true };
  const passed = (min === undefined || length >= min) && (max === undefined || length <= max);
  return { score: passed ? 1 : 0, passed, reason: `Output has ${length} characters; expected ${bounds}.` };
};

export const latencyUnderScorer: ScorerFn<"latency-under"> = ({ maxMs }, ctx) => {
  if (ctx.latencyMs == null) return { score: null, passed: false, reason: "No latency was measured for this call.", error: true };
  const passed = ctx.latencyMs <= maxMs;
  return { score: passed ? 1 : 0, passed, reason: `Latency ${Math.round(ctx.latencyMs)} ms ${passed ? "is within" : "exceeds"} ${maxMs} ms.` };
};

export const costUnderScorer: ScorerFn<"cost-under"> = ({ maxUsd }, ctx) => {
  if (ctx.costUsd == null) return { score: null, passed: false, reason: "The cost of this call is unknown (no price for the model).", error: true };
  const passed = ctx.costUsd <= maxUsd;
  return { score: passed ? 1 : 0, passed, reason: `Cost $${ctx.costUsd.toFixed(6)} ${passed ? "is within" : "exceeds"} $${maxUsd}.` };
};
