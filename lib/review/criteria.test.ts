import { describe, expect, it } from "vitest";
import type { RatingScheme } from "@/db/schema";
import { criteriaOf, fromRatingValue, toRatingValue } from "./criteria";

const rubric: RatingScheme = { type: "rubric", criteria: [{ name: "Accuracy", description: "", scale: "1-5" }, { name: "Safe", description: "", scale: "yes-no" }] };

describe("rating values on the rating screen", () => {
  it("names the first criterion still unrated", () => {
    expect(toRatingValue(rubric, { Accuracy: 4 })).toEqual({ missing: "Safe" });
    expect(toRatingValue({ type: "scale", min: 1, max: 5 }, {})).toEqual({ missing: "Score" });
  });

  it("builds each scheme's value and reads it back", () => {
    const cases: [RatingScheme, Record<string, number>][] = [
      [{ type: "thumbs" }, { overall: 1 }],
      [{ type: "scale", min: 1, max: 5 }, { overall: 3 }],
      [{ type: "pairwise" }, { preference: 2 }],
      [rubric, { Accuracy: 5, Safe: 0 }],
    ];
    for (const [scheme, values] of cases) {
      const value = toRatingValue(scheme, values);
      expect("missing" in value).toBe(false);
      if (!("missing" in value)) expect(fromRatingValue(scheme, value)).toEqual(values);
    }
    expect(toRatingValue({ type: "pairwise" }, { preference: 1 })).toEqual({ type: "pairwise", choice: "B" });
  });

  it("rates 1-5 criteria as ordinal and the rest as nominal", () => {
    expect(criteriaOf(rubric).map((c) => c.metric)).toEqual(["ordinal", "nominal"]);
    expect(criteriaOf({ type: "thumbs" })[0]!.metric).toBe("nominal");
  });
});
