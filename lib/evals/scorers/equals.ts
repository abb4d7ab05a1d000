import type { ScorerFn } from "./registry";

/** Exact match after trimming surrounding whitespace (promptfoo's `equals` compares the trimmed output too). */
export const equalsScorer: ScorerFn<"equals"> = (params, ctx) => {
  const expected = params.value ?? ctx.expected;
  if (expected == null) return { score: null, passed: false, reason: "No expected output to compare with.", error: true };
  const passed = ctx.output.trim() === expected.trim();
  return { score: passed ? 1 : 0, passed, reason: passed ? "Output equals the expected output." : "Output differs from the expected output." };
};
