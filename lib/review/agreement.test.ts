import { describe, expect, it } from "vitest";
import { cohensKappa, krippendorffAlpha, percentAgreement } from "./agreement";

describe("Cohen's kappa", () => {
  it("matches the worked example in Wikipedia's 'Cohen's kappa' article (50 proposals, two readers)", () => {
    // Yes/Yes 20, Yes/No 5, No/Yes 10, No/No 15: p_o = 0.7, p_e = 0.5, kappa = 0.4.
    const a = [...Array(20).fill(1), ...Array(5).fill(1), ...Array(10).fill(0), ...Array(15).fill(0)];
    const b = [...Array(20).fill(1), ...Array(5).fill(0), ...Array(10).fill(1), ...Array(15).fill(0)];
    expect(cohensKappa(a, b)).toBeCloseTo(0.4, 10);
  });
  it("is 1 for perfect agreement and undefined without variation", () => {
    expect(cohensKappa([1, 2, 3], [1, 2, 3])).toBe(1);
    expect(cohensKappa([1, 1], [1, 1])).toBeNull();
  });
});

describe("Krippendorff's alpha", () => {
  // Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Annenberg School for Communication,
  // University of Pennsylvania. Example C: 4 observers, 12 units, values 1-5, missing data.
  const A = [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null];
  const B = [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3];
  const C = [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null];
  const D = [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null];
  const units = A.map((_, u) => [A[u], B[u], C[u], D[u]].filter((v): v is number => v !== null));

  it("reproduces the paper's nominal, ordinal and interval values (0.743, 0.815, 0.849)", () => {
    expect(krippendorffAlpha(units, "nominal")).toBeCloseTo(0.743, 3);
    expect(krippendorffAlpha(units, "ordinal")).toBeCloseTo(0.815, 3);
    expect(krippendorffAlpha(units, "interval")).toBeCloseTo(0.849, 3);
  });

  it("reproduces the paper's binary example A for two observers (0.095)", () => {
    const x = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
    const y = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
    expect(krippendorffAlpha(x.map((v, i) => [v, y[i]!]), "nominal")).toBeCloseTo(0.095, 3);
  });

  it("ignores units with a single value and is undefined without variation", () => {
    expect(krippendorffAlpha([[1], [2]])).toBeNull();
    expect(krippendorffAlpha([[3, 3], [3, 3]])).toBeNull();
  });
});

describe("percent agreement", () => {
  it("averages the share of agreeing pairs per item", () => {
    // Item 1: 3 raters, pairs (1,1) same, (1,2) (1,2) differ → 1/3; item 2: agree → 1.
    expect(percentAgreement([[1, 1, 2], [4, 4], [5]])).toBeCloseTo((1 / 3 + 1) / 2, 10);
    expect(percentAgreement([[1]])).toBeNull();
  });
});
