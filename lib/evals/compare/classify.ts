// How a case changed between a baseline (A) and a candidate (B). Pure, so the rules are tested on their own.

export type CaseChange = "regression" | "improvement" | "score-down" | "score-up" | "same" | "missing" | "unscored";

export interface CellVerdict {
  status: "passed" | "failed" | "error" | "unscored";
  score: number | null;
}

/** A score move smaller than this is noise, not a change (judges and similarity scores wobble). */
export const SCORE_EPSILON = 0.05;

export function classifyChange(a: CellVerdict | null, b: CellVerdict | null): CaseChange {
  if (!a || !b) return "missing";
  // An unscored side has no verdict to compare: never a regression or an improvement.
  if (a.status === "unscored" || b.status === "unscored") return "unscored";
  const aPassed = a.status === "passed";
  const bPassed = b.status === "passed";
  if (aPassed && !bPassed) return "regression";
  if (!aPassed && bPassed) return "improvement";
  if (a.score !== null && b.score !== null) {
    if (b.score <= a.score - SCORE_EPSILON) return "score-down";
    if (b.score >= a.score + SCORE_EPSILON) return "score-up";
  }
  return "same";
}

export const CHANGE_LABELS: Record<CaseChange, string> = {
  regression: "Regression",
  improvement: "Improvement",
  "score-down": "Score down",
  "score-up": "Score up",
  same: "No change",
  missing: "Only in one run",
  unscored: "Not scored",
};

/** Difference B − A, or null when either side is unknown. */
export function delta(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : b - a;
}
