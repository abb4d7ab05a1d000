import { describe, expect, it } from "vitest";
import { createLineIndex } from "./source-position";

describe("createLineIndex", () => {
  it("maps offsets to 1-based lines and columns", () => {
    const lines = createLineIndex("ab\n\ncd");
    expect([0, 1, 2, 3, 4, 5, 6].map((offset) => lines.positionAt(offset))).toEqual([
      { line: 1, column: 1 },
      { line: 1, column: 2 },
      { line: 1, column: 3 },
      { line: 2, column: 1 },
      { line: 3, column: 1 },
      { line: 3, column: 2 },
      { line: 3, column: 3 },
    ]);
    expect(lines.lineEnd(0)).toBe(2);
    expect(lines.lineEnd(4)).toBe(6);
  });
});
