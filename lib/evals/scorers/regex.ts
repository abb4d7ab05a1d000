import type { ScorerFn } from "./registry";

// JavaScript RegExp cannot be interrupted, so a pattern with catastrophic backtracking could pin the server.
// Two guards instead of running user patterns in a sandbox: the output tested is capped (MAX_INPUT), and patterns
// that nest a quantifier inside a quantified group ("(a+)+", "(\w*)*", "(x|x+){2,}"), the classic exponential
// shapes, are refused with an error verdict. The heuristic is conservative: it may refuse a safe pattern, never
// silently pass one.
const MAX_INPUT = 100_000;
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)\s*(?:[+*]|\{\d+,\d*\})/;

export function unsafePatternReason(pattern: string): string | null {
  return NESTED_QUANTIFIER.test(pattern) ? "The pattern nests a repeated group inside a repetition, which can take exponential time." : null;
}

export const regexScorer: ScorerFn<"regex"> = ({ pattern, flags }, ctx) => {
  const unsafe = unsafePatternReason(pattern);
  if (unsafe) return { score: null, passed: false, reason: unsafe, error: true };
  let re: RegExp;
  try {
    re = new RegExp(pattern, flags);
  } catch (error) {
    return { score: null, passed: false, reason: `Invalid regular expression /${pattern}/: ${(error as Error).message}`, error: true };
  }
  const input = ctx.output.length > MAX_INPUT ? ctx.output.slice(0, MAX_INPUT) : ctx.output;
  const passed = re.test(input);
  const shown = `/${pattern}/${flags}`;
  return { score: passed ? 1 : 0, passed, reason: passed ? `Output matches ${shown}.` : `Output does not match ${shown}.` };
};
