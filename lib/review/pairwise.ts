// Blind pairwise comparison. An item stores its source as "A" and its pair as "B"; `pairSwapped`, drawn at random
// when the item is added, puts the source on the right. Reviewers answer about the sides they see, and only the
// server maps sides to sources. Client-safe: pure functions.

export type Side = "A" | "B";
export type PairChoice = Side | "tie";

/** Left/right order for a new pairwise item: a fair coin, fixed when the item is added. */
export function drawSwapped(random: () => number = Math.random): boolean {
  return random() < 0.5;
}

const other = (side: Side): Side => (side === "A" ? "B" : "A");

/** The displayed choice ("A" = left) as the stored one ("A" = the item's source). The mapping is its own inverse. */
export function storedChoice(displayed: PairChoice, swapped: boolean): PairChoice {
  return displayed === "tie" || !swapped ? displayed : other(displayed);
}

export const displayedChoice = storedChoice;

/** Which stored output is shown on each side. */
export function sides<T>({ source, pair, swapped }: { source: T; pair: T; swapped: boolean }): { A: T; B: T } {
  return swapped ? { A: pair, B: source } : { A: source, B: pair };
}
