import { describe, expect, it } from "vitest";
import { displayedChoice, drawSwapped, sides, storedChoice } from "./pairwise";

describe("pairwise sides", () => {
  it("puts the source on the right about half the time (2,000 draws, within 4.5 standard deviations)", () => {
    const n = 2_000;
    let swapped = 0;
    for (let i = 0; i < n; i++) if (drawSwapped()) swapped++;
    // Binomial(2000, 0.5): mean 1000, sd ≈ 22.4; ±100 fails by chance about once in 150,000 runs.
    expect(Math.abs(swapped - n / 2)).toBeLessThan(100);
  });

  it("follows the random source it is given, so sides are drawn per item and not fixed", () => {
    expect(drawSwapped(() => 0.49)).toBe(true);
    expect(drawSwapped(() => 0.5)).toBe(false);
  });

  it("maps the displayed choice to the stored one and back, and keeps ties", () => {
    for (const swapped of [false, true]) {
      for (const choice of ["A", "B", "tie"] as const) expect(displayedChoice(storedChoice(choice, swapped), swapped)).toBe(choice);
    }
    expect(storedChoice("A", true)).toBe("B");
    expect(storedChoice("A", false)).toBe("A");
    expect(storedChoice("tie", true)).toBe("tie");
  });

  it("shows the pair on the left when swapped", () => {
    expect(sides({ source: "v1", pair: "v2", swapped: false })).toEqual({ A: "v1", B: "v2" });
    expect(sides({ source: "v1", pair: "v2", swapped: true })).toEqual({ A: "v2", B: "v1" });
  });
});
