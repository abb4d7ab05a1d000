import { describe, expect, it } from "vitest";
import { percent, significance, verdictWord } from "./labels";

describe("the optimizer's words", () => {
  it("names each held-out verdict as the studio's status reads it, and keeps an unknown one as stored", () => {
    expect(verdictWord("better")).toBe("Better");
    expect(verdictWord("no significant difference")).toBe("No significant difference");
    expect(verdictWord("worse")).toBe("Worse");
    expect(verdictWord("inconclusive")).toBe("inconclusive");
  });

  it("gives McNemar's p-value, or the bootstrap's interval in percentage points", () => {
    expect(significance({ pValue: 0.01234, interval: null })).toBe("p = 0.012");
    expect(significance({ pValue: 0.0001, interval: null })).toBe("p < 0.001");
    expect(significance({ pValue: null, interval: { low: -0.021, high: 0.098 } })).toBe("95% CI −2.1 to +9.8 points");
    expect(significance({ pValue: null, interval: null })).toBe("no test");
  });

  it("shows a score as a percent with one decimal, and a missing one as a dash", () => {
    expect(percent(0.8125)).toBe("81.3%");
    expect(percent(null)).toBe("—");
  });
});
