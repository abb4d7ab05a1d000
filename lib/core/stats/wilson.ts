// The Wilson score interval for a proportion (Wilson 1927): how sure a pass rate of k out of n is. Unlike the normal
// ("Wald") interval it stays inside [0, 1] and keeps its coverage at small n and rates near 0 or 1, which is where a
// held-out set of a few dozen cases lives. Newcombe (1998, "Two-sided confidence intervals for the single
// proportion") compares the methods and recommends it; its worked examples are the tests.

export interface ProportionInterval {
  estimate: number;
  low: number;
  high: number;
}

/** z for a two-sided 95% interval. */
const Z95 = 1.959963984540054;

export function wilsonInterval(successes: number, trials: number, z = Z95): ProportionInterval {
  if (trials <= 0) return { estimate: 0, low: 0, high: 1 };
  const p = successes / trials;
  const z2 = z * z;
  const centre = (p + z2 / (2 * trials)) / (1 + z2 / trials);
  const half = (z / (1 + z2 / trials)) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  return { estimate: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}
