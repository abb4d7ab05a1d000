import { failure } from "@/lib/testing/app-error";
import { describe, expect, it } from "vitest";
import { renderTemplate } from "./render-template";
import type { PartialTarget } from "./partial-ref";

/** A loader over fixed prompts keyed "name" or "name@label", recording every call. */
function loaderOf(prompts: Record<string, string>) {
  const calls: PartialTarget[] = [];
  const loadPartial = async (ref: PartialTarget) => {
    calls.push(ref);
    return prompts[ref.label === null ? ref.name : `${ref.name}@${ref.label}`] ?? null;
  };
  return { calls, loadPartial };
}


/** A chain p1 → p2 → … → p<length>, the last one plain text. */
function chain(length: number): Record<string, string> {
  const prompts: Record<string, string> = {};
  for (let level = 1; level <= length; level += 1) prompts[`p${level}`] = level < length ? `${level} {{> p${level + 1}}}` : `${level}`;
  return prompts;
}

describe("partials", () => {
  it("includes other prompts with the same variables, recursively", async () => {
    const { loadPartial } = loaderOf({
      "support/greeting": "Hello {{name}}. {{> shared/sign-off}}",
      "shared/sign-off": "Bye from {{company}}.",
    });
    const variables = { name: "Ada", company: "Acme", question: "Why?" };
    const output = await renderTemplate({ template: "Intro: {{> support/greeting}}\nQ: {{question}}", variables, loadPartial });
    expect(output).toBe("Intro: Hello Ada. Bye from Acme.\nQ: Why?");
  });

  it("passes the @label or @version to the loader and keeps differently labelled versions apart", async () => {
    const { calls, loadPartial } = loaderOf({ tone: "latest", "tone@production": "prod", "tone@3": "v3" });
    expect(await renderTemplate({ template: "{{> tone}}|{{> tone@production}}|{{> tone@3}}", variables: {}, loadPartial })).toBe("latest|prod|v3");
    expect(calls).toEqual([
      { name: "tone", label: null },
      { name: "tone", label: "production" },
      { name: "tone", label: "3" },
    ]);
  });

  it("loads a partial once however often it is used, also inside loops", async () => {
    const { calls, loadPartial } = loaderOf({ item: "<{{.}}>" });
    expect(await renderTemplate({ template: "{{#list}}{{> item}}{{/list}}|{{> item}}", variables: { list: [1, 2] }, loadPartial })).toBe("<1><2>|<[object Object]>");
    expect(calls).toHaveLength(1);
  });

  it("indents a standalone partial like its tag", async () => {
    const { loadPartial } = loaderOf({ list: "- one\n- {{two}}\n" });
    expect(await renderTemplate({ template: "Items:\n  {{> list}}\nEnd", variables: { two: "2" }, loadPartial })).toBe("Items:\n  - one\n  - 2\nEnd");
  });

  it("names an unknown partial with the position of its tag", async () => {
    const { loadPartial } = loaderOf({});
    const error = await failure(renderTemplate({ template: "Hi\n  {{> support/missing@production}}", variables: {}, loadPartial }));
    expect(error.code).toBe("bad_request:template");
    expect(error.message).toBe('Unknown partial "support/missing@production": no prompt has this name and label (line 2, column 3)');
    expect(error.details).toMatchObject({ partial: "support/missing", label: "production", line: 2, column: 3, inPartial: null });
  });

  it("says which partial holds an unknown partial's tag", async () => {
    const { loadPartial } = loaderOf({ outer: "x\n{{> inner}}" });
    const error = await failure(renderTemplate({ template: "{{> outer}}", variables: {}, loadPartial }));
    expect(error.message).toBe('Unknown partial "inner": no prompt has this name (in partial "outer", line 2, column 1)');
  });

  it("reports a partial that includes itself", async () => {
    const { loadPartial } = loaderOf({ "support/a": "a {{> support/a}}" });
    const error = await failure(renderTemplate({ template: "{{> support/a}}", variables: {}, loadPartial }));
    expect(error.message).toBe('Partials include each other in a cycle: support/a → support/a (in partial "support/a", line 1, column 3)');
    expect(error.details?.chain).toEqual(["support/a", "support/a"]);
  });

  it("reports an indirect cycle with its whole chain", async () => {
    const { loadPartial } = loaderOf({ "support/a": "{{> support/b}}", "support/b": "{{> support/c}}", "support/c": "{{> support/a}}" });
    const error = await failure(renderTemplate({ template: "{{> support/a}}", variables: {}, loadPartial }));
    expect(error.message).toMatch(/^Partials include each other in a cycle: support\/a → support\/b → support\/c → support\/a /);
  });

  it("counts a cycle by prompt name, whatever labels the tags use", async () => {
    const { loadPartial } = loaderOf({ "a@production": "{{> b}}", b: "{{> a@2}}", "a@2": "end" });
    const error = await failure(renderTemplate({ template: "{{> a@production}}", variables: {}, loadPartial }));
    expect(error.details?.chain).toEqual(["a@production", "b", "a@2"]);
  });

  it("finds a cycle through a partial already loaded by an earlier tag", async () => {
    const { loadPartial } = loaderOf({ x: "{{> a@1}}", "a@1": "one", "a@2": "{{> x}}" });
    const error = await failure(renderTemplate({ template: "{{> x}} {{> a@2}}", variables: {}, loadPartial }));
    expect(error.details?.chain).toEqual(["a@2", "x", "a@1"]);
  });

  it("reports the rendered prompt including itself when its name is given", async () => {
    const { loadPartial } = loaderOf({ "support/b": "{{> support/a}}" });
    const error = await failure(renderTemplate({ template: "{{> support/b}}", variables: {}, loadPartial, promptName: "support/a" }));
    expect(error.details?.chain).toEqual(["support/a", "support/b", "support/a"]);
  });

  it("allows partials nested 10 levels deep", async () => {
    const { loadPartial } = loaderOf(chain(10));
    expect(await renderTemplate({ template: "0 {{> p1}}", variables: {}, loadPartial })).toBe("0 1 2 3 4 5 6 7 8 9 10");
  });

  it("refuses partials nested more than 10 levels deep, naming the chain", async () => {
    const { loadPartial } = loaderOf(chain(11));
    const error = await failure(renderTemplate({ template: "0 {{> p1}}", variables: {}, loadPartial }));
    expect(error.message).toBe(
      'Partials are nested more than 10 levels deep (limit: 10): p1 → p2 → p3 → p4 → p5 → p6 → p7 → p8 → p9 → p10 → p11 (in partial "p10", line 1, column 4)',
    );
    expect(error.details).toMatchObject({ limit: 10 });
  });

  it("refuses a too-deep chain reached through a partial that was already checked at a shallower level", async () => {
    const prompts = { ...chain(10), deep1: "{{> deep2}}", deep2: "{{> p1}}" };
    const { loadPartial } = loaderOf(prompts);
    const error = await failure(renderTemplate({ template: "{{> p1}} {{> deep1}}", variables: {}, loadPartial }));
    expect(error.details?.chain).toEqual(["deep1", "deep2", "p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8", "p9", "p10"]);
  });

  it("refuses more than 100 different partials in one render", async () => {
    const prompts: Record<string, string> = {};
    for (let index = 0; index < 101; index += 1) prompts[`p${index}`] = `${index}`;
    const { loadPartial } = loaderOf(prompts);
    const hundred = Array.from({ length: 100 }, (_, index) => `{{> p${index}}}`).join("");
    expect(await renderTemplate({ template: hundred, variables: {}, loadPartial })).toHaveLength(190);
    const error = await failure(renderTemplate({ template: `${hundred}{{> p100}}`, variables: {}, loadPartial }));
    expect(error.message).toMatch(/^Too many partials: one render can include at most 100 different partials \(limit: 100\)/);
  });

  it("reports a syntax error inside a partial with the partial's own line and column", async () => {
    const { loadPartial } = loaderOf({ broken: "fine\n  {{#open}}" });
    const error = await failure(renderTemplate({ template: "{{> broken}}", variables: {}, loadPartial }));
    expect(error.message).toBe('Unclosed section "open": add {{/open}} (in partial "broken", line 2, column 3)');
  });

  it("places a missing variable inside an indented partial in the partial's own text", async () => {
    const { loadPartial } = loaderOf({ card: "Name: {{name}}\nEmail: {{email}}" });
    const error = await failure(renderTemplate({ template: "Card:\n    {{> card}}\n", variables: { name: "Ada" }, loadPartial }));
    expect(error.message).toBe('Missing variable "email" (in partial "card", line 2, column 8)');
  });
});
