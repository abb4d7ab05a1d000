import { describe, expect, it } from "vitest";
import { jsonNestsDeeperThan } from "./nesting-depth";

describe("JSON nesting depth", () => {
  it("counts arrays and objects, not brackets inside strings or after escaped quotes", () => {
    expect(jsonNestsDeeperThan('{"a": [[1]]}', 3)).toBe(false);
    expect(jsonNestsDeeperThan('{"a": [[[1]]]}', 3)).toBe(true);
    expect(jsonNestsDeeperThan(`{"a": "${"[".repeat(1_000)}"}`, 3)).toBe(false);
    expect(jsonNestsDeeperThan(`{"a": "\\"${"{".repeat(10)}", "b": [[[[0]]]]}`, 3)).toBe(true);
    expect(jsonNestsDeeperThan(`[${"[]".repeat(100_000)}]`, 3)).toBe(false);
  });
});
