import { seededRandom } from "./seeded-random";

// Is a candidate prompt better than the baseline on the same cases? Each case was scored under both, so the question
// is about the per-case differences (a paired design): resample the cases with replacement, many times, and read the
// confidence interval of the mean difference off the resampled means (the percentile bootstrap; Efron & Tibshirani,
// "An Introduction to the Bootstrap", 1993, ch. 13). Pairing removes the case-to-case spread both prompts share, which
// is most of it: an unpaired comparison of the same scores would need far more cases to see the same difference.

export interface PairedInterval {
  /** Mean of candidate − baseline over the cases. */
  meanDifference: number;
  low: number;
  high: number;
  confidence: number;
  resamples: number;
  cases: number;
}

export interface BootstrapOptions {
  /** Recorded with the result, so the interval can be recomputed exactly. */
  seed: number;
  resamples?: number;
  confidence?: number;
}

/** The percentile at q in [0, 1] of sorted values, interpolating linearly between neighbours. */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}

export function pairedBootstrap(baseline: readonly number[], candidate: readonly number[], { seed, resamples = 10_000, confidence = 0.95 }: BootstrapOptions): PairedInterval {
  if (baseline.length !== candidate.length) throw new Error("pairedBootstrap: the two score lists must pair case by case");
  const n = baseline.length;
  const differences = baseline.map((b, i) => candidate[i]! - b);
  const meanDifference = n === 0 ? 0 : differences.reduce((sum, d) => sum + d, 0) / n;
  if (n === 0) return { meanDifference, low: 0, high: 0, confidence, resamples: 0, cases: 0 };
  const random = seededRandom(seed);
  const means = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += differences[random.int(n)]!;
    means[r] = sum / n;
  }
  means.sort();
  const tail = (1 - confidence) / 2;
  const sorted = Array.from(means);
  return { meanDifference, low: percentile(sorted, tail), high: percentile(sorted, 1 - tail), confidence, resamples, cases: n };
}
