// McNemar's test: did as many cases flip from fail to pass as from pass to fail? For pass/fail metrics scored on the
// same cases under two prompts, only the discordant cases carry information: b passed under the baseline and failed
// under the candidate, c the other way round. Under "no difference" each discordant case is a fair coin.
//
// Few discordant cases (b + c < 25): the exact binomial test, two-sided. More: the chi-square statistic with Edwards'
// continuity correction, (|b − c| − 1)² / (b + c), on one degree of freedom. (McNemar 1947; Edwards 1948; the
// 25 threshold as in Rosner, "Fundamentals of Biostatistics".)

export interface McNemarResult {
  /** Cases that passed under the baseline and failed under the candidate. */
  baselineOnly: number;
  /** Cases that failed under the baseline and passed under the candidate. */
  candidateOnly: number;
  method: "exact binomial" | "chi-square, continuity-corrected";
  /** The chi-square statistic (corrected) when that method is used. */
  statistic: number | null;
  pValue: number;
}

export const EXACT_BELOW = 25;

export function mcnemar(baselinePassed: readonly boolean[], candidatePassed: readonly boolean[]): McNemarResult {
  if (baselinePassed.length !== candidatePassed.length) throw new Error("mcnemar: the two outcome lists must pair case by case");
  let b = 0;
  let c = 0;
  baselinePassed.forEach((passed, i) => {
    if (passed && !candidatePassed[i]) b++;
    else if (!passed && candidatePassed[i]) c++;
  });
  return mcnemarFromCounts(b, c);
}

export function mcnemarFromCounts(b: number, c: number): McNemarResult {
  const n = b + c;
  if (n < EXACT_BELOW) {
    // P(X <= min(b, c)) for X ~ Binomial(n, 1/2), doubled, at most 1.
    let tail = 0;
    for (let k = 0; k <= Math.min(b, c); k++) tail += binomial(n, k);
    return { baselineOnly: b, candidateOnly: c, method: "exact binomial", statistic: null, pValue: Math.min(1, (2 * tail) / 2 ** n) };
  }
  const statistic = (Math.abs(b - c) - 1) ** 2 / n;
  return { baselineOnly: b, candidateOnly: c, method: "chi-square, continuity-corrected", statistic, pValue: chiSquareOneDfSurvival(statistic) };
}

/** n choose k, exactly for the n below EXACT_BELOW. */
function binomial(n: number, k: number): number {
  let result = 1;
  for (let i = 1; i <= k; i++) result = (result * (n - k + i)) / i;
  return result;
}

/** P(X > x) for X chi-square with one degree of freedom: erfc(sqrt(x / 2)). */
export function chiSquareOneDfSurvival(x: number): number {
  return x <= 0 ? 1 : erfc(Math.sqrt(x / 2));
}

/** The complementary error function, to a relative error under 1.2e-7 (Numerical Recipes' erfcc, Chebyshev fit). */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + z / 2);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}
