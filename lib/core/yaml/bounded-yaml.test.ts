import { describe, expect, it } from "vitest";
import { expandedSizeExceeds, readBoundedYaml, YAML_LIMITS, YamlLimitError, YamlSyntaxError } from "./bounded-yaml";

const MiB = 1024 * 1024;

function thrown(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected an error");
}

describe("bounded YAML", () => {
  it("reads ordinary documents, anchors and aliases included", () => {
    expect(readBoundedYaml("defaults: &d {lang: en}\ntests:\n  - vars: *d\n  - vars: {lang: fr}\n", MiB)).toEqual({
      defaults: { lang: "en" },
      tests: [{ vars: { lang: "en" } }, { vars: { lang: "fr" } }],
    });
  });

  it("refuses a document nested past the limit as soon as the parser gets there, in flow and block style", () => {
    const flow = `a: ${"[".repeat(MiB / 2)}${"]".repeat(MiB / 2)}`;
    const error = thrown(() => readBoundedYaml(flow, 2 * MiB));
    expect(error).toBeInstanceOf(YamlLimitError);
    expect(error.message).toBe("The YAML nests deeper than 64 levels. (line 1, column 68)");
    expect(thrown(() => readBoundedYaml(`${"- ".repeat(MiB / 2)}x`, 2 * MiB))).toBeInstanceOf(YamlLimitError);
    expect(thrown(() => readBoundedYaml(`a: ${"{b: ".repeat(100)}1${"}".repeat(100)}`, MiB)).message).toMatch(/nests deeper than 64/);
    const nested = (n: number) => `a: ${"[".repeat(n)}${"]".repeat(n)}`;
    expect(() => readBoundedYaml(nested(YAML_LIMITS.maxDepth - 2), MiB)).not.toThrow();
  });

  it("refuses billion laughs by alias count, and fewer aliases of a large value by the size they expand to", () => {
    let laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
    for (const [name, previous] of [["b", "a"], ["c", "b"], ["d", "c"], ["e", "d"], ["f", "e"]]) laughs += `${name}: &${name} [${Array(10).fill(`*${previous}`).join(", ")}]\n`;
    expect(thrown(() => readBoundedYaml(laughs, MiB))).toMatchObject({ message: "The YAML uses its aliases (*alias) more than 50 times." });
    const big = `big: &b "${"x".repeat(200_000)}"\ncopies: [${Array(20).fill("*b").join(", ")}]\n`;
    expect(thrown(() => readBoundedYaml(big, MiB))).toMatchObject({ message: "The YAML expands to more than 1,048,576 characters through its aliases (&anchor, *alias)." });
    expect(readBoundedYaml(big, 8 * MiB)).toMatchObject({ copies: expect.any(Array) });
  });

  it("locates syntax errors and refuses a second document", () => {
    expect(thrown(() => readBoundedYaml("a: [1, 2\nb: 3\n", MiB))).toBeInstanceOf(YamlSyntaxError);
    expect(thrown(() => readBoundedYaml("a: 1\na: 2\n", MiB)).message).toMatch(/\(line 2, column 1\)$/);
    expect(thrown(() => readBoundedYaml("a: 1\n---\nb: 2\n", MiB)).message).toMatch(/multiple documents/);
  });

  it("measures expanded size without walking shared references more than the limit", () => {
    const shared = { text: "x".repeat(1_000) };
    const many = Array.from({ length: 1_000_000 }, () => shared);
    expect(expandedSizeExceeds(many, 10_000)).toBe(true);
    expect(expandedSizeExceeds({ a: "x".repeat(100), b: [1, true, null] }, 200)).toBe(false);
  });
});
