// Inter-rater agreement for review queues. Pure functions over plain numbers (ratings are mapped to numbers by
// the caller: thumbs 0/1, scales 1..5, pairwise A/B/tie as 0/1/2 nominal).
//
// - Percent agreement: over items rated by at least two reviewers, the share of reviewer pairs that gave the same
//   value, averaged over items.
// - Cohen's kappa (Cohen 1960), two raters, nominal: κ = (p_o − p_e) / (1 − p_e), p_e from each rater's marginals.
// - Krippendorff's alpha (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability"), any number of raters,
//   missing values allowed, with the nominal, ordinal or interval difference function: α = 1 − D_o / D_e, computed
//   from the coincidence matrix of pairable values.

export type Metric = "nominal" | "ordinal" | "interval";

/** `units[u]` holds the values the raters gave unit u (missing ratings simply absent). */
export type Units = number[][];

export function percentAgreement(units: Units): number | null {
  let total = 0;
  let counted = 0;
  for (const values of units) {
    if (values.length < 2) continue;
    let same = 0;
    let pairs = 0;
    for (let i = 0; i < values.length; i++) {
      for (let j = i + 1; j < values.length; j++) {
        pairs++;
        if (values[i] === values[j]) same++;
      }
    }
    total += same / pairs;
    counted++;
  }
  return counted === 0 ? null : total / counted;
}

/** Cohen's kappa for two raters' values on the same items, in order. Null with no items or no variation. */
export function cohensKappa(a: number[], b: number[]): number | null {
  if (a.length !== b.length) throw new Error("Both raters must rate the same items.");
  const n = a.length;
  if (n === 0) return null;
  const categories = [...new Set([...a, ...b])];
  const observed = a.filter((v, i) => v === b[i]).length / n;
  let expected = 0;
  for (const c of categories) expected += (a.filter((v) => v === c).length / n) * (b.filter((v) => v === c).length / n);
  if (expected === 1) return null;
  return (observed - expected) / (1 - expected);
}

export function krippendorffAlpha(units: Units, metric: Metric = "nominal"): number | null {
  const pairable = units.filter((values) => values.length >= 2);
  const categories = [...new Set(pairable.flat())].sort((x, y) => x - y);
  if (categories.length === 0) return null;
  const index = new Map(categories.map((c, i) => [c, i]));
  const k = categories.length;
  // Coincidence matrix: each ordered pair of values within a unit adds 1 / (m_u − 1).
  const o = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (const values of pairable) {
    const weight = 1 / (values.length - 1);
    for (let i = 0; i < values.length; i++) {
      for (let j = 0; j < values.length; j++) {
        if (i !== j) o[index.get(values[i]!)!]![index.get(values[j]!)!]! += weight;
      }
    }
  }
  const nc = o.map((row) => row.reduce((s, v) => s + v, 0));
  const n = nc.reduce((s, v) => s + v, 0);
  if (n <= 1) return null;
  const delta = (c: number, e: number): number => {
    if (metric === "nominal") return c === e ? 0 : 1;
    if (metric === "interval") return (categories[c]! - categories[e]!) ** 2;
    // Ordinal: the squared count of values between the two categories, halving the ends.
    const [lo, hi] = c < e ? [c, e] : [e, c];
    let sum = 0;
    for (let g = lo; g <= hi; g++) sum += nc[g]!;
    return (sum - (nc[lo]! + nc[hi]!) / 2) ** 2;
  };
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < k; c++) {
    for (let e = 0; e < k; e++) {
      const d = delta(c, e);
      observed += o[c]![e]! * d;
      expected += nc[c]! * nc[e]! * d;
    }
  }
  if (expected === 0) return null;
  return 1 - ((n - 1) * observed) / expected;
}
