import type { RatingValue } from "@/db/schema";

// How a rating reads in the rated items table, whatever its scheme. Client-safe and pure.

export function describeRating({ value, score, version, pairVersion }: { value: RatingValue; score: number | null; version: number | null; pairVersion: number | null }): string {
  const scored = score === null ? "" : ` (${score.toFixed(2)})`;
  switch (value.type) {
    case "thumbs":
      return `${value.up ? "Thumbs up" : "Thumbs down"}${scored}`;
    case "scale":
      return `${value.value} of 5${scored}`;
    case "rubric":
      return `${score === null ? "—" : score.toFixed(2)}: ${Object.entries(value.criteria)
        .map(([name, v]) => `${name} ${v}`)
        .join(", ")}`;
    case "pairwise": {
      const side = (v: number | null) => (v === null ? "draft" : `v${v}`);
      if (value.choice === "tie") return "Tie";
      return `Prefers ${value.choice} (${side(value.choice === "A" ? version : pairVersion)})`;
    }
  }
}
