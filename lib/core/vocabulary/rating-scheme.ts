// How reviewers rate: the schemes a queue can use and the values a rating holds.
// Vocabulary: the stored shape (db/schema/ takes it from here) and the language every layer speaks; client-safe.

/** A rating scheme, per queue. Pairwise queues compare two outputs for the same input. */
export type RatingScheme =
  | { type: "thumbs" }
  | { type: "scale"; min: 1; max: 5 }
  | {
      type: "rubric";
      criteria: { name: string; description: string; scale: "1-5" | "yes-no" }[];
    }
  | { type: "pairwise" };

/** The value a reviewer gave, by scheme. For pairwise, "A" is the item's source and "B" its pair, whatever the sides. */
export type RatingValue =
  | { type: "thumbs"; up: boolean }
  | { type: "scale"; value: number }
  | { type: "rubric"; criteria: Record<string, number> }
  | { type: "pairwise"; choice: "A" | "B" | "tie" };
