import { describe, expect, it } from "vitest";
import { chiSquareOneDfSurvival, erfc, mcnemar, mcnemarFromCounts } from "./mcnemar";
import { pairedBootstrap, percentile } from "./paired-bootstrap";
import { seededRandom } from "./seeded-random";
import { wilsonInterval } from "./wilson";
import { apportion, stratifiedSplit } from "./stratified-split";
import { verdictFromInterval, verdictFromMcNemar } from "./verdict";

describe("McNemar's test", () => {
  it("matches the worked example of its Wikipedia article (a=101, b=121, c=59, d=33)", () => {
    // Uncorrected: (121 - 59)^2 / 180 = 21.35; corrected (Edwards): 61^2 / 180 = 20.67; both p < 0.001.
    const result = mcnemarFromCounts(121, 59);
    expect(result.method).toBe("chi-square, continuity-corrected");
    expect(result.statistic).toBeCloseTo(20.672, 3);
    expect(result.pValue).toBeLessThan(0.001);
    expect(chiSquareOneDfSurvival(21.35)).toBeCloseTo(3.83e-6, 7);
    expect(verdictFromMcNemar(result)).toBe("worse");
  });

  it("uses the exact binomial test for few discordant cases: 0 against 6 is p = 2 / 2^6", () => {
    const result = mcnemarFromCounts(0, 6);
    expect(result.method).toBe("exact binomial");
    expect(result.pValue).toBeCloseTo(0.03125, 10);
    expect(verdictFromMcNemar(result)).toBe("better");
    // 1 against 6: 2 * (1 + 7) / 128 = 0.125, not significant.
    expect(mcnemarFromCounts(1, 6).pValue).toBeCloseTo(0.125, 10);
    expect(verdictFromMcNemar(mcnemarFromCounts(1, 6))).toBe("no significant difference");
    expect(mcnemarFromCounts(4, 4).pValue).toBe(1);
  });

  it("counts only the discordant pairs of the outcomes it is given", () => {
    const result = mcnemar([true, true, false, false, true], [true, false, true, false, false]);
    expect([result.baselineOnly, result.candidateOnly]).toEqual([2, 1]);
    expect(() => mcnemar([true], [])).toThrow();
  });

  it("computes erfc to the table's precision", () => {
    // Abramowitz & Stegun, table 7.1: erfc(0.5) = 0.4795001222, erfc(1) = 0.1572992070, erfc(2) = 0.004677734981.
    expect(erfc(0.5)).toBeCloseTo(0.4795001222, 6);
    expect(erfc(1)).toBeCloseTo(0.157299207, 6);
    expect(erfc(2)).toBeCloseTo(0.004677734981, 7);
    expect(erfc(-1)).toBeCloseTo(2 - 0.157299207, 6);
  });
});

describe("paired bootstrap", () => {
  it("gives the exact percentile interval on a case small enough to enumerate", () => {
    // Differences [0, 1]: a resampled mean is 0, 0.5 or 1 with probability 1/4, 1/2, 1/4, so the 2.5th percentile is
    // 0 and the 97.5th is 1, and the middle of the resampled means is 0.5.
    const interval = pairedBootstrap([0, 0], [0, 1], { seed: 7, resamples: 20_000 });
    expect(interval.meanDifference).toBe(0.5);
    expect([interval.low, interval.high]).toEqual([0, 1]);
    expect(verdictFromInterval(interval)).toBe("no significant difference");
  });

  it("is the same for the same seed and says 'no significant difference' when the prompts score alike", () => {
    const random = seededRandom(1);
    const baseline = Array.from({ length: 60 }, () => random.next());
    const same = pairedBootstrap(baseline, baseline, { seed: 3 });
    expect([same.low, same.high, same.meanDifference]).toEqual([0, 0, 0]);
    expect(verdictFromInterval(same)).toBe("no significant difference");
    const noisy = baseline.map((b) => b + (random.next() - 0.5) * 0.1);
    expect(pairedBootstrap(baseline, noisy, { seed: 9 })).toEqual(pairedBootstrap(baseline, noisy, { seed: 9 }));
  });

  it("says 'better' when every case improves and 'worse' when every case drops", () => {
    const baseline = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? 0.2 : 0.5));
    expect(verdictFromInterval(pairedBootstrap(baseline, baseline.map((b) => b + 0.2), { seed: 1 }))).toBe("better");
    expect(verdictFromInterval(pairedBootstrap(baseline, baseline.map((b) => b - 0.05), { seed: 1 }))).toBe("worse");
  });

  it("covers the true difference about 95% of the time on a known distribution", () => {
    // 200 simulated comparisons whose true mean difference is 0.1: the 95% interval should miss it in roughly 10.
    const random = seededRandom(42);
    let missed = 0;
    for (let trial = 0; trial < 200; trial++) {
      const baseline = Array.from({ length: 50 }, () => random.next());
      const candidate = baseline.map((b) => b + 0.1 + (random.next() - 0.5) * 0.6);
      const interval = pairedBootstrap(baseline, candidate, { seed: trial, resamples: 2_000 });
      if (interval.low > 0.1 || interval.high < 0.1) missed++;
    }
    expect(missed).toBeGreaterThan(2);
    expect(missed).toBeLessThan(22);
  });

  it("interpolates percentiles between neighbours", () => {
    expect(percentile([0, 10], 0.25)).toBe(2.5);
    expect(percentile([1, 2, 3], 0.5)).toBe(2);
  });
});

describe("stratified split", () => {
  const cases = Array.from({ length: 100 }, (_, i) => ({ id: `case-${i}`, label: i < 50 ? "billing" : i < 80 ? "bug" : i < 95 ? "praise" : null }));
  const fractions = { train: 0.6, validation: 0.2, heldOut: 0.2 };
  const keys = { id: (c: (typeof cases)[number]) => c.id, stratum: (c: (typeof cases)[number]) => c.label };

  it("puts every case in exactly one split, in the requested sizes", () => {
    const split = stratifiedSplit(cases, keys, fractions, 11);
    const ids = [...split.train, ...split.validation, ...split.heldOut].map((c) => c.id);
    expect(new Set(ids).size).toBe(100);
    expect(ids).toHaveLength(100);
    expect([split.train.length, split.validation.length, split.heldOut.length]).toEqual([60, 20, 20]);
  });

  it("keeps each label's share in every split, within one case", () => {
    const split = stratifiedSplit(cases, keys, fractions, 5);
    for (const [label, size] of [["billing", 50], ["bug", 30], ["praise", 15], [null, 5]] as const) {
      for (const [name, fraction] of Object.entries(fractions) as [keyof typeof fractions, number][]) {
        const count = split[name].filter((c) => c.label === label).length;
        expect(Math.abs(count - size * fraction), `${label} in ${name}`).toBeLessThanOrEqual(1);
      }
    }
  });

  it("is the same for the same seed whatever the cases' order, and differs for another seed", () => {
    const ids = (s: ReturnType<typeof stratifiedSplit<(typeof cases)[number]>>) => s.heldOut.map((c) => c.id).sort();
    const a = stratifiedSplit(cases, keys, fractions, 21);
    const reordered = stratifiedSplit([...cases].reverse(), keys, fractions, 21);
    expect(ids(reordered)).toEqual(ids(a));
    expect(ids(stratifiedSplit(cases, keys, fractions, 22))).not.toEqual(ids(a));
  });

  it("places every case, in exactly the apportioned sizes, for any mix of strata", () => {
    const random = seededRandom(8);
    for (let trial = 0; trial < 200; trial++) {
      const items = Array.from({ length: random.int(40) }, (_, i) => ({ id: `c${i}`, label: random.next() < 0.2 ? null : `l${random.int(5)}` }));
      const odd = { train: random.int(5) + 1, validation: random.int(3), heldOut: random.int(3) };
      const split = stratifiedSplit(items, { id: (c) => c.id, stratum: (c) => c.label }, odd, trial);
      expect(new Set([...split.train, ...split.validation, ...split.heldOut].map((c) => c.id)).size).toBe(items.length);
      expect({ train: split.train.length, validation: split.validation.length, heldOut: split.heldOut.length }).toEqual(apportion(items.length, odd));
    }
  });

  it("apportions by largest remainder and refuses fractions that cannot split", () => {
    expect(apportion(7, { train: 1, validation: 1, heldOut: 1 })).toEqual({ train: 3, validation: 2, heldOut: 2 });
    expect(apportion(0, fractions)).toEqual({ train: 0, validation: 0, heldOut: 0 });
    expect(() => apportion(5, { train: 0, validation: 0, heldOut: 0 })).toThrow();
    expect(() => apportion(5, { train: -1, validation: 1, heldOut: 1 })).toThrow();
  });
});

describe("the Wilson score interval", () => {
  it("matches Newcombe (1998), Table I, method 3 (score interval without continuity correction)", () => {
    const round4 = (x: number) => Math.round(x * 10_000) / 10_000;
    const cases: [number, number, number, number][] = [
      [81, 263, 0.2553, 0.3662],
      [15, 148, 0.0624, 0.1605],
      [0, 20, 0, 0.1611],
      [1, 29, 0.0061, 0.1718],
    ];
    for (const [k, n, low, high] of cases) {
      const interval = wilsonInterval(k, n);
      expect([round4(interval.low), round4(interval.high)], `${k}/${n}`).toEqual([low, high]);
    }
  });
});
