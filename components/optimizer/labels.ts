import type { OptimizationOutcome } from "@/db/schema";
import type { OptimizationSummary } from "@/lib/optimizer";

// The optimizer's words, the same on the Optimize tab, the run page and the approval card.

export const STRATEGY_LABELS: Record<OptimizationSummary["strategy"], string> = {
  instruction: "Instruction search",
  "few-shot": "Few-shot selection",
  both: "Instructions and few-shot",
};

export type Verdict = OptimizationOutcome["heldOut"]["verdict"];

export const VERDICT_WORDS: Record<Verdict, string> = {
  better: "Better",
  "no significant difference": "No significant difference",
  worse: "Worse",
};

export const VERDICT_TONES = { better: "success", "no significant difference": "neutral", worse: "danger" } as const;

/** The verdict's word, or the stored text as it is when it is not one the studio knows (an older version's). */
export function verdictWord(verdict: string): string {
  return VERDICT_WORDS[verdict as Verdict] ?? verdict;
}

export function verdictTone(verdict: string): "success" | "neutral" | "danger" {
  return VERDICT_TONES[verdict as Verdict] ?? "neutral";
}

/** A 0..1 score as a percent with one decimal, or "—" when there is none. */
export function percent(score: number | null | undefined): string {
  return score == null ? "—" : `${Math.round(score * 1000) / 10}%`;
}

/** The held-out test's significance in words: "p = 0.012" (McNemar) or "95% CI +2.1 to +9.8 points" (bootstrap). */
export function significance(heldOut: { pValue: number | null; interval: { low: number; high: number } | null }): string {
  if (heldOut.pValue !== null) return heldOut.pValue < 0.001 ? "p < 0.001" : `p = ${heldOut.pValue.toPrecision(2)}`;
  if (heldOut.interval) {
    const points = (v: number) => `${v >= 0 ? "+" : "−"}${Math.abs(Math.round(v * 1000) / 10)}`;
    return `95% CI ${points(heldOut.interval.low)} to ${points(heldOut.interval.high)} points`;
  }
  return "no test";
}

export function usd(value: number): string {
  return `$${value < 1 ? value.toFixed(4) : value.toFixed(2)}`;
}
