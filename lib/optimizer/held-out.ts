// The final check: the baseline and the best candidate on the held-out cases only, which no proposer and no choice
// of the optimizer has seen. Pass/fail metrics (every case scored 0 or 1) are compared with McNemar's test, graded
// ones with the paired bootstrap interval; either ends in better, no significant difference, or worse.
import { mcnemar, type McNemarResult } from "@/lib/core/stats/mcnemar";
import { pairedBootstrap, type PairedInterval } from "@/lib/core/stats/paired-bootstrap";
import { verdictFromInterval, verdictFromMcNemar, type Verdict } from "@/lib/core/stats/verdict";
import type { CaseScore } from "./types";

export interface HeldOutComparison {
  cases: number;
  baseline: number;
  best: number;
  test: "McNemar" | "paired bootstrap";
  mcnemar: McNemarResult | null;
  interval: PairedInterval | null;
  verdict: Verdict;
}

const mean = (values: readonly number[]) => (values.length === 0 ? 0 : values.reduce((sum, v) => sum + v, 0) / values.length);

export function compareHeldOut(baseline: readonly CaseScore[], best: readonly CaseScore[], seed: number): HeldOutComparison {
  const byCase = new Map(best.map((score) => [score.caseId, score]));
  const paired = baseline.filter((score) => byCase.has(score.caseId)).map((score) => [score, byCase.get(score.caseId)!] as const);
  const before = paired.map(([b]) => b.score);
  const after = paired.map(([, c]) => c.score);
  const summary = { cases: paired.length, baseline: mean(before), best: mean(after) };
  const binary = [...before, ...after].every((score) => score === 0 || score === 1);
  if (binary) {
    const result = mcnemar(paired.map(([b]) => b.passed), paired.map(([, c]) => c.passed));
    return { ...summary, test: "McNemar", mcnemar: result, interval: null, verdict: verdictFromMcNemar(result) };
  }
  const interval = pairedBootstrap(before, after, { seed });
  return { ...summary, test: "paired bootstrap", mcnemar: null, interval, verdict: verdictFromInterval(interval) };
}
