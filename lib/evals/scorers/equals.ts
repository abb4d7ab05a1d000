import type { ScorerFn } from "./registry";

/**
 * Exact match with `value`, or with the case's expected output when `value` is absent. `trim` (the default for
 * scorers made in the studio) ignores surrounding whitespace, which models add freely; promptfoo's `equals`
 * compares exactly, so its importer sets `trim: false` to give the same verdicts.
 */
export const equalsScorer: ScorerFn<"equals"> = (params, ctx) => {
  const expected = params.value ?? ctx.expected;
  if (expected == null) return { score: null, passed: false, reason: "No expected output to compare with.", error: true };
  const passed = params.trim ? ctx.output.trim() === expected.trim() : ctx.output === expected;
  return { score: passed ? 1 : 0, passed, reason: passed ? "Output equals the expected output." : "Output differs from the expected output." };
};
