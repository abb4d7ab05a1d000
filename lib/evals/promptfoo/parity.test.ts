// Verdict parity with promptfoo for every assertion the importer maps, positive and negated, read from promptfoo's
// documentation (site/docs/configuration/expected-outputs/deterministic.md, model-graded/llm-rubric.md) and, where
// the docs are terse, its handlers (src/assertions/contains.ts, json.ts, regex.ts, llmRubric.ts, which implement
// `not-` as `pass = check !== inverse`). Each row goes through the importer (mapAssertion) and the scorer registry
// (runScorer), the path an imported config takes when it runs.
import { describe, expect, it } from "vitest";
import { makeEvalWorkspace } from "@/lib/testing/eval-runs";
import { ensureDefaultJudgePrompt } from "../scorers/judge-prompt";
import { runScorer } from "../scorers/registry";
import { mapAssertion } from "./map-assertion";

const SCHEMA = { type: "object", required: ["category"], properties: { category: { enum: ["billing", "bug", "question"] } } };

type Row = [doc: string, assertion: Record<string, unknown>, output: string, pass: boolean];

// "Every test type can be negated by prepending `not-`. For example, `not-equals` or `not-regex`." (deterministic.md)
const rows: Row[] = [
  // equals: "output matches exactly"
  ["equals: output matches exactly", { type: "equals", value: "Yes" }, "Yes", true],
  ["equals: exact, so a trailing newline differs", { type: "equals", value: "Yes" }, "Yes\n", false],
  ["not-equals: passes when the output differs", { type: "not-equals", value: "Yes" }, "Yes\n", true],
  ["not-equals: fails on the exact value", { type: "not-equals", value: "Yes" }, "Yes", false],
  // contains / icontains: "output contains substring" (icontains: "case insensitive")
  ["contains is case-sensitive", { type: "contains", value: "Refund" }, "refund issued", false],
  ["not-contains passes when the substring is absent", { type: "not-contains", value: "crash" }, "The app stopped working", true],
  ["not-contains fails when the substring is present", { type: "not-contains", value: "crash" }, "it will crash", false],
  ["not-contains is case-sensitive", { type: "not-contains", value: "Crash" }, "it will crash", true],
  ["icontains ignores case", { type: "icontains", value: "Refund" }, "REFUND issued", true],
  ["not-icontains fails whatever the case", { type: "not-icontains", value: "Refund" }, "REFUND issued", false],
  ["not-icontains passes when absent in any case", { type: "not-icontains", value: "refund" }, "credit issued", true],
  // contains-any: "output contains any of the listed substrings"; icontains-any: "case insensitive"
  ["contains-any: any one value is enough", { type: "contains-any", value: ["sorry", "apologise"] }, "We apologise.", true],
  ["contains-any is case-sensitive", { type: "contains-any", value: ["Sorry", "Apologise"] }, "we apologise", false],
  ["icontains-any is case-insensitive any", { type: "icontains-any", value: ["Sorry", "Apologise"] }, "we APOLOGISE", true],
  ["not-contains-any passes when none is present", { type: "not-contains-any", value: "lawsuit, attorney" }, "Happy to help.", true],
  ["not-contains-any fails when one is present", { type: "not-contains-any", value: "lawsuit, attorney" }, "Call an attorney.", false],
  ["not-icontains-any fails when one is present in any case", { type: "not-icontains-any", value: ["LAWSUIT"] }, "no lawsuit here", false],
  ["not-icontains-any passes when none is present in any case", { type: "not-icontains-any", value: ["LAWSUIT"] }, "no suit here", true],
  // contains-all: "output contains all list of substrings"; icontains-all: "case insensitive"
  ["contains-all needs every value", { type: "contains-all", value: ["a", "z"] }, "abc", false],
  ["icontains-all ignores case", { type: "icontains-all", value: ["A", "B"] }, "ab", true],
  ["not-contains-all passes when one value is missing", { type: "not-contains-all", value: ["a", "z"] }, "abc", true],
  ["not-contains-all fails when every value is present", { type: "not-contains-all", value: ["a", "b"] }, "abc", false],
  ["not-icontains-all fails when every value is present in any case", { type: "not-icontains-all", value: ["A", "B"] }, "ab", false],
  ["not-icontains-all passes when one value is missing in any case", { type: "not-icontains-all", value: ["A", "Z"] }, "ab", true],
  // regex: "output matches regex"
  ["regex matches", { type: "regex", value: "^\\d{3}$" }, "123", true],
  ["regex does not match", { type: "regex", value: "^\\d{3}$" }, "1234", false],
  ["not-regex passes when there is no match", { type: "not-regex", value: "\\d{4}-\\d{4}" }, "call us", true],
  ["not-regex fails when there is a match", { type: "not-regex", value: "\\d{4}-\\d{4}" }, "card 1234-5678", false],
  // starts-with: "output starts with string"
  ["starts-with", { type: "starts-with", value: "Dear" }, "Dear Ana", true],
  ["not-starts-with passes on another start", { type: "not-starts-with", value: "As an AI" }, "Sure, here it is", true],
  ["not-starts-with fails on that start", { type: "not-starts-with", value: "As an AI" }, "As an AI model, I", false],
  // is-json: "output is valid json (optional json schema validation)"
  ["is-json: the whole output parses", { type: "is-json" }, '{"a": 1}', true],
  ["is-json: a fenced block is not JSON", { type: "is-json" }, '```json\n{"a": 1}\n```', false],
  ["is-json with a schema: validated", { type: "is-json", value: SCHEMA }, '{"category": "bug"}', true],
  ["is-json with a schema: invalid against it", { type: "is-json", value: SCHEMA }, '{"category": "other"}', false],
  ["not-is-json passes on prose", { type: "not-is-json" }, "Sure thing", true],
  ["not-is-json fails on JSON", { type: "not-is-json" }, "[1, 2]", false],
  ["not-is-json with a schema passes when JSON does not conform", { type: "not-is-json", value: SCHEMA }, '{"category": "other"}', true],
  ["not-is-json with a schema passes when the output is not JSON", { type: "not-is-json", value: SCHEMA }, "category: bug", true],
  ["not-is-json with a schema fails when JSON conforms", { type: "not-is-json", value: SCHEMA }, '{"category": "bug"}', false],
  // contains-json: "output contains valid json (optional json schema validation)"
  ["contains-json finds an embedded object", { type: "contains-json" }, 'Sure: {"a": 1}', true],
  ["contains-json without JSON", { type: "contains-json" }, "no json {here", false],
  ["contains-json with a schema: passes if any JSON object validates", { type: "contains-json", value: SCHEMA }, 'First {"x": 1}, then ```json\n{"category": "billing"}\n```', true],
  ["contains-json with a schema: fails if none validates", { type: "contains-json", value: SCHEMA }, '{"x": 1} and {"category": "other"}', false],
  ["contains-json with a schema: fails without JSON", { type: "contains-json", value: SCHEMA }, "category: billing", false],
  ["contains-json with a schema given as YAML text", { type: "contains-json", value: "type: object\nrequired: [category]" }, 'ok {"category": 1}', true],
  ["not-contains-json passes without JSON", { type: "not-contains-json" }, "plain text", true],
  ["not-contains-json fails with an embedded object", { type: "not-contains-json" }, 'see {"a": 1}', false],
  ["not-contains-json with a schema passes when no object validates", { type: "not-contains-json", value: SCHEMA }, '{"x": 1}', true],
  ["not-contains-json with a schema passes without JSON", { type: "not-contains-json", value: SCHEMA }, "none", true],
  ["not-contains-json with a schema fails when one object validates", { type: "not-contains-json", value: SCHEMA }, '{"x": 1} {"category": "bug"}', false],
  // latency / cost: "below a threshold" (promptfoo passes at <=); not-latency / not-cost invert it
  ["latency passes at the threshold", { type: "latency", threshold: 100 }, "x", true],
  ["not-latency fails at the threshold", { type: "not-latency", threshold: 100 }, "x", false],
  ["cost fails above the threshold", { type: "cost", threshold: 0.001 }, "x", false],
  ["not-cost passes above the threshold", { type: "not-cost", threshold: 0.001 }, "x", true],
];

const context = (output: string) => ({ workspaceId: "w", output, expected: null, variables: { product: "Acme" }, renderedInput: "", latencyMs: 100, costUsd: 0.002 });

describe("promptfoo parity: each assertion, positive and negated", () => {
  it.each(rows)("%s", async (_doc, assertion, output, pass) => {
    const mapped = mapAssertion(assertion, "t", "k");
    expect(mapped.warnings).toEqual([]);
    expect(mapped.scorer).not.toBeNull();
    expect(mapped.scorer!.negate === true).toBe(String(assertion.type).startsWith("not-"));
    const verdict = await runScorer(mapped.scorer!, context(output));
    expect(verdict.error ?? false).toBe(false);
    expect(verdict.passed).toBe(pass);
    // promptfoo scores its pass/fail checks 1 or 0, negated or not. The one documented difference: contains-all here
    // scores the share of values found (negated: the share missing), so a near miss reads differently from a total one.
    if (!/contains-all$/.test(String(assertion.type))) expect(verdict.score).toBe(pass ? 1 : 0);
  });

  it("labels negated assertions with promptfoo's name, and keeps a metric name as written", () => {
    expect(mapAssertion({ type: "not-icontains-any", value: ["x", "y"] }, "t", "k").scorer).toMatchObject({ label: "not-icontains-any x, y", type: "contains-any", negate: true, params: { values: ["x", "y"], ignoreCase: true } });
    expect(mapAssertion({ type: "not-contains", value: "x", metric: "no-x" }, "t", "k").scorer).toMatchObject({ label: "no-x", negate: true });
  });

  it("a check that cannot be made stays an error when negated, never a pass", async () => {
    // A pattern RE2 cannot compile is not even imported (it is refused when saved); a config that reaches the
    // runner anyway still gives an error, negated or not.
    const bad = mapAssertion({ type: "not-regex", value: "(unclosed" }, "t", "k");
    expect(bad.scorer).toBeNull();
    expect(bad.warnings.join(" ")).toMatch(/pattern/i);
    const forced = { key: "k", type: "regex", label: "regex", params: { pattern: "(unclosed", flags: "" }, negate: true } as Parameters<typeof runScorer>[0];
    expect(await runScorer(forced, context("anything at all"))).toMatchObject({ passed: false, error: true });
    for (const assertion of [
      { type: "not-is-json", value: { type: "no-such-type" } },
      { type: "not-contains-json", value: { type: "no-such-type" } },
    ]) {
      const verdict = await runScorer(mapAssertion(assertion, "t", "k").scorer!, context("anything at all"));
      expect(verdict, assertion.type).toMatchObject({ passed: false, error: true });
    }
    const unmeasured = await runScorer(mapAssertion({ type: "not-latency", threshold: 10 }, "t", "k").scorer!, { ...context("x"), latencyMs: null });
    expect(unmeasured).toMatchObject({ passed: false, error: true });
  });

  it("negated values are filled from the case's variables like promptfoo renders them", async () => {
    const scorer = mapAssertion({ type: "not-icontains", value: "{{product}}" }, "t", "k").scorer!;
    expect(await runScorer(scorer, context("Try ACME today"))).toMatchObject({ passed: false });
    expect(await runScorer(scorer, context("Try Globex today"))).toMatchObject({ passed: true });
  });

  it("warns about negations of what it cannot import, naming them as written", () => {
    expect(mapAssertion({ type: "not-javascript", value: "output.length > 3" }, "test 1, assert 1", "k")).toEqual({
      scorer: null,
      warnings: ['test 1, assert 1: assertion type "not-javascript" is not supported; it was not imported.'],
    });
    expect(mapAssertion({ type: "not-contains-json", value: "file://schema.json" }, "t", "k").warnings).toEqual([
      "t: contains-json with a schema from a file cannot be read from an upload; it was not imported.",
    ]);
  });

  it("not-llm-rubric inverts the judge's verdict and scores 1 − score, as promptfoo's llmRubric handler does", async () => {
    const ws = await makeEvalWorkspace({ fixtureUrl: "http://127.0.0.1:9" });
    await ensureDefaultJudgePrompt(ws.editor);
    const positive = mapAssertion({ type: "llm-rubric", value: "Mentions the refund." }, "t", "k").scorer!;
    const negated = mapAssertion({ type: "not-llm-rubric", value: "Mentions the refund." }, "t", "k").scorer!;
    const ctx = { ...context("Your refund was sent today."), workspaceId: ws.workspace.id, renderedInput: "Where is my refund?" };
    const yes = await runScorer(positive, ctx);
    const no = await runScorer(negated, ctx);
    expect(yes.passed).toBe(true);
    expect(yes.error).toBeFalsy();
    expect(no.passed).toBe(false);
    expect(no.score).toBeCloseTo(1 - yes.score!, 6);
    expect(no.reason).toMatch(/^Negated \(passes when the check fails\): failed, because /);
  });
});
