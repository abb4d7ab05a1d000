// The metric an optimization maximises: its scorers' scores on a case, weighted. A case whose call or scorer
// errored scores 0 (an error is never better than a wrong answer). "Passed" is the eval result's own verdict (every
// scorer passed), which is what McNemar's test pairs when every score is 0 or 1.
import type { OptimizationMetricPart } from "@/db/schema";
import type { CaseScore } from "./types";

export interface ScoredResult {
  caseId: string;
  status: "passed" | "failed" | "error" | "unscored";
  output: string;
  attempts: number;
  costUsd: number;
  scorers: Record<string, number | null>;
}

export function caseScore(result: ScoredResult, metric: readonly OptimizationMetricPart[]): CaseScore {
  const total = metric.reduce((sum, part) => sum + part.weight, 0);
  const weighted = result.status === "error" ? 0 : metric.reduce((sum, part) => sum + part.weight * (result.scorers[part.scorer.key] ?? 0), 0) / total;
  return {
    caseId: result.caseId,
    score: Math.min(1, Math.max(0, weighted)),
    passed: result.status === "passed",
    output: result.output,
    calls: result.attempts,
    costUsd: result.costUsd,
  };
}
