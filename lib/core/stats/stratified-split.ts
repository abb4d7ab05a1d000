import { seededRandom, shuffled } from "./seeded-random";

// Splitting a dataset's cases into train, validation and held-out sets. Each stratum (a case's label or tag; cases
// with none form one stratum of their own) is shuffled with the recorded seed and divided in the requested
// proportions, so every split sees the classes in the dataset's own mix and the same seed gives the same split. The
// rounding is by largest remainder over the whole dataset, so the split sizes are as close to the fractions as whole
// cases allow and no case is dropped or counted twice.

export interface SplitFractions {
  train: number;
  validation: number;
  heldOut: number;
}

export type SplitName = keyof SplitFractions;

export interface Split<T> {
  train: T[];
  validation: T[];
  heldOut: T[];
}

const NAMES: readonly SplitName[] = ["train", "validation", "heldOut"];

/** Whole counts for `total` items in proportion to `fractions`, summing to `total` (largest remainder). */
export function apportion(total: number, fractions: SplitFractions): Record<SplitName, number> {
  const sum = NAMES.reduce((s, name) => s + fractions[name], 0);
  if (!(sum > 0) || NAMES.some((name) => !(fractions[name] >= 0))) throw new Error("split fractions must be non-negative and not all zero");
  const exact = NAMES.map((name) => (total * fractions[name]) / sum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((s, c) => s + c, 0);
  const byRemainder = exact.map((value, i) => ({ i, remainder: value - Math.floor(value) })).sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left === 0) break;
    counts[i]!++;
    left--;
  }
  return { train: counts[0]!, validation: counts[1]!, heldOut: counts[2]! };
}

export interface SplitKeys<T> {
  /** A case's stable identity: the split depends on the seed and the cases, never on the order they are listed in. */
  id: (item: T) => string;
  /** A case's label or tag, or null when it has none. */
  stratum: (item: T) => string | null;
}

/**
 * Splits `items` by stratum. Within each stratum the order is drawn from `seed`. Each stratum in turn tops every split
 * up to what the strata so far are due (apportion over their combined size), so each label keeps its share within one
 * case and the totals end exactly at apportion(items.length). The dues of the splits always add up to the cases seen,
 * so every case of a stratum is placed.
 */
export function stratifiedSplit<T>(items: readonly T[], { id, stratum }: SplitKeys<T>, fractions: SplitFractions, seed: number): Split<T> {
  const random = seededRandom(seed);
  const strata = new Map<string, T[]>();
  const byId = [...items].sort((a, b) => (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0));
  for (const item of byId) {
    const key = stratum(item);
    const name = key === null ? "\u0000unlabelled" : `=${key}`;
    const members = strata.get(name);
    if (members) members.push(item);
    else strata.set(name, [item]);
  }
  const split: Split<T> = { train: [], validation: [], heldOut: [] };
  let seen = 0;
  // Sorted keys, so the result does not depend on the order the cases were listed in, only on the seed.
  for (const key of [...strata.keys()].sort()) {
    const members = shuffled(strata.get(key)!, random);
    seen += members.length;
    const due = apportion(seen, fractions);
    let at = 0;
    for (const name of NAMES) {
      // Largest remainder is not monotone (a split may be due one fewer than it holds): never a negative count.
      const count = Math.max(0, Math.min(members.length - at, due[name] - split[name].length));
      split[name].push(...members.slice(at, at + count));
      at += count;
    }
  }
  return split;
}
