// Every rule of the prompt linter with a prompt that breaks it and one that does not, the workspace's severities,
// inline silencing with its reason, and the quick fixes' edits.
import { describe, expect, it } from "vitest";
import type { ChatMessageRecord, ModelConfig } from "@/lib/core/vocabulary/prompt-content";
import { hasErrors, lintPrompt, type LintContext, type RuleId } from ".";

const text = (template: string, modelConfig: ModelConfig = {}) => ({ type: "text" as const, template, messages: null, modelConfig });
const chat = (messages: ChatMessageRecord[], modelConfig: ModelConfig = {}) => ({ type: "chat" as const, template: null, messages, modelConfig });
const rules = (target: Parameters<typeof lintPrompt>[0], context: LintContext = {}) => lintPrompt(target, context).map((f) => f.ruleId);
const only = (rule: RuleId, target: Parameters<typeof lintPrompt>[0], context: LintContext = {}) => lintPrompt(target, context).filter((f) => f.ruleId === rule);

const clean = "Classify the ticket below.\n<ticket>\n{{ticket}}\n</ticket>\nAnswer with one label.";

describe("the prompt linter", () => {
  it("finds nothing in a clean prompt", () => {
    expect(rules(text(clean), { datasetColumns: [["ticket"]], contextWindow: 8_000, servedInProtectedEnvironment: true })).toEqual([]);
  });

  it("unfilled-variable and unused-dataset-column", () => {
    const findings = lintPrompt(text("<t>{{ticket}}</t> for <c>{{customer}}</c>"), { datasetColumns: [["ticket", "body"]] });
    expect(findings.map((f) => [f.ruleId, f.message])).toEqual([
      ["unused-dataset-column", 'The datasets fill "body", which the prompt never uses.'],
      ["unfilled-variable", "{{customer}} is not filled by any of this prompt's datasets."],
    ]);
    expect(findings[1]!.location).toEqual({ message: null, line: 1, column: 26, endLine: 1, endColumn: 38 });
    expect(rules(text("<t>{{ticket}}</t>"), { datasetColumns: [["ticket"], ["ticket"]] })).toEqual([]);
    // Without datasets there is nothing to compare with.
    expect(rules(text("<t>{{ticket}}</t>"))).toEqual([]);
  });

  it("variable-in-system-message, unless the application fills it", () => {
    const prompt = chat([
      { role: "system", content: "You help customers of <p>{{product}}</p>." },
      { role: "user", content: "<q>{{question}}</q>" },
    ]);
    expect(only("variable-in-system-message", prompt).map((f) => f.location.message)).toEqual([0]);
    expect(rules(prompt, { trustedVariables: ["product"] })).toEqual([]);
  });

  it("undelimited-variable, with a quick fix that wraps it in tags", () => {
    const [finding] = only("undelimited-variable", text("Summarise this: {{article}} in two lines."));
    expect(finding!.fix).toEqual({ title: "Wrap in <article> tags", message: null, start: 16, end: 27, text: "<article>{{article}}</article>" });
    for (const delimited of ['Say "{{x}}"', "```\n{{x}}\n```", '"""{{x}}"""', "[{{x}}]", "<input lang=\"en\">\n  {{x}}\n</input>", "«{{x}}»"]) {
      expect(only("undelimited-variable", text(delimited)), delimited).toEqual([]);
    }
    // A mismatched pair is not a delimiter.
    expect(only("undelimited-variable", text("<a>{{x}}</b>"))).toHaveLength(1);
  });

  it("secret-in-template and personal-data-in-template, each with a fix that moves the value to a variable", () => {
    // Assembled here, never written out whole (a key-shaped literal in the repository trips secret scanners).
    const key = ["sk", "proj", "Ab3dEf9hIj2lMn4pQr6tUv8xYz0AbCdEfGhIjKl"].join("-");
    const [secret] = only("secret-in-template", text(`Use ${key} when calling.`));
    expect(secret!.message).toBe("A secret in the template: OpenAI API key.");
    expect(secret!.fix).toMatchObject({ start: 4, end: 4 + key.length, text: "{{api_key}}" });
    expect(only("personal-data-in-template", text("Escalate to ana@example.com or +44 20 7946 0958.")).map((f) => f.fix!.text)).toEqual(["{{email}}", "{{phone}}"]);
    // Near-misses stay quiet: a reference that fails Luhn, an address inside a URL.
    expect(rules(text("Ref 4111 1111 1111 1112, docs at https://bot@docs.example.com/x."))).toEqual([]);
  });

  it("moving-partial-label, only where the prompt is served in a protected environment", () => {
    const prompt = text("{{> house-style@production}}\n{{> footer@3}}\n{{> header}}");
    const context = { servedInProtectedEnvironment: true, movingLabels: ["production", "staging", "latest"] };
    expect(only("moving-partial-label", prompt, context).map((f) => f.location.line)).toEqual([1, 3]);
    expect(only("moving-partial-label", prompt, { ...context, servedInProtectedEnvironment: false })).toEqual([]);
  });

  it("context-window-exceeded, with the datasets' longest values and max_tokens", () => {
    const prompt = text("<t>{{ticket}}</t>", { maxOutputTokens: 1_000 });
    expect(rules(prompt, { contextWindow: 4_096, longestValues: { ticket: 12_000 } })).toEqual([]);
    const [finding] = only("context-window-exceeded", prompt, { contextWindow: 4_096, longestValues: { ticket: 13_000 } });
    expect(finding!.message).toBe("About 3,252 input tokens plus max_tokens 1,000 exceed the model's context window of 4,096.");
  });

  it("contradictory-output-format", () => {
    const json: ModelConfig = { responseFormat: { type: "json" } };
    expect(only("contradictory-output-format", text("Answer in two paragraphs about <t>{{t}}</t>.", json))).toHaveLength(1);
    expect(only("contradictory-output-format", text("Answer in two paragraphs about <t>{{t}}</t>."))).toEqual([]);
    expect(only("contradictory-output-format", text("Return the fields as JSON for <t>{{t}}</t>.", json))).toEqual([]);
  });

  it("empty-message and duplicate-message", () => {
    const prompt = chat([
      { role: "system", content: "Be brief." },
      { role: "user", content: "   " },
      { role: "system", content: "Be brief. " },
    ]);
    expect(lintPrompt(prompt).map((f) => [f.ruleId, f.location.message])).toEqual([
      ["empty-message", 1],
      ["duplicate-message", 2],
    ]);
    expect(rules(text(""))).toEqual(["empty-message"]);
  });

  it("applies the workspace's severities, and turns a rule off", () => {
    const prompt = text("Summarise {{article}}.");
    expect(lintPrompt(prompt).map((f) => f.severity)).toEqual(["warning"]);
    expect(lintPrompt(prompt, { severities: { "undelimited-variable": "error" } }).map((f) => f.severity)).toEqual(["error"]);
    expect(hasErrors(lintPrompt(prompt, { severities: { "undelimited-variable": "error" } }))).toBe(true);
    expect(lintPrompt(prompt, { severities: { "undelimited-variable": "off" } })).toEqual([]);
  });

  it("keeps a finding silenced inline, with its reason, and no longer counts it", () => {
    const prompt = text("{{! lint-disable personal-data-in-template: the support desk's public address }}Write to help@example.com.");
    const [finding] = lintPrompt(prompt);
    expect(finding).toMatchObject({ ruleId: "personal-data-in-template", severity: "error", silenced: { reason: "the support desk's public address" } });
    expect(hasErrors([finding!])).toBe(false);
    // No reason, no silence.
    expect(lintPrompt(text("{{! lint-disable personal-data-in-template }}Write to help@example.com."))[0]!.silenced).toBeUndefined();
  });

  it("lints a large prompt quickly", () => {
    const big = text(`${"Some instructions. ".repeat(20_000)}<t>{{ticket}}</t>`);
    const started = performance.now();
    lintPrompt(big, { datasetColumns: [["ticket"]], contextWindow: 1_000_000 });
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
