import type { RatingScheme, RatingValue } from "@/db/schema";

// The criteria a scheme rates, with the scale and the agreement metric each uses. Client-safe: the rating screen,
// the agreement report and the export all read them from here.

export type CriterionScale = "thumbs" | "1-5" | "yes-no" | "pairwise";

export interface Criterion {
  /** Key in rating_scores ("overall" for thumbs and 1-5, the rubric name otherwise, "preference" for pairwise). */
  name: string;
  label: string;
  description: string;
  scale: CriterionScale;
  /** Krippendorff's difference function: 1-5 scales are ordinal, everything else nominal. */
  metric: "nominal" | "ordinal";
}

export function criteriaOf(scheme: RatingScheme): Criterion[] {
  switch (scheme.type) {
    case "thumbs":
      return [{ name: "overall", label: "Rating", description: "", scale: "thumbs", metric: "nominal" }];
    case "scale":
      return [{ name: "overall", label: "Score", description: "", scale: "1-5", metric: "ordinal" }];
    case "pairwise":
      return [{ name: "preference", label: "Preference", description: "", scale: "pairwise", metric: "nominal" }];
    case "rubric":
      return scheme.criteria.map((c) => ({ name: c.name, label: c.name, description: c.description, scale: c.scale, metric: c.scale === "1-5" ? "ordinal" : "nominal" }));
  }
}

/** The number agreement statistics use for one criterion of a rating (pairwise: A 0, B 1, tie 2). */
export function criterionNumber(value: RatingValue, criterion: string): number | null {
  switch (value.type) {
    case "thumbs":
      return value.up ? 1 : 0;
    case "scale":
      return value.value;
    case "pairwise":
      return { A: 0, B: 1, tie: 2 }[value.choice];
    case "rubric":
      return value.criteria[criterion] ?? null;
  }
}

/** A criterion's value in words, as exports and the disagreements view show it. */
export function describeValue(scale: CriterionScale, value: number): string {
  if (scale === "thumbs") return value === 1 ? "up" : "down";
  if (scale === "yes-no") return value === 1 ? "yes" : "no";
  if (scale === "pairwise") return ["A", "B", "tie"][value] ?? String(value);
  return String(value);
}

export const SCHEME_LABELS: Record<RatingScheme["type"], string> = { thumbs: "Thumbs up/down", scale: "1–5 scale", rubric: "Rubric", pairwise: "Pairwise A/B" };

/** A rating screen's per-criterion numbers as the value to save, or the label of the first criterion still unrated. */
export function toRatingValue(scheme: RatingScheme, values: Record<string, number | undefined>): RatingValue | { missing: string } {
  const criteria = criteriaOf(scheme);
  const missing = criteria.find((c) => values[c.name] === undefined);
  if (missing) return { missing: missing.label };
  switch (scheme.type) {
    case "thumbs":
      return { type: "thumbs", up: values.overall === 1 };
    case "scale":
      return { type: "scale", value: values.overall! };
    case "pairwise":
      return { type: "pairwise", choice: (["A", "B", "tie"] as const)[values.preference!]! };
    case "rubric":
      return { type: "rubric", criteria: Object.fromEntries(criteria.map((c) => [c.name, values[c.name]!])) };
  }
}

/** A saved rating back into per-criterion numbers. */
export function fromRatingValue(scheme: RatingScheme, value: RatingValue): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of criteriaOf(scheme)) {
    const n = criterionNumber(value, c.name);
    if (n !== null) out[c.name] = n;
  }
  return out;
}
