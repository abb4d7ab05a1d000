// Offsets (what mustache and the scanner count) to 1-based line/column (what Monaco markers and people use).
// Columns count UTF-16 code units, like Monaco does.

export interface SourcePosition {
  line: number;
  column: number;
}

export interface LineIndex {
  positionAt(offset: number): SourcePosition;
  /** Offset of the end of the line holding `offset` (before its "\n"). */
  lineEnd(offset: number): number;
}

export function createLineIndex(source: string): LineIndex {
  const lineStarts = [0];
  for (let at = source.indexOf("\n"); at !== -1; at = source.indexOf("\n", at + 1)) lineStarts.push(at + 1);

  const lineOf = (offset: number): number => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((lineStarts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  };

  return {
    positionAt(offset) {
      const clamped = Math.max(0, Math.min(offset, source.length));
      const line = lineOf(clamped);
      return { line: line + 1, column: clamped - (lineStarts[line] ?? 0) + 1 };
    },
    lineEnd(offset) {
      const next = source.indexOf("\n", offset);
      return next === -1 ? source.length : next;
    },
  };
}
