import { describe, expect, it } from "vitest";
import { fromMustacheError } from "./mustache-error";
import { createLineIndex } from "./source-position";

describe("fromMustacheError", () => {
  it("turns the offset in mustache's own syntax errors into a line and column", () => {
    const lines = createLineIndex("ab\ncd {{#x}}");
    const error = fromMustacheError({ error: new Error('Unclosed section "x" at 12'), lines, inPartial: null });
    expect(error?.code).toBe("bad_request:template");
    expect(error?.message).toBe('Unclosed section "x" (line 2, column 10)');
    expect(error?.details).toMatchObject({ line: 2, column: 10 });
  });

  it("leaves other errors alone", () => {
    expect(fromMustacheError({ error: new Error("boom"), lines: createLineIndex(""), inPartial: null })).toBeNull();
    expect(fromMustacheError({ error: "Unclosed tag at 1", lines: createLineIndex(""), inPartial: null })).toBeNull();
  });
});
