import { describe, expect, it } from "vitest";
import type { ScorerConfig } from "@/db/schema";
import type { ScoreContext } from "./config";
import { extractJsonObjects } from "./json";
import { runScorer } from "./registry";
import { scoreContext } from "@/lib/testing/score-context";
import { levenshteinSimilarity, rougeLF1 } from "./similarity";

const ctx = scoreContext;
const score = (type: string, params: Record<string, unknown>, context: ScoreContext, threshold?: number) =>
  runScorer({ key: "k", type, label: type, params, ...(threshold !== undefined ? { threshold } : {}) } as ScorerConfig, context);

describe("equals", () => {
  it("ignores outer whitespace by default and compares exactly with trim: false (promptfoo's equals)", async () => {
    expect(await score("equals", { value: "Yes" }, ctx(" Yes\n"))).toMatchObject({ passed: true, score: 1 });
    expect(await score("equals", { value: "Yes", trim: false }, ctx(" Yes\n"))).toMatchObject({ passed: false, score: 0 });
  });
  it("uses the case's expected output, and is an error without one", async () => {
    expect(await score("equals", {}, ctx("Paris", { expected: "Paris" }))).toMatchObject({ passed: true });
    expect(await score("equals", {}, ctx("Paris"))).toMatchObject({ passed: false, error: true });
  });
});

describe("contains family", () => {
  it("contains-any passes on any value and names it; fails naming all", async () => {
    expect(await score("contains-any", { values: ["refund", "credit"] }, ctx("We issued a credit."))).toMatchObject({ passed: true, reason: 'Output contains "credit".' });
    const miss = await score("contains-any", { values: ["refund", "credit"] }, ctx("Sorry."));
    expect(miss).toMatchObject({ passed: false, score: 0 });
    expect(miss.reason).toContain('"refund", "credit"');
  });
  it("contains-all scores the share found and passes only with all; ignoreCase works on unicode", async () => {
    expect(await score("contains-all", { values: ["a", "b", "c", "d"] }, ctx("a b"))).toMatchObject({ passed: false, score: 0.5 });
    expect(await score("contains-all", { values: ["ÉCOLE", "Straße"], ignoreCase: true }, ctx("école et straße"))).toMatchObject({ passed: true, score: 1 });
  });
  it("starts-with is exact at the very start", async () => {
    expect(await score("starts-with", { value: "Dear" }, ctx("Dear Ana,"))).toMatchObject({ passed: true });
    expect(await score("starts-with", { value: "Dear" }, ctx(" Dear Ana,"))).toMatchObject({ passed: false });
  });
  it("an empty output contains nothing", async () => {
    expect(await score("contains", { value: "x" }, ctx(""))).toMatchObject({ passed: false });
  });
});

describe("regex", () => {
  it("matches with flags and explains a miss", async () => {
    expect(await score("regex", { pattern: "^order #\\d+$", flags: "i" }, ctx("ORDER #123"))).toMatchObject({ passed: true });
    expect(await score("regex", { pattern: "^\\d+$" }, ctx("12a"))).toMatchObject({ passed: false, reason: "Output does not match /^\\d+$/." });
  });
  it("an invalid pattern is an error verdict, not a failure or a pass", async () => {
    const v = await score("regex", { pattern: "(unclosed" }, ctx("x"));
    expect(v).toMatchObject({ passed: false, error: true });
    expect(v.reason).toMatch(/Invalid pattern: missing closing \)/);
  });
  it("runs patterns that backtrack catastrophically in RegExp to the right verdict, and tests a huge output quickly", async () => {
    // (a|aa)+$ on 40 a's then "!" stopped every endpoint of a RegExp-based server for 33 s; (a+)+$ used to be refused.
    expect(await score("regex", { pattern: "(a|aa)+$" }, ctx(`${"a".repeat(40)}!`))).toMatchObject({ passed: false, reason: "Output does not match /(a|aa)+$/." });
    const nested = await score("regex", { pattern: "(a+)+$" }, ctx(`${"a".repeat(40)}!`));
    expect(nested).toMatchObject({ passed: false, score: 0 });
    expect(nested.error).toBeUndefined();
    expect(await score("regex", { pattern: "^(a+)+$" }, ctx("a".repeat(40)))).toMatchObject({ passed: true });
    const started = performance.now();
    expect(await score("regex", { pattern: "needle" }, ctx("hay ".repeat(500_000)))).toMatchObject({ passed: false });
    expect(performance.now() - started).toBeLessThan(2_000);
  });
  it("an unsupported pattern or an output too long for the pattern is an error verdict naming why", async () => {
    expect(await score("regex", { pattern: "^(?=.*refund)" }, ctx("refund"))).toMatchObject({ passed: false, error: true, reason: expect.stringMatching(/Lookahead/) });
    expect(await score("regex", { pattern: "\\w{999}!" }, ctx("a".repeat(100_000)))).toMatchObject({ passed: false, error: true, reason: expect.stringMatching(/too long for this pattern/) });
  });
});

describe("JSON", () => {
  it("is-json needs the whole output to parse (a fenced block is not JSON, as in promptfoo)", async () => {
    expect(await score("is-json", {}, ctx('{"a": 1}'))).toMatchObject({ passed: true });
    expect(await score("is-json", {}, ctx("```json\n{\"a\": 1}\n```"))).toMatchObject({ passed: false });
    expect(await score("is-json", {}, ctx(""))).toMatchObject({ passed: false });
  });
  it("contains-json finds objects in prose and fences, with braces inside strings", async () => {
    expect(extractJsonObjects('Sure! {"text": "a } inside", "n": {"m": 2}} and {bad} then {"b": true}')).toEqual([{ text: "a } inside", n: { m: 2 } }, { b: true }]);
    expect(await score("contains-json", {}, ctx('Here:\n```json\n{"ok": true}\n```'))).toMatchObject({ passed: true });
    expect(await score("contains-json", {}, ctx("no json {here"))).toMatchObject({ passed: false });
  });
  it("json-schema validates, lists the first problems, and an invalid schema is an error", async () => {
    const schema = { type: "object", required: ["category"], properties: { category: { enum: ["billing", "bug"] } } };
    expect(await score("json-schema", { schema }, ctx('{"category": "bug"}'))).toMatchObject({ passed: true });
    const bad = await score("json-schema", { schema }, ctx('{"category": "other"}'));
    expect(bad).toMatchObject({ passed: false, score: 0 });
    expect(bad.reason).toContain("/category");
    expect(await score("json-schema", { schema: { type: "nonsense" } }, ctx("{}"))).toMatchObject({ error: true });
  });
  it("json-schema runs the schema's patterns on RE2: a catastrophic pattern gets its verdict, an unsupported one is refused", async () => {
    const schema = { type: "object", properties: { code: { type: "string", pattern: "^(a|aa)+$" } } };
    expect(await score("json-schema", { schema }, ctx(JSON.stringify({ code: `${"a".repeat(40)}!` })))).toMatchObject({ passed: false, score: 0, reason: expect.stringContaining("/code") });
    expect(await score("json-schema", { schema }, ctx(JSON.stringify({ code: "aaaa" })))).toMatchObject({ passed: true });
    const lookahead = await score("json-schema", { schema: { properties: { code: { pattern: "^(?=A)" } } } }, ctx("{}"));
    expect(lookahead).toMatchObject({ passed: false, error: true, reason: expect.stringMatching(/properties\.code\.pattern: Lookahead/) });
  });
});

describe("length, latency and cost", () => {
  it("counts characters as code points and needs a bound", async () => {
    expect(await score("length", { min: 2, max: 2 }, ctx("👍👍"))).toMatchObject({ passed: true });
    expect(await score("length", { max: 3 }, ctx("four"))).toMatchObject({ passed: false, reason: "Output has 4 characters; expected at most 3." });
    expect(await score("length", {}, ctx("x"))).toMatchObject({ error: true });
  });
  it("latency and cost pass at the threshold (inclusive, like promptfoo) and error when unmeasured", async () => {
    expect(await score("latency-under", { maxMs: 120 }, ctx("x"))).toMatchObject({ passed: true });
    expect(await score("latency-under", { maxMs: 119 }, ctx("x"))).toMatchObject({ passed: false });
    expect(await score("latency-under", { maxMs: 100 }, ctx("x", { latencyMs: null }))).toMatchObject({ error: true, passed: false });
    expect(await score("cost-under", { maxUsd: 0.0004 }, ctx("x"))).toMatchObject({ passed: true });
    expect(await score("cost-under", { maxUsd: 0.001 }, ctx("x", { costUsd: null }))).toMatchObject({ error: true, passed: false });
  });
});

describe("similarity", () => {
  it("normalised Levenshtein: 1 − distance / longer length", () => {
    expect(levenshteinSimilarity("kitten", "sitting")).toBeCloseTo(1 - 3 / 7, 5);
    expect(levenshteinSimilarity("", "")).toBe(1);
    expect(levenshteinSimilarity("abc", "")).toBe(0);
  });
  it("ROUGE-L F1 over lowercase word tokens (Lin 2004)", () => {
    // LCS("the cat sat on the mat", "the cat is on the mat") = the cat on the mat = 5 tokens; P = R = 5/6.
    expect(rougeLF1("The cat sat on the mat", "the cat is on the mat")).toBeCloseTo(5 / 6, 5);
    expect(rougeLF1("", "x")).toBe(0);
  });
  it("passes at the threshold (0.8 by default) against the expected output", async () => {
    expect(await score("similarity", {}, ctx("Paris, France", { expected: "Paris, France." }))).toMatchObject({ passed: true });
    expect(await score("similarity", { metric: "rouge-l" }, ctx("cats are great", { expected: "dogs are loyal" }))).toMatchObject({ passed: false });
    expect(await score("similarity", { value: "abcd" }, ctx("abcx"), 0.7)).toMatchObject({ passed: true, score: 0.75 });
  });
});
