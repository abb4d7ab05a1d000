import { describe, expect, it } from "vitest";
import { describeRating } from "./describe-rating";

describe("describeRating", () => {
  it("reads every scheme as text, with the 0..1 score where there is one", () => {
    expect(describeRating({ value: { type: "thumbs", up: true }, score: 1, version: 2, pairVersion: null })).toBe("Thumbs up (1.00)");
    expect(describeRating({ value: { type: "scale", value: 4 }, score: 0.75, version: 2, pairVersion: null })).toBe("4 of 5 (0.75)");
    expect(describeRating({ value: { type: "rubric", criteria: { accuracy: 5, tone: 3 } }, score: 0.75, version: 2, pairVersion: null })).toBe("0.75: accuracy 5, tone 3");
    expect(describeRating({ value: { type: "pairwise", choice: "B" }, score: null, version: 2, pairVersion: 3 })).toBe("Prefers B (v3)");
    expect(describeRating({ value: { type: "pairwise", choice: "tie" }, score: null, version: 2, pairVersion: 3 })).toBe("Tie");
  });
});
