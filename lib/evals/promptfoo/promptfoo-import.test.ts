// The promptfoo importer: a realistic config, what it maps and what it warns about, verdict parity with promptfoo's
// assertion semantics, and the all-or-nothing write on a real SQLite file.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { datasetCases, datasets } from "@/db/schema";
import { userPrincipal } from "@/lib/platform/auth/principal";
import { isAppError } from "@/lib/core/errors";
import { findPromptByName, findLatestVersion } from "@/lib/prompts/queries";
import { makeWorkspace } from "@/lib/testing/factories";
import { createEvalRun } from "../runs/manage-runs";
import { findEvalRunResult, getEvalRunSummary, listEvalRunResults } from "../runs/read-runs";
import { executeEvalRun } from "../runs/runner";
import { runScorer } from "../scorers/registry";
import { commitPromptfooImport, previewPromptfooImport } from "./import-config";
import { mapAssertion, splitValues } from "./map-assertion";
import { parsePromptfooConfig } from "./parse-config";

const CONFIG = `
description: Support reply checks
prompts:
  - "Reply to {{ customer }} about: {{ issue }}"
  - label: formal
    raw: '[{"role": "system", "content": "Be formal."}, {"role": "user", "content": "{{ issue }}"}]'
  - file://prompts/extra.txt
providers:
  - openai:gpt-4o-mini
defaultTest:
  vars:
    customer: Ana
  assert:
    - type: latency
      threshold: 5000
tests:
  - description: refund
    vars:
      issue: I was charged twice
    assert:
      - type: icontains
        value: refund
      - type: contains-any
        value: "sorry, apologise"
      - type: llm-rubric
        value: Apologises and explains the refund
  - vars:
      issue: App crashes
      customer: Ben
    assert:
      - type: is-json
        value: { type: object, required: [category] }
      - type: not-contains
        value: crash
      - type: javascript
        value: output.length < 100
  - file://tests/more.yaml
`;

describe("parsePromptfooConfig", () => {
  it("maps prompts, tests, defaultTest and assertions, and lists everything it could not carry over", () => {
    const plan = parsePromptfooConfig(CONFIG);
    expect(plan.description).toBe("Support reply checks");
    expect(plan.prompts).toEqual([
      { label: "", type: "text", template: "Reply to {{ customer }} about: {{ issue }}", messages: null },
      { label: "formal", type: "chat", template: null, messages: [{ role: "system", content: "Be formal." }, { role: "user", content: "{{ issue }}" }] },
    ]);
    expect(plan.defaultScorers).toEqual([{ key: "default-1", type: "latency-under", label: "latency ≤ 5000 ms", params: { maxMs: 5000 } }]);
    expect(plan.cases).toHaveLength(2);
    expect(plan.cases[0]).toMatchObject({ description: "refund", variables: { customer: "Ana", issue: "I was charged twice" } });
    expect(plan.cases[0]!.assertions.map((a) => [a.type, a.params])).toEqual([
      ["icontains", { value: "refund" }],
      ["contains-any", { values: ["sorry", "apologise"], ignoreCase: false }],
      ["llm-rubric", { promptName: "judges/rubric", rubric: "Apologises and explains the refund" }],
    ]);
    expect(plan.cases[1]!.variables).toEqual({ customer: "Ben", issue: "App crashes" });
    expect(plan.cases[1]!.assertions.map((a) => [a.type, a.label, a.params, a.negate])).toEqual([
      ["json-schema", "is-json (schema)", { schema: { type: "object", required: ["category"] } }, undefined],
      ["contains", 'not-contains "crash"', { value: "crash" }, true],
    ]);
    expect(plan.warnings).toEqual([
      '"providers" is not imported: choose the model when you start an evaluation.',
      'prompt 3: "file://prompts/extra.txt" refers to a file, which an upload cannot read; it was skipped.',
      'test 2, assert 3: assertion type "javascript" is not supported; it was not imported.',
      'test 3: "file://tests/more.yaml" refers to a file; it was skipped.',
    ]);
  });

  it("warns about Nunjucks it cannot translate and refuses what is not a config", () => {
    const plan = parsePromptfooConfig("prompts:\n  - '{% if x %}{{ name | upper }}{% endif %}'\ntests: []\n");
    expect(plan.warnings).toContain("prompt 1: Nunjucks tags ({% … %}) have no Mustache equivalent; edit the imported prompt.");
    expect(plan.warnings).toContain("prompt 1: Nunjucks filters ({{ x | filter }}) are not supported; edit the imported prompt.");
    expect(() => parsePromptfooConfig("- just\n- a list\n")).toThrow(/not a promptfoo config/);
    expect(() => parsePromptfooConfig("prompts: [unclosed\n")).toThrow(/not valid YAML/);
  });

  it("does not import a regex assertion RE2 cannot run, and says why", () => {
    const plan = parsePromptfooConfig("tests:\n  - vars: {x: 1}\n    assert:\n      - type: regex\n        value: '^(?!Sorry)'\n      - type: regex\n        value: '(a|aa)+$'\n");
    expect(plan.cases[0]!.assertions.map((a) => a.params)).toEqual([{ pattern: "(a|aa)+$", flags: "" }]);
    expect(plan.warnings).toContainEqual(expect.stringMatching(/^test 1, assert 1: regex could not be imported \(Lookahead \(\(\?=…\), \(\?!…\)\) is not supported/));
  });

  it("refuses configs that cost far more than their size: deep nesting, alias expansion, defaults copied into every test", () => {
    const refusal = (text: string) => {
      try {
        parsePromptfooConfig(text);
      } catch (error) {
        return error as { status: number; message: string };
      }
      throw new Error("expected a refusal");
    };
    expect(refusal(`tests: ${"[".repeat(400_000)}${"]".repeat(400_000)}`)).toMatchObject({ status: 413, message: "The config is refused: The YAML nests deeper than 64 levels. (line 1, column 72)" });
    const big = "x".repeat(90_000);
    expect(refusal(`defaultTest:\n  vars:\n    big: &b "${big}"\ntests:\n${"  - vars: {copy: *b}\n".repeat(30)}`)).toMatchObject({ status: 413, message: expect.stringMatching(/expands to more than 2,097,152 characters/) });
    expect(refusal(`defaultTest:\n  vars:\n    big: "${big}"\ntests:\n${"  - {}\n".repeat(60)}`)).toMatchObject({
      status: 413,
      message: "The tests' vars (with defaultTest vars copied into each test) come to more than 5 MB, the most one import can create; split the config.",
    });
    expect(refusal(`tests:\n  - vars: {long: "${"y".repeat(100_001)}"}\n`)).toMatchObject({ status: 413, message: 'test 1: "long" is longer than 100,000 characters, the most a case variable can hold.' });
    expect(parsePromptfooConfig(`defaultTest:\n  vars:\n    big: "${big}"\ntests:\n${"  - {}\n".repeat(50)}`).cases).toHaveLength(50);
  });

  it("splits contains-any strings on commas like promptfoo, honouring quotes", () => {
    expect(splitValues('a, "b, c", d')).toEqual(["a", "b, c", "d"]);
    expect(splitValues(["x", 2])).toEqual(["x", "2"]);
  });
});

describe("verdict parity with promptfoo", () => {
  // Each row: a promptfoo assertion, an output, and promptfoo's verdict for it (from its src/assertions/* logic).
  const rows: [Record<string, unknown>, string, boolean][] = [
    [{ type: "equals", value: "Yes" }, "Yes", true],
    [{ type: "equals", value: "Yes" }, "Yes\n", false], // promptfoo compares exactly
    [{ type: "contains", value: "Refund" }, "refund issued", false],
    [{ type: "icontains", value: "Refund" }, "refund issued", true],
    [{ type: "contains-any", value: "sorry, apologise" }, "We apologise.", true],
    [{ type: "contains-all", value: ["a", "z"] }, "abc", false],
    [{ type: "icontains-all", value: ["A", "B"] }, "ab", true],
    [{ type: "regex", value: "^\\d{3}$" }, "123", true],
    [{ type: "regex", value: "^\\d{3}$" }, "1234", false],
    [{ type: "starts-with", value: "Dear" }, "Dear Ana", true],
    [{ type: "is-json" }, '{"a": 1}', true],
    [{ type: "is-json" }, '```json\n{"a": 1}\n```', false],
    [{ type: "is-json", value: { type: "object", required: ["a"] } }, '{"b": 1}', false],
    [{ type: "contains-json" }, 'Sure: {"a": 1}', true],
    [{ type: "contains-json" }, "no json", false],
    [{ type: "latency", threshold: 100 }, "x", true], // latency 100 ms: promptfoo passes at <=
    [{ type: "cost", threshold: 0.001 }, "x", false], // cost 0.002
  ];
  it.each(rows)("%o on %j → %s", async (assertion, output, pass) => {
    const mapped = mapAssertion(assertion, "t", "k");
    expect(mapped.scorer).not.toBeNull();
    const verdict = await runScorer(mapped.scorer!, { workspaceId: "w", output, expected: null, variables: {}, renderedInput: "", latencyMs: 100, costUsd: 0.002 });
    expect(verdict.passed).toBe(pass);
  });
});

describe("committing an import", () => {
  it("creates the prompts, the dataset with per-case assertions and the judge prompt, in one go", async () => {
    const { workspace, members } = await makeWorkspace(["editor"]);
    const editor = userPrincipal(members[0]!.ctx);
    const input = { text: CONFIG, promptFolder: "imported/support", datasetName: "support-pf" };
    const preview = previewPromptfooImport(editor, input);
    expect(preview).toMatchObject({ prompts: [{ name: "imported/support/prompt-1", type: "text" }, { name: "imported/support/formal", type: "chat" }], caseCount: 2, caseAssertions: 5, casesWithoutAssertions: 0 });
    expect(preview.warnings).toHaveLength(4);

    const result = await commitPromptfooImport(editor, { ...input, commit: true });
    expect(result).toMatchObject({ prompts: ["imported/support/prompt-1", "imported/support/formal"], cases: 2 });
    const prompt = (await findPromptByName(getDb(), { workspaceId: workspace.id, name: "imported/support/prompt-1" }))!;
    expect(await findLatestVersion(getDb(), { promptId: prompt.id })).toMatchObject({ version: 1, template: "Reply to {{ customer }} about: {{ issue }}" });
    expect(await findPromptByName(getDb(), { workspaceId: workspace.id, name: "judges/rubric" })).toBeDefined();
    const cases = await getDb().select().from(datasetCases).where(eq(datasetCases.datasetId, result.datasetId));
    expect(cases.map((c) => c.assertions.length)).toEqual([3, 2]);
    // What was stored is what runs: the negated assertion keeps its flag in the database.
    expect(cases[1]!.assertions[1]).toMatchObject({ type: "contains", negate: true, params: { value: "crash" } });
  });

  it("a clash leaves nothing behind", async () => {
    const { workspace, members } = await makeWorkspace(["editor"]);
    const editor = userPrincipal(members[0]!.ctx);
    await commitPromptfooImport(editor, { text: CONFIG, promptFolder: "pf", datasetName: "first" });
    let error: unknown;
    try {
      await commitPromptfooImport(editor, { text: CONFIG, promptFolder: "pf-2", datasetName: "first" });
    } catch (e) {
      error = e;
    }
    expect(isAppError(error) && error.code).toBe("conflict:dataset");
    expect(await findPromptByName(getDb(), { workspaceId: workspace.id, name: "pf-2/prompt-1" })).toBeUndefined();
    expect(await getDb().select().from(datasets).where(eq(datasets.workspaceId, workspace.id))).toHaveLength(1);
  });
});

describe("running an import as it is", () => {
  // No defaultTest, one test without assert, negated assertions and contains-json with a schema: promptfoo runs this
  // file as it is, so the studio must too, with no run-level scorer to invent.
  const AS_IS = `
prompts:
  - "Reply to {{ customer }} about: {{ issue }}"
tests:
  - vars: { customer: Ana, issue: I was charged twice }
    assert:
      - type: icontains
        value: offline demo model
      - type: not-contains
        value: As an AI
  - vars: { customer: Ben, issue: the app crashes }
    assert:
      - type: not-icontains
        value: CRASHES
  - vars: { customer: Chen, issue: How do I invite a colleague? }
  - vars: { customer: Dara, issue: Refund please }
    assert:
      - type: contains-json
        value: { type: object, required: [category] }
      - type: not-contains-json
  - vars: { customer: Eli, issue: Call me on 5555-1234 }
    assert:
      - type: not-regex
        value: '\\d{4}-\\d{4}'
`;

  it("starts with no run scorer, scores each case by its own assertions and reports the one without any as unscored", async () => {
    const { workspace, members } = await makeWorkspace(["editor"]);
    const editor = userPrincipal(members[0]!.ctx);
    const imported = await commitPromptfooImport(editor, { text: AS_IS, promptFolder: "pf-as-is", datasetName: "as-is" });
    expect(imported.warnings).toEqual([]);
    const prompt = (await findPromptByName(getDb(), { workspaceId: workspace.id, name: "pf-as-is/prompt-1" }))!;
    // What the New evaluation form sends for a dataset without default scorers: an empty list.
    const { id } = await createEvalRun(editor, { datasetId: imported.datasetId, promptId: prompt.id, targets: [{ label: "latest" }], modelId: "offline:demo", scorers: [] });
    expect(await executeEvalRun({ runId: id, workerId: "test" })).toBe("completed");

    const rows = (await listEvalRunResults(getDb(), { runId: id })).rows;
    const stored = await Promise.all(
      rows.map(async (r) => {
        const detail = (await findEvalRunResult(getDb(), { runId: id, resultId: r.id }))!;
        return [r.casePosition, r.status, detail.scores.map((sc) => `${sc.scorerKey}:${sc.passed ? "pass" : "fail"}`)];
      }),
    );
    // promptfoo's verdicts on the offline model's reply, which repeats the request ("You asked: …").
    expect(stored).toEqual([
      [1, "passed", ["assert-1:pass", "assert-2:pass"]],
      [2, "failed", ["assert-1:fail"]],
      [3, "unscored", []],
      [4, "failed", ["assert-1:fail", "assert-2:pass"]],
      [5, "failed", ["assert-1:fail"]],
    ]);
    expect(await getEvalRunSummary(getDb(), { runId: id })).toMatchObject({ done: 5, passed: 1, failed: 3, unscored: 1, passRate: 0.25 });
  });
});
