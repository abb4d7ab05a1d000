import type { McNemarResult } from "./mcnemar";
import type { PairedInterval } from "./paired-bootstrap";

// The one sentence a held-out comparison ends in. "Better" and "worse" need the evidence to exclude no difference;
// everything else, however promising the point estimate, is "no significant difference".

export type Verdict = "better" | "no significant difference" | "worse";

/** From a paired bootstrap interval of candidate − baseline: significant when the interval excludes 0. */
export function verdictFromInterval(interval: PairedInterval): Verdict {
  if (interval.low > 0) return "better";
  if (interval.high < 0) return "worse";
  return "no significant difference";
}

/** From McNemar's test on pass/fail outcomes: significant at `alpha`, in the direction more cases flipped. */
export function verdictFromMcNemar(result: McNemarResult, alpha = 0.05): Verdict {
  if (result.pValue >= alpha || result.candidateOnly === result.baselineOnly) return "no significant difference";
  return result.candidateOnly > result.baselineOnly ? "better" : "worse";
}
