// Line diff of two texts with line numbers and word marks: the pure core that diffVersions runs per
// part and the benchmark calls directly.
import { diffArrays } from "diff";
import type { DiffLine } from "./types";
import { createWordDiffBudget, wordSegments, type WordDiffBudget } from "./word-segments";

/**
 * Myers is O((N+M)·D): cheap for edits scattered through long texts, quadratic when two long texts share
 * little. Past this many line edits the change is shown as a whole replacement, which it nearly is.
 */
export const MAX_LINE_EDIT_LENGTH = 1_000;

export interface TextDiff {
  lines: DiffLine[];
  linesAdded: number;
  linesRemoved: number;
}

/**
 * Lines as an editor numbers them: "a\n" is two lines, the second empty, so a trailing newline shows up as a
 * change. Null means the text does not exist (an added or removed part), which has no lines at all.
 */
export function splitLines(text: string | null): string[] {
  return text === null ? [] : text.split("\n");
}

export function diffText({
  before,
  after,
  wordDiffBudget = createWordDiffBudget(),
}: {
  before: string | null;
  after: string | null;
  wordDiffBudget?: WordDiffBudget;
}): TextDiff {
  const a = splitLines(before);
  const b = splitLines(after);

  // Trimming the common ends first keeps Myers to the region that actually changed.
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;

  const writer = new LineWriter(wordDiffBudget);
  for (let i = 0; i < prefix; i++) writer.same(a[i] ?? "");

  const middleBefore = a.slice(prefix, a.length - suffix);
  const middleAfter = b.slice(prefix, b.length - suffix);
  const changes =
    middleBefore.length > 0 && middleAfter.length > 0 && minimumEdits(middleBefore, middleAfter) <= MAX_LINE_EDIT_LENGTH
      ? diffArrays(middleBefore, middleAfter, { maxEditLength: MAX_LINE_EDIT_LENGTH })
      : undefined;
  if (changes) {
    for (const change of changes) {
      for (const line of change.value) {
        if (change.added) writer.add(line);
        else if (change.removed) writer.remove(line);
        else writer.same(line);
      }
    }
  } else {
    for (const line of middleBefore) writer.remove(line);
    for (const line of middleAfter) writer.add(line);
  }

  for (let i = a.length - suffix; i < a.length; i++) writer.same(a[i] ?? "");
  return writer.finish();
}

/**
 * A lower bound on the line edits: every line missing from the other side must be removed or added. It is
 * linear, so texts that share almost nothing skip the Myers run that would only give up at the cap.
 */
function minimumEdits(a: string[], b: string[]): number {
  const inA = new Set(a);
  const inB = new Set(b);
  let edits = 0;
  for (const line of a) if (!inB.has(line)) edits++;
  for (const line of b) if (!inA.has(line)) edits++;
  return edits;
}

/** Buffers a run of removed and added lines so they can be emitted removals first, paired for word marks. */
class LineWriter {
  private readonly lines: DiffLine[] = [];
  private readonly removed: string[] = [];
  private readonly added: string[] = [];
  private beforeLine = 1;
  private afterLine = 1;
  private linesAdded = 0;
  private linesRemoved = 0;

  constructor(private readonly budget: WordDiffBudget) {}

  same(text: string) {
    this.flush();
    this.lines.push({ kind: "same", text, beforeLine: this.beforeLine++, afterLine: this.afterLine++ });
  }

  remove(text: string) {
    this.removed.push(text);
  }

  add(text: string) {
    this.added.push(text);
  }

  finish(): TextDiff {
    this.flush();
    return { lines: this.lines, linesAdded: this.linesAdded, linesRemoved: this.linesRemoved };
  }

  private flush() {
    if (this.removed.length === 0 && this.added.length === 0) return;
    const removedLines: DiffLine[] = this.removed.map((text) => ({ kind: "remove", text, beforeLine: this.beforeLine++, afterLine: null }));
    const addedLines: DiffLine[] = this.added.map((text) => ({ kind: "add", text, beforeLine: null, afterLine: this.afterLine++ }));
    // Pair by position within the run: the k-th removed line most often became the k-th added line.
    const pairs = Math.min(removedLines.length, addedLines.length);
    for (let k = 0; k < pairs; k++) {
      const removedLine = removedLines[k];
      const addedLine = addedLines[k];
      if (!removedLine || !addedLine) continue;
      const segments = wordSegments({ before: removedLine.text, after: addedLine.text, budget: this.budget });
      if (!segments) continue;
      removedLine.segments = segments.before;
      addedLine.segments = segments.after;
    }
    // A loop, not push(...spread): a run of 100k+ lines would overflow the argument limit.
    for (const line of removedLines) this.lines.push(line);
    for (const line of addedLines) this.lines.push(line);
    this.linesRemoved += removedLines.length;
    this.linesAdded += addedLines.length;
    this.removed.length = 0;
    this.added.length = 0;
  }
}
