import { describe, expect, it } from "vitest";
import { analyseTemplate } from "./parse-template";

const issuesOf = (source: string) => analyseTemplate(source).issues;

describe("analyseTemplate: what a template uses", () => {
  it("lists variables once, in order of first appearance, including section names and names used inside sections", () => {
    const source = "Hi {{name}}, {{#orders}}{{id}}: {{name}}{{/orders}}{{^orders}}none{{/orders}} {{{raw}}} {{& amp}} {{ spaced }}";
    expect(analyseTemplate(source).variables).toEqual(["name", "orders", "id", "raw", "amp", "spaced"]);
  });

  it("uses the top-level name of dotted paths and keeps sections as written", () => {
    const analysis = analyseTemplate("{{customer.name}} {{#customer.orders}}{{.}}{{/customer.orders}} {{^vip}}x{{/vip}}");
    expect(analysis.variables).toEqual(["customer", "vip"]);
    expect(analysis.sections).toEqual(["customer.orders", "vip"]);
  });

  it("ignores comments and does not count partial names as variables", () => {
    const analysis = analyseTemplate("{{! {{secret}} is not used }}{{> support/greeting}} {{> shared/footer@production}} {{> tone@3}}");
    expect(analysis.variables).toEqual([]);
    expect(analysis.partials).toEqual([
      { name: "support/greeting", label: null, line: 1, column: 30, endLine: 1, endColumn: 52, inSection: false },
      { name: "shared/footer", label: "production", line: 1, column: 53, endLine: 1, endColumn: 83, inSection: false },
      { name: "tone", label: "3", line: 1, column: 84, endLine: 1, endColumn: 96, inSection: false },
    ]);
    expect(analysis.issues).toEqual([]);
  });

  it("places partial tags on later lines and accepts names with '.', '_', '-' and digits", () => {
    const analysis = analyseTemplate("line one\n  {{>team_2/v1.2-draft}}\n{{ > x@staging-eu }}");
    expect(analysis.partials).toEqual([
      { name: "team_2/v1.2-draft", label: null, line: 2, column: 3, endLine: 2, endColumn: 25, inSection: false },
      { name: "x", label: "staging-eu", line: 3, column: 1, endLine: 3, endColumn: 21, inSection: false },
    ]);
  });

  it("tells the variables every render needs from those only sections use, and partials inside sections", () => {
    const analysis = analyseTemplate("{{name}} {{{raw}}} {{& amp}} {{customer.email}} {{#items}}{{title}} {{> row}}{{/items}}{{^none}}{{fallback}}{{/none}} {{> tail}}");
    expect(analysis.variables).toEqual(["name", "raw", "amp", "customer", "items", "title", "none", "fallback"]);
    expect(analysis.requiredVariables).toEqual(["name", "raw", "amp", "customer"]);
    expect(analysis.partials.map((p) => [p.name, p.inSection])).toEqual([
      ["row", true],
      ["tail", false],
    ]);
  });

  it("reports a valid template with no issues", () => {
    expect(issuesOf("Dear {{name}},\n{{#items}}\n- {{title}}\n{{/items}}\n{{^items}}Nothing.{{/items}}")).toEqual([]);
  });
});

describe("analyseTemplate: malformed templates", () => {
  it.each([
    {
      behaviour: "reports an unclosed section at its opening tag",
      source: "Hello\n  {{#items}}\n- {{title}}\n",
      issue: { message: 'Unclosed section "items": add {{/items}}.', line: 2, column: 3, endLine: 2, endColumn: 13 },
    },
    {
      behaviour: "reports a closing tag without an opening one",
      source: "a\nb {{/items}}",
      issue: { message: "Closing tag {{/items}} has no matching {{#items}}.", line: 2, column: 3, endLine: 2, endColumn: 13 },
    },
    {
      behaviour: "reports a mismatched closing tag once, at the closing tag",
      source: "{{#a}}\n\n x {{/b}} y",
      issue: { message: 'Closing tag {{/b}} does not match the open section "a".', line: 3, column: 4, endLine: 3, endColumn: 10 },
    },
    {
      behaviour: "reports sections left open inside a section that is closed",
      source: "{{#outer}}\n{{#inner}}\n{{/outer}}",
      issue: { message: 'Unclosed section "inner": add {{/inner}}.', line: 2, column: 1, endLine: 2, endColumn: 11 },
    },
    {
      behaviour: "reports an unclosed tag from its braces to the end of its line",
      source: "Hi {{name}}\nand {{other\nmore text",
      issue: { message: 'Unclosed tag: "{{" has no matching "}}".', line: 2, column: 5, endLine: 2, endColumn: 12 },
    },
    {
      behaviour: "reports an unclosed triple mustache",
      source: "x {{{raw}}",
      issue: { message: 'Unclosed tag: "{{" has no matching "}}".', line: 1, column: 3, endLine: 1, endColumn: 11 },
    },
  ])("$behaviour", ({ source, issue }) => {
    expect(issuesOf(source)).toEqual([issue]);
  });

  it("reports empty tags", () => {
    expect(issuesOf("a {{}}\n{{ }}")).toEqual([
      { message: "Empty variable tag: write a name between the braces.", line: 1, column: 3, endLine: 1, endColumn: 7 },
      { message: "Empty variable tag: write a name between the braces.", line: 2, column: 1, endLine: 2, endColumn: 6 },
    ]);
    expect(issuesOf("{{>}}").map((issue) => issue.message)).toEqual(["Empty partial tag: write a prompt name, e.g. {{> support/greeting}}."]);
  });

  it("reports invalid partial names and invalid variable names", () => {
    expect(issuesOf("x\n{{> support//a}}")).toEqual([
      {
        message: 'Invalid partial name "support//a": use a prompt name such as support/greeting, optionally with @label or @version.',
        line: 2,
        column: 1,
        endLine: 2,
        endColumn: 17,
      },
    ]);
    expect(issuesOf("{{> a@}}")[0]?.message).toMatch(/^Invalid partial name "a@"/);
    expect(issuesOf("{{> /a}}")[0]?.message).toMatch(/^Invalid partial name "\/a"/);
    expect(issuesOf("{{first name}}")[0]).toMatchObject({ message: expect.stringMatching(/^Invalid variable name "first name"/), line: 1, column: 1 });
  });

  it("reports changing delimiters as unsupported", () => {
    expect(issuesOf("{{=<% %>=}}")[0]?.message).toBe("Changing delimiters ({{=<% %>=}}) is not supported.");
  });

  it("lists several issues in document order", () => {
    const issues = issuesOf("{{/x}}\n{{#open}}\n{{}}");
    expect(issues.map(({ line, column }) => [line, column])).toEqual([
      [1, 1],
      [2, 1],
      [3, 1],
    ]);
  });

  it("still reports the variables of the valid tags of a broken template", () => {
    const analysis = analyseTemplate("{{name}} {{#list}}{{item}}");
    expect(analysis.variables).toEqual(["name", "list", "item"]);
    expect(analysis.issues).toHaveLength(1);
  });

  it("counts columns in UTF-16 code units, like the editor", () => {
    expect(issuesOf("é😀 {{/x}}")[0]).toMatchObject({ line: 1, column: 5 });
  });

  it("never throws, even for input that makes mustache's own parser backtrack for minutes", () => {
    const hostile = `{{a${" ".repeat(200_000)}`;
    expect(issuesOf(hostile)).toEqual([{ message: 'Unclosed tag: "{{" has no matching "}}".', line: 1, column: 1, endLine: 1, endColumn: 200_004 }]);
    expect(issuesOf(`{{a${" ".repeat(200_000)}b}}`)[0]?.message).toMatch(/^Invalid variable name/);
  });
});
