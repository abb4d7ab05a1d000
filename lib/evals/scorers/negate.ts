import type { ScoreVerdict } from "./config";

// promptfoo's `not-` assertions: "every test type can be negated by prepending not-". A negated scorer passes exactly
// when its check fails, and scores 1 − score (promptfoo's `1 - score` for llm-rubric; for its pass/fail checks, whose
// scores are 1 or 0, that is the same as scoring the inverted verdict). A verdict that could not be reached (invalid
// pattern or schema, unreadable judge reply, no measurement) stays an error: negation never turns "could not check"
// into a pass.

export function negateVerdict(verdict: ScoreVerdict): ScoreVerdict {
  if (verdict.error) return verdict;
  const passed = !verdict.passed;
  return {
    score: verdict.score === null ? null : Math.round((1 - verdict.score) * 1e6) / 1e6,
    passed,
    reason: `Negated (passes when the check fails): ${passed ? "passed" : "failed"}, because ${lowerFirst(verdict.reason)}`,
  };
}

const lowerFirst = (text: string) => (/^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text);
