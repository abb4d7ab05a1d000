// The one definition of an evaluation's pass rate, and how screens name it. Pure and client-safe: the SQL summaries
// (runs, compare, the eval gate), the run page, the compare view and the CLI's wording all follow it.

/** The headline's name says how scorers combine: a case passes only when every scorer on it passed. */
export const PASS_RATE_LABEL = "Pass rate (all scorers must pass)";

/**
 * passed / scored results. Errors count as not passed; unscored results (no scorer at all) are left out of the
 * denominator. Null when nothing was scored, so "0 scored" never reads as 0% or 100%.
 */
export function scoredPassRate(passed: number, scored: number): number | null {
  return scored > 0 ? passed / scored : null;
}

/** The sentence under a headline pass rate: what it counts and what it leaves out. */
export function describePassRate({ passed, done, unscored }: { passed: number; done: number; unscored: number }): string {
  const scored = done - unscored;
  const counted = scored === 0 ? "No case was scored yet." : `${passed} of ${scored} scored ${scored === 1 ? "case" : "cases"} passed every scorer.`;
  return unscored > 0 ? `${counted} ${unscored} unscored (no scorer) not counted.` : counted;
}
