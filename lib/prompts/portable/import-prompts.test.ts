import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { isAppError } from "@/lib/core/errors";
import { parsePromptFiles, parsePromptFilesOrThrow } from "./import-prompts";
import { MAX_IMPORT_FILES } from "./import-limits";
import type { ImportError, PromptFile } from "./types";

const version = (n: number, body: Record<string, unknown> = { template: "Hi {{name}}" }, extra: Record<string, unknown> = {}) => ({
  version: n,
  message: `v${n}`,
  author: "editor@example.com",
  createdAt: "2026-11-22T02:37:00.000Z",
  modelConfig: { model: "offline:demo", temperature: 0.7 },
  ...body,
  ...extra,
});

function file(name: string, fields: Record<string, unknown> = {}, path = `prompts/${name}.yaml`): PromptFile {
  return { path, content: stringify({ name, type: "text", description: "", tags: [], archived: false, labels: {}, versions: [version(1)], ...fields }) };
}

function errorsOf(files: PromptFile[]): ImportError[] {
  const result = parsePromptFiles(files);
  if (result.ok) throw new Error("expected errors");
  return result.errors;
}

describe("parsePromptFiles", () => {
  it("accepts a hand-written minimal file, filling in the optional fields", () => {
    const content = "name: greet\ntype: text\nversions:\n  - version: 1\n    message: Hello\n    author: null\n    createdAt: 2026-11-22T02:37:00.000Z\n    template: Hi\n";
    expect(parsePromptFiles([{ path: "prompts/greet.yaml", content }])).toStrictEqual({
      ok: true,
      prompts: [
        {
          name: "greet",
          type: "text",
          description: "",
          tags: [],
          archived: false,
          labels: {},
          versions: [{ version: 1, message: "Hello", author: null, createdAt: "2026-11-22T02:37:00.000Z", modelConfig: {}, template: "Hi" }],
        },
      ],
    });
  });

  it("accepts a latest-only export: one version with its real number", () => {
    const result = parsePromptFiles([file("a", { versions: [version(7)], labels: { production: 7 } })]);
    expect(result.ok && result.prompts[0]?.versions.map((v) => v.version)).toEqual([7]);
  });

  it("accepts Windows separators in the path", () => {
    expect(parsePromptFiles([file("team/a", {}, "prompts\\team\\a.yaml")]).ok).toBe(true);
  });

  it("reports YAML syntax errors with line and column", () => {
    const errors = errorsOf([{ path: "prompts/bad.yaml", content: "name: bad\ntype: text\nversions: [\n  - version: 1\n" }]);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatchObject({ file: "prompts/bad.yaml", field: "(yaml)" });
    expect(errors[0]?.message).toMatch(/line \d+, column \d+/);
  });

  it("reports duplicate keys as YAML errors", () => {
    const errors = errorsOf([{ path: "prompts/a.yaml", content: "name: a\nname: b\n" }]);
    expect(errors[0]).toMatchObject({ field: "(yaml)", message: expect.stringMatching(/line 2, column 1/) });
  });

  it("reports a text version without a template and a chat version without messages", () => {
    expect(errorsOf([file("a", { versions: [version(1, {})] })])).toEqual([
      { file: "prompts/a.yaml", field: "versions[0].template", message: "A text prompt's version needs a template." },
    ]);
    const chatErrors = errorsOf([file("c", { type: "chat", versions: [version(1, {}), version(2, { messages: [] }), version(3, { template: "x" })] })]);
    expect(chatErrors).toHaveLength(4);
    expect(chatErrors).toEqual(expect.arrayContaining([
      { file: "prompts/c.yaml", field: "versions[0].messages", message: "A chat prompt's version needs its messages." },
      { file: "prompts/c.yaml", field: "versions[1].messages", message: "A chat prompt needs at least one message." },
      { file: "prompts/c.yaml", field: "versions[2].messages", message: "A chat prompt's version needs its messages." },
      { file: "prompts/c.yaml", field: "versions[2].template", message: "A chat prompt's versions have messages, not a template." },
    ]));
  });

  it("reports unknown keys, suggesting the likely one", () => {
    const errors = errorsOf([
      file("a", { descripton: "x", versions: [version(1, undefined, { modelConfig: { temprature: 0.2, model: "m" }, auther: "x@y.z" })] }),
    ]);
    expect(errors).toEqual(
      expect.arrayContaining([
        { file: "prompts/a.yaml", field: "descripton", message: 'Unknown key "descripton". Did you mean "description"?' },
        { file: "prompts/a.yaml", field: "versions[0].auther", message: 'Unknown key "auther". Did you mean "author"?' },
        { file: "prompts/a.yaml", field: "versions[0].modelConfig.temprature", message: 'Unknown key "temprature". Did you mean "temperature"?' },
      ]),
    );
    expect(errors).toHaveLength(3);
  });

  it("reports out-of-range settings", () => {
    const errors = errorsOf([file("a", { versions: [version(1, undefined, { modelConfig: { temperature: 3, topP: -1, maxOutputTokens: 1.5, stopSequences: ["a", "b", "c", "d", "e"] } })] })]);
    expect(errors.map(({ field, message }) => [field, message])).toEqual([
      ["versions[0].modelConfig.temperature", "Must be at most 2."],
      ["versions[0].modelConfig.maxOutputTokens", "Use a whole number."],
      ["versions[0].modelConfig.topP", "Must be at least 0."],
      ["versions[0].modelConfig.stopSequences", "At most 4 stop sequences."],
    ]);
  });

  it("reports a gap or repeat in the version numbers", () => {
    expect(errorsOf([file("a", { versions: [version(1), version(2), version(4), version(4)] })]).map((e) => [e.field, e.message])).toEqual([
      ["versions[2].version", "Expected version 3 after version 2: versions count up by one, without gaps."],
      ["versions[3].version", "Expected version 5 after version 4: versions count up by one, without gaps."],
    ]);
  });

  it("reports a label that points at a version the file does not have", () => {
    expect(errorsOf([file("a", { labels: { production: 2 } })])).toEqual([
      { file: "prompts/a.yaml", field: "labels.production", message: 'Label "production" points at version 2, which this file does not contain.' },
    ]);
  });

  it("reports a path that does not match the name", () => {
    expect(errorsOf([file("support/triage", {}, "prompts/triage.yaml")])).toEqual([
      { file: "prompts/triage.yaml", field: "name", message: 'The file must be at prompts/support/triage.yaml to match its name "support/triage".' },
    ]);
    expect(errorsOf([file("../x", {}, "elsewhere/x.yml")]).map((e) => e.field)).toEqual(["(path)", "name"]);
  });

  it("reports a duplicate name on every file that declares it", () => {
    const copied = errorsOf([file("a"), file("b"), file("a", { description: "copy" }, "prompts/copy.yaml")]).filter((e) => e.message.includes("defined"));
    expect(copied).toEqual([
      { file: "prompts/a.yaml", field: "name", message: 'The prompt "a" is defined by 2 files: prompts/a.yaml, prompts/copy.yaml.' },
      { file: "prompts/copy.yaml", field: "name", message: 'The prompt "a" is defined by 2 files: prompts/a.yaml, prompts/copy.yaml.' },
    ]);
    // The same path twice (an archive with a repeated entry) is one file to fix: reported once.
    expect(errorsOf([file("a"), file("a")])).toEqual([
      { file: "prompts/a.yaml", field: "name", message: 'The prompt "a" is defined by 2 files: prompts/a.yaml, prompts/a.yaml.' },
    ]);
  });

  it("reports every problem in every file at once", () => {
    const errors = errorsOf([
      { path: "prompts/broken.yaml", content: "name: [broken\n" },
      file("ok"),
      file("many", {
        type: "chat",
        tags: ["ok", ""],
        archived: "no",
        versions: [version(1, { messages: [{ role: "robot", content: "x" }] }, { modelConfig: { temperature: 3 } }), version(3, { template: "x" })],
      }),
      file("wrong", {}, "prompts/elsewhere.yaml"),
      { path: "prompts/empty.yaml", content: "" },
    ]);
    const fields = errors.map((e) => `${e.file} ${e.field}`);
    expect(fields).toHaveLength(10);
    expect(fields).toEqual(expect.arrayContaining([
      "prompts/broken.yaml (yaml)",
      "prompts/many.yaml tags[1]",
      "prompts/many.yaml archived",
      "prompts/many.yaml versions[0].modelConfig.temperature",
      "prompts/many.yaml versions[0].messages[0].role",
      "prompts/many.yaml versions[1].messages",
      "prompts/many.yaml versions[1].template",
      "prompts/many.yaml versions[1].version",
      "prompts/elsewhere.yaml name",
      "prompts/empty.yaml (file)",
    ]));
    expect(errors.find((e) => e.field === "archived")?.message).toBe('Expected boolean, got the text "no".');
    expect(errors.at(-1)?.message).toBe("A prompt file must be a YAML mapping (name, type, versions, …).");
  });

  it("enforces the size limits with clear errors", () => {
    const tooMany = Array.from({ length: MAX_IMPORT_FILES + 1 }, (_, i) => ({ path: `prompts/p${i}.yaml`, content: "" }));
    expect(errorsOf(tooMany)).toEqual([{ file: "(import)", field: "(files)", message: "An import can hold at most 5,000 files; this one has 5,001." }]);

    const big = { path: "prompts/big.yaml", content: `name: big\n# ${"é".repeat(600_000)}\n` };
    expect(errorsOf([big, { path: "prompts/x.yaml", content: "name: [" }]).map((e) => [e.file, e.field, e.message.slice(0, 40)])).toEqual([
      ["prompts/big.yaml", "(file)", "A prompt file can be at most 1 MiB; this"],
      ["prompts/x.yaml", "(yaml)", expect.any(String)],
    ]);

    const nearlyMiB = "x".repeat(1_000_000);
    const huge = Array.from({ length: 60 }, (_, i) => ({ path: `prompts/p${i}.yaml`, content: nearlyMiB }));
    expect(errorsOf(huge)).toEqual([{ file: "(import)", field: "(files)", message: "An import can be at most 50 MiB in all; these files are 57.2 MiB." }]);
  });

  it("refuses YAML nested too deep or inflated by aliases, at its line, without parsing the rest", () => {
    const deep = { path: "prompts/deep.yaml", content: `name: deep
versions: ${"[".repeat(500_000)}${"]".repeat(500_000)}
` };
    expect(errorsOf([deep])).toEqual([{ file: "prompts/deep.yaml", field: "(yaml)", message: "The YAML nests deeper than 64 levels. (line 2, column 75)" }]);
    const template = "x".repeat(100_000);
    const aliased = { path: "prompts/aliased.yaml", content: `name: aliased
type: text
t: &t "${template}"
versions: [${Array.from({ length: 40 }, () => "{template: *t}").join(", ")}]
` };
    expect(errorsOf([aliased])).toEqual([{ file: "prompts/aliased.yaml", field: "(yaml)", message: "The YAML expands to more than 2,097,152 characters through its aliases (&anchor, *alias)." }]);
  });
});

describe("parsePromptFilesOrThrow", () => {
  it("throws a bad_request:import AppError listing every problem", () => {
    let thrown: unknown;
    try {
      parsePromptFilesOrThrow([file("a", { versions: [version(1, {})] }), { path: "prompts/b.yaml", content: ":" }]);
    } catch (error) {
      thrown = error;
    }
    expect(isAppError(thrown) && thrown.code).toBe("bad_request:import");
    const errors = isAppError(thrown) ? (thrown.details?.errors as ImportError[]) : [];
    expect(new Set(errors.map((e) => e.file))).toEqual(new Set(["prompts/a.yaml", "prompts/b.yaml"]));
  });
});
