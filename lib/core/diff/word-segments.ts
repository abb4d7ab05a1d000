// Word-level highlights for a changed line paired with its replacement. Bounded on every axis so a
// huge rewrite never turns into quadratic work in the browser.
import { diffWordsWithSpace } from "diff";
import type { DiffSegment } from "./types";

/** Longer lines (minified JSON, pasted documents) are highlighted whole: word-diffing them costs more than it shows. */
export const MAX_WORD_DIFF_LINE_LENGTH = 2_000;
/** Word-diffed pairs per version diff; past this a big rewrite is still shown line by line, just without word marks. */
export const MAX_WORD_DIFF_PAIRS = 500;
/** Lines that differ in more words than this are unrelated enough that whole-line marks read better. */
const MAX_WORD_EDIT_LENGTH = 200;
/** Below this share of common (non-space) text, word marks are noise. */
const MIN_SHARED_RATIO = 0.3;

/** Shared across every part of one diff, so the cap holds for the whole comparison. */
export interface WordDiffBudget {
  remaining: number;
}

export function createWordDiffBudget({ pairs = MAX_WORD_DIFF_PAIRS }: { pairs?: number } = {}): WordDiffBudget {
  return { remaining: pairs };
}

export interface WordSegments {
  /** Segments of the removed line: "same" and "remove". */
  before: DiffSegment[];
  /** Segments of the added line: "same" and "add". */
  after: DiffSegment[];
}

/** Null when the pair is too long, the budget is spent, or the lines share too little for word marks to help. */
export function wordSegments({ before, after, budget }: { before: string; after: string; budget: WordDiffBudget }): WordSegments | null {
  if (budget.remaining <= 0) return null;
  if (before.length > MAX_WORD_DIFF_LINE_LENGTH || after.length > MAX_WORD_DIFF_LINE_LENGTH) return null;
  budget.remaining -= 1;

  const changes = diffWordsWithSpace(before, after, { maxEditLength: MAX_WORD_EDIT_LENGTH });
  if (!changes) return null;

  const result: WordSegments = { before: [], after: [] };
  let shared = 0;
  for (const change of changes) {
    if (change.added) push(result.after, "add", change.value);
    else if (change.removed) push(result.before, "remove", change.value);
    else {
      shared += countVisible(change.value);
      push(result.before, "same", change.value);
      push(result.after, "same", change.value);
    }
  }
  const longest = Math.max(countVisible(before), countVisible(after));
  if (longest === 0 || shared / longest < MIN_SHARED_RATIO) return null;
  return result;
}

function push(segments: DiffSegment[], kind: DiffSegment["kind"], text: string) {
  if (!text) return;
  const last = segments[segments.length - 1];
  if (last && last.kind === kind) last.text += text;
  else segments.push({ kind, text });
}

function countVisible(text: string): number {
  return text.replace(/\s+/g, "").length;
}
