import type { Criterion } from "./criteria";

// The rating screen's keys in one place: the options each criterion offers and the key that picks each, what a
// single-character key does, and the list the hints and the "Keyboard shortcuts" dialog show. Client-safe.
// Single-character keys (digits, letters, ?) act without a modifier, so a reviewer can turn them off (WCAG 2.1.4);
// Tab, Shift+Tab, the arrow keys, Space and Enter are ordinary keyboard use and always work.

export interface CriterionOption {
  value: number;
  label: string;
  /** The key that picks it, shown on the button. */
  keyHint: string;
}

/** The options of a criterion and the keys that choose them. Thumbs: 1 down, 2 up; yes/no: Y or 1, N or 0; pairwise: A, B, T (or 1, 2, 3). */
export function optionsOf(criterion: Criterion): CriterionOption[] {
  switch (criterion.scale) {
    case "thumbs":
      return [
        { value: 0, label: "Thumbs down", keyHint: "1" },
        { value: 1, label: "Thumbs up", keyHint: "2" },
      ];
    case "yes-no":
      return [
        { value: 1, label: "Yes", keyHint: "Y" },
        { value: 0, label: "No", keyHint: "N" },
      ];
    case "pairwise":
      return [
        { value: 0, label: "A is better", keyHint: "A" },
        { value: 1, label: "B is better", keyHint: "B" },
        { value: 2, label: "Tie", keyHint: "T" },
      ];
    case "1-5":
      return [1, 2, 3, 4, 5].map((v) => ({ value: v, label: String(v), keyHint: String(v) }));
  }
}

/** The value a key press means for a criterion, or undefined when the key means nothing for it. */
export function valueForKey(criterion: Criterion, key: string): number | undefined {
  const k = key.toLowerCase();
  switch (criterion.scale) {
    case "thumbs":
      return k === "1" ? 0 : k === "2" ? 1 : undefined;
    case "yes-no":
      return k === "y" || k === "1" ? 1 : k === "n" || k === "0" ? 0 : undefined;
    case "pairwise":
      return ({ a: 0, "1": 0, b: 1, "2": 1, t: 2, "3": 2 } as Record<string, number>)[k];
    case "1-5":
      return /^[1-5]$/.test(k) ? Number(k) : undefined;
  }
}

export type SingleKeyAction = { type: "score"; value: number } | { type: "skip" } | { type: "next" } | { type: "previous" } | { type: "help" };

/**
 * What a single-character key (no Ctrl, Cmd or Alt) does on the rating screen, given the focused criterion; null
 * when it does nothing. A criterion's own keys win, so a pairwise "T" (tie) is never read as anything else.
 */
export function singleKeyAction(criterion: Criterion | undefined, key: string): SingleKeyAction | null {
  const value = criterion ? valueForKey(criterion, key) : undefined;
  if (value !== undefined) return { type: "score", value };
  switch (key.toLowerCase()) {
    case "s":
      return { type: "skip" };
    case "j":
      return { type: "next" };
    case "k":
      return { type: "previous" };
    case "?":
      return { type: "help" };
    default:
      return null;
  }
}

export interface KeyHint {
  keys: string;
  what: string;
  /** A single-character shortcut, off when the reviewer turns them off. */
  singleKey: boolean;
}

/** The keys of the rating screen, worded for the criteria in use. */
export function keyHintsFor(criteria: Criterion[]): KeyHint[] {
  const scales = new Set(criteria.map((c) => c.scale));
  const hints: KeyHint[] = [];
  const add = (keys: string, what: string, singleKey: boolean) => hints.push({ keys, what, singleKey });
  if (scales.has("1-5")) add("1–5", "score the focused criterion", true);
  if (scales.has("thumbs")) add("1 / 2", "thumbs down / up", true);
  if (scales.has("yes-no")) add("Y / N", "yes / no", true);
  if (scales.has("pairwise")) add("A / B / T", "A better, B better, tie", true);
  if (criteria.length > 1) {
    add("Tab", "next criterion", false);
    add("Shift+Tab", "previous criterion", false);
  }
  add("← →", "change the focused criterion's choice", false);
  add("Enter", "submit and next", false);
  add("S", "skip", true);
  add("J", "next item", true);
  add("K", "previous item", true);
  add("?", "this list of keys", true);
  return hints;
}
