import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/core/errors";
import { schemaPatternProblem, schemaPatterns } from "./schema-patterns";
import { compileUserPattern, USER_PATTERN_LIMITS, userPatternProblem } from "./user-pattern";

describe("user patterns (RE2)", () => {
  it("answers like RegExp for the patterns people write", () => {
    const rows: [string, string, string][] = [
      ["^order #\\d+$", "i", "ORDER #123"],
      ["^order #\\d+$", "", "order #12a"],
      ["\\b(?:refund|return)\\b", "i", "I want a Refund now"],
      ["^\\s*\\{[\\s\\S]*\\}\\s*$", "", '  {"a": 1}\n'],
      ["^line two$", "m", "line one\nline two\nline three"],
      ["^line two$", "", "line one\nline two\nline three"],
      ["a.b", "s", "a\nb"],
      ["a.b", "", "a\nb"],
      ["(?<year>\\d{4})-(\\d{2})", "", "on 2026-11-22"],
      ["[\\u0041-\\u005A]{3}", "", "xxABCxx"],
      ["\\u{1F600}", "u", "smile 😀"],
      ["[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}", "", "mail ana@example.com today"],
      ["{{product}}", "", "the {{product}} tag"],
    ];
    for (const [source, flags, input] of rows) {
      expect(compileUserPattern(source, flags).test(input), `/${source}/${flags} on ${JSON.stringify(input)}`).toBe(new RegExp(source, flags).test(input));
    }
  });

  it("runs the patterns that backtrack catastrophically in RegExp, with the right answer", () => {
    // (a|aa)+$ on 40 a's then "!" held a RegExp-based server for 33 s; each two more characters multiply that by 2.6.
    expect(compileUserPattern("(a|aa)+$").test(`${"a".repeat(40)}!`)).toBe(false);
    expect(compileUserPattern("(a|aa)+$").test(`${"a".repeat(100_000)}!`)).toBe(false);
    expect(compileUserPattern("(a+)+$").test("a".repeat(100_000))).toBe(true);
    expect(compileUserPattern("([a-z]+)+$").test(`${"a".repeat(100_000)}!`)).toBe(false);
    expect(compileUserPattern("(\\w*)*\\d!").test("a".repeat(100_000))).toBe(false);
  });

  it("refuses the syntax RE2 cannot run, naming the feature", () => {
    expect(userPatternProblem("(a)\\1")).toMatch(/^Backreferences \(\\1, \\k<name>\) are not supported/);
    expect(userPatternProblem("(?<q>a)\\k<q>")).toMatch(/^Backreferences/);
    expect(userPatternProblem("foo(?=bar)")).toMatch(/^Lookahead/);
    expect(userPatternProblem("foo(?!bar)")).toMatch(/^Lookahead/);
    expect(userPatternProblem("(?<=\\$)\\d+")).toMatch(/^Lookbehind/);
    expect(userPatternProblem("(?<!x)y")).toMatch(/^Lookbehind/);
    expect(userPatternProblem("(?>a+)b")).toMatch(/^Atomic groups/);
    expect(userPatternProblem("a++")).toMatch(/^Possessive quantifiers/);
    expect(userPatternProblem("(unclosed")).toBe("Invalid pattern: missing closing ) at `(unclosed`.");
    expect(userPatternProblem("a{1001}")).toMatch(/over 1,000/);
    expect(userPatternProblem("a", "g")).toBe('The flag "g" is not supported; use any of i, m, s and u.');
    expect(userPatternProblem("x".repeat(USER_PATTERN_LIMITS.maxLength + 1))).toMatch(/at most 1,000 characters/);
  });

  it("refuses a pattern whose compiled program is over the step limit", () => {
    expect(userPatternProblem(".{999}")).toBeNull();
    expect(userPatternProblem(".{999}.{999}.{999}")).toMatch(/^The pattern is too large: it compiles to [\d,]+ steps and the limit is 2,000/);
  });

  it("refuses a test whose steps × characters is over the cost limit, instead of running it", () => {
    const big = compileUserPattern("\\w{999}!");
    const most = Math.floor(USER_PATTERN_LIMITS.maxCost / big.steps);
    expect(big.test("a".repeat(most))).toBe(false);
    let thrown: unknown;
    try {
      big.test("a".repeat(most + 1));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).code).toBe("too_large:pattern");
    expect((thrown as AppError).message).toMatch(/too long for this pattern/);
    // A small pattern tests a long output whole.
    expect(compileUserPattern("needle").test(`${"hay ".repeat(500_000)}needle`)).toBe(true);
  });

  it("finds the patterns of a JSON Schema, but not data that looks like one", () => {
    const schema = {
      type: "object",
      properties: { code: { type: "string", pattern: "^[A-Z]{3}$" }, pattern: { type: "string" } },
      patternProperties: { "^x-": { type: "string" } },
      items: [{ pattern: "b" }],
      examples: [{ pattern: "(?=not a pattern)" }],
    };
    expect(schemaPatterns(schema).map((p) => p.pattern).sort()).toEqual(["^[A-Z]{3}$", "^x-", "b"]);
    expect(schemaPatternProblem(schema)).toBeNull();
    expect(schemaPatternProblem({ properties: { id: { pattern: "^(?!tmp)" } } })).toMatch(/^properties\.id\.pattern: Lookahead/);
    let deep: Record<string, unknown> = { pattern: "(?=x)" };
    for (let i = 0; i < 50_000; i++) deep = { items: deep };
    expect(schemaPatternProblem(deep)).toMatch(/Lookahead/);
  });
});
