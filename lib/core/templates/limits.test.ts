import { failure } from "@/lib/testing/app-error";
import { describe, expect, it } from "vitest";
import { TEMPLATE_LIMITS, describeChars } from "./limits";
import { analyseTemplate } from "./parse-template";
import { renderTemplate } from "./render-template";

const MiB = 1_048_576;
const noPartials = async () => null;


const nested = (depth: number) => `${"{{#a}}".repeat(depth)}x${"{{/a}}".repeat(depth)}`;

describe("limits", () => {
  it("has the documented values", () => {
    expect(TEMPLATE_LIMITS).toMatchObject({ maxTemplateChars: MiB, maxSectionDepth: 50, maxOutputChars: 5 * MiB, maxPartialDepth: 10, maxPartials: 100 });
    expect(describeChars(MiB)).toBe("1,048,576 characters (1 MiB)");
  });

  it("analyses a template of exactly 1 MiB and refuses one character more", () => {
    const template = `{{greeting}} ${"a".repeat(MiB - 13)}`;
    expect(template.length).toBe(MiB);
    expect(analyseTemplate(template)).toMatchObject({ variables: ["greeting"], issues: [] });
    expect(analyseTemplate(`${template}b`).issues).toEqual([
      { message: "Template is too large: 1,048,577 characters (limit: 1,048,576 characters (1 MiB)).", line: 1, column: 1, endLine: 1, endColumn: 1 },
    ]);
  });

  it("refuses to render a template over 1 MiB", async () => {
    const error = await failure(renderTemplate({ template: "x".repeat(MiB + 1), variables: {}, loadPartial: noPartials }));
    expect(error.code).toBe("bad_request:template");
    expect(error.message).toBe("Template is too large: 1,048,577 characters (limit: 1,048,576 characters (1 MiB)).");
    expect(error.details).toMatchObject({ size: MiB + 1, limit: MiB });
  });

  it("allows sections nested 50 deep and refuses the 51st level at its tag", async () => {
    expect(await renderTemplate({ template: nested(50), variables: { a: true }, loadPartial: noPartials })).toBe("x");
    expect(analyseTemplate(nested(51)).issues).toEqual([
      { message: "Sections are nested more than 50 levels deep (limit: 50).", line: 1, column: 301, endLine: 1, endColumn: 307 },
    ]);
    const error = await failure(renderTemplate({ template: nested(5_000), variables: { a: true }, loadPartial: noPartials }));
    expect(error.message).toBe("Sections are nested more than 50 levels deep (limit: 50) (line 1, column 301)");
  });

  it("allows exactly 5 MiB of output and refuses more", async () => {
    const chunk = "y".repeat(MiB);
    const template = "{{#rows}}{{text}}{{/rows}}";
    const rows = (count: number) => Array.from({ length: count }, () => ({ text: chunk }));
    expect(await renderTemplate({ template, variables: { rows: rows(5) }, loadPartial: noPartials })).toHaveLength(5 * MiB);
    const error = await failure(renderTemplate({ template: `${template}!`, variables: { rows: rows(5) }, loadPartial: noPartials }));
    expect(error.message).toBe(
      "Rendered output is larger than the limit of 5,242,880 characters (5 MiB). A section probably repeats over a very long list.",
    );
  });

  it("stops nested sections whose output explodes", async () => {
    const items = Array.from({ length: 1_000 }, (_, index) => index);
    const template = `{{#items}}{{#items}}{{#items}}{{#items}}${"z".repeat(100)}{{/items}}{{/items}}{{/items}}{{/items}}`;
    const error = await failure(renderTemplate({ template, variables: { items }, loadPartial: noPartials }));
    expect(error.details).toMatchObject({ limit: 5 * MiB });
  });

  it("stops nested loops that write nothing but would run for minutes", async () => {
    const items = Array.from({ length: 1_000 }, (_, index) => index);
    const template = "{{#items}}{{#items}}{{#items}}{{/items}}{{/items}}{{/items}}";
    const error = await failure(renderTemplate({ template, variables: { items }, loadPartial: noPartials }));
    expect(error.message).toBe("Rendering needs more than the limit of 5,000,000 steps. Sections probably loop over very long or nested lists.");
  });

  it("refuses a partial over 1 MiB and partials that are too large together", async () => {
    const big = async () => "p".repeat(MiB + 1);
    const single = await failure(renderTemplate({ template: "{{> big}}", variables: {}, loadPartial: big }));
    expect(single.message).toBe('Partial "big" is too large: 1,048,577 characters (limit: 1,048,576 characters (1 MiB)) (line 1, column 1)');

    const full = async () => "p".repeat(MiB);
    const together = await failure(renderTemplate({ template: "{{> a}}{{> b}}{{> c}}{{> d}}", variables: {}, loadPartial: full }));
    expect(together.message).toMatch(/^The template and its partials are too large together: 4,194,332 characters \(limit: 4,194,304 characters \(4 MiB\)\) \(line 1, column 22\)$/);
  });
});
