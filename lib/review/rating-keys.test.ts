import { describe, expect, it } from "vitest";
import { criteriaOf } from "./criteria";
import { keyHintsFor, optionsOf, singleKeyAction } from "./rating-keys";

const [accuracy, safe] = criteriaOf({
  type: "rubric",
  criteria: [
    { name: "Accuracy", description: "", scale: "1-5" },
    { name: "Safe", description: "", scale: "yes-no" },
  ],
});
const [pairwise] = criteriaOf({ type: "pairwise" });

describe("rating screen keys", () => {
  it("scores the focused criterion with its own keys, in either case", () => {
    expect(singleKeyAction(accuracy, "4")).toEqual({ type: "score", value: 4 });
    expect(singleKeyAction(safe, "Y")).toEqual({ type: "score", value: 1 });
    expect(singleKeyAction(safe, "n")).toEqual({ type: "score", value: 0 });
    expect(singleKeyAction(safe, "0")).toEqual({ type: "score", value: 0 });
    expect(singleKeyAction(pairwise, "T")).toEqual({ type: "score", value: 2 });
  });

  it("ignores keys that mean nothing for the focused criterion instead of scoring another", () => {
    expect(singleKeyAction(accuracy, "y")).toBeNull();
    expect(singleKeyAction(accuracy, "6")).toBeNull();
    expect(singleKeyAction(safe, "5")).toBeNull();
  });

  it("skips with S, moves with J and K, and opens the list with ?", () => {
    expect(["s", "S", "j", "k", "?"].map((key) => singleKeyAction(accuracy, key))).toEqual([
      { type: "skip" },
      { type: "skip" },
      { type: "next" },
      { type: "previous" },
      { type: "help" },
    ]);
    expect(singleKeyAction(undefined, "4")).toBeNull();
  });

  it("every option's key hint picks that option", () => {
    for (const criterion of [accuracy!, safe!, pairwise!, ...criteriaOf({ type: "thumbs" })]) {
      for (const option of optionsOf(criterion)) expect(singleKeyAction(criterion, option.keyHint)).toEqual({ type: "score", value: option.value });
    }
  });

  it("lists Tab and Shift+Tab only when there is more than one criterion, and marks the single-character keys", () => {
    const many = keyHintsFor([accuracy!, safe!]);
    expect(many.map((h) => h.keys)).toEqual(["1–5", "Y / N", "Tab", "Shift+Tab", "← →", "Enter", "S", "J", "K", "?"]);
    expect(many.filter((h) => h.singleKey).map((h) => h.keys)).toEqual(["1–5", "Y / N", "S", "J", "K", "?"]);
    expect(keyHintsFor([pairwise!]).map((h) => h.keys)).not.toContain("Tab");
  });
});
