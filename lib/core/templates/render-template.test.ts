import { failure } from "@/lib/testing/app-error";
import { describe, expect, it } from "vitest";
import { renderTemplate } from "./render-template";

const noPartials = async () => null;
const render = (template: string, variables: Record<string, unknown> = {}, lenient = false) =>
  renderTemplate({ template, variables, loadPartial: noPartials, lenient });


describe("renderTemplate: mustache semantics for prompts", () => {
  it("never HTML-escapes, whichever interpolation form is used", async () => {
    const value = `<b>"Tom" & 'Jerry'</b> = a/b \`x\``;
    expect(await render("{{v}}|{{{v}}}|{{& v}}", { v: value })).toBe(`${value}|${value}|${value}`);
  });

  it("interpolates dotted paths, numbers and booleans", async () => {
    expect(await render("{{customer.name}} has {{count}} items: {{vip}}", { customer: { name: "Ada" }, count: 3, vip: false })).toBe(
      "Ada has 3 items: false",
    );
  });

  it("repeats sections over lists, enters objects, and shows truthy sections once", async () => {
    const template = "{{#items}}- {{title}} ({{owner.name}})\n{{/items}}{{#user}}Hi {{name}}{{/user}}{{#flag}}!{{/flag}}";
    const variables = { items: [{ title: "A", owner: { name: "x" } }, { title: "B", owner: { name: "y" } }], user: { name: "Bo" }, flag: true };
    expect(await render(template, variables)).toBe("- A (x)\n- B (y)\nHi Bo!");
  });

  it("iterates plain lists with {{.}}", async () => {
    expect(await render("{{#tags}}[{{.}}]{{/tags}}", { tags: ["a", "b"] })).toBe("[a][b]");
  });

  it("renders inverted sections for absent, false and empty values", async () => {
    const template = "{{^items}}no items{{/items}}";
    expect(await render(template, { items: [] })).toBe("no items");
    expect(await render(template, { items: false })).toBe("no items");
    expect(await render(template, {})).toBe("no items");
    expect(await render(template, { items: [1] })).toBe("");
  });

  it("treats a section over an absent key as false, not as a missing variable", async () => {
    expect(await render("a{{#missing}}{{inside}}{{/missing}}b")).toBe("ab");
  });

  it("drops comments and standalone tag lines like mustache", async () => {
    expect(await render("{{! a note\nspanning lines }}Hello\n{{#show}}\nshown\n{{/show}}\nend", { show: true })).toBe("Hello\nshown\nend");
  });

  it("renders null as empty text without calling it missing", async () => {
    expect(await render("[{{maybe}}]", { maybe: null })).toBe("[]");
  });
});

describe("renderTemplate: missing variables", () => {
  it("names a missing variable with its line and column", async () => {
    const error = await failure(render("Hello,\n    {{customer_name}}!", {}));
    expect(error.code).toBe("bad_request:template");
    expect(error.message).toBe('Missing variable "customer_name" (line 2, column 5)');
    expect(error.details).toMatchObject({ variable: "customer_name", line: 2, column: 5, inPartial: null });
  });

  it("lists every missing variable once, even when a loop reaches it many times", async () => {
    const error = await failure(render("{{a}}\n{{#rows}}{{b}}{{/rows}} {{a}}", { rows: [1, 2, 3] }));
    expect(error.message).toBe('Missing variables "a" (line 1, column 1), "b" (line 2, column 10) and "a" (line 2, column 25)');
    expect(error.details?.missing).toEqual([
      { variable: "a", line: 1, column: 1, inPartial: null },
      { variable: "b", line: 2, column: 10, inPartial: null },
      { variable: "a", line: 2, column: 25, inPartial: null },
    ]);
  });

  it("treats a dotted path that resolves to nothing as missing", async () => {
    const error = await failure(render("{{customer.email}}", { customer: { name: "Ada" } }));
    expect(error.details).toMatchObject({ variable: "customer.email", line: 1, column: 1 });
  });

  it("resolves names inside a section from the item first, then from the top level", async () => {
    expect(await render("{{#items}}{{name}} for {{company}};{{/items}}", { items: [{ name: "A" }, { name: "B" }], company: "Acme" })).toBe(
      "A for Acme;B for Acme;",
    );
  });

  it("does not expose Object's prototype as variables", async () => {
    const error = await failure(render("{{constructor}} {{toString}}"));
    expect(error.message).toMatch(/^Missing variables "constructor" .* and "toString"/);
  });

  it("renders missing variables as empty text when lenient", async () => {
    expect(await render("Hi {{name}}, {{customer.email}}!", {}, true)).toBe("Hi , !");
  });
});

describe("renderTemplate: syntax errors", () => {
  it("refuses a malformed template with the position of the first problem and counts the others", async () => {
    const error = await failure(render("ok\n{{#items}}\n{{/item}}\n{{#x}}"));
    expect(error.message).toBe('Closing tag {{/item}} does not match the open section "items" (line 3, column 1)');
    expect(error.details).toMatchObject({ line: 3, column: 1, endLine: 3, endColumn: 10, issueCount: 2 });
  });

  it("refuses an unclosed tag without handing it to mustache, whose parser would backtrack for minutes", async () => {
    const error = await failure(render(`Hi\n{{name${" ".repeat(300_000)}`));
    expect(error.message).toBe('Unclosed tag: "{{" has no matching "}}" (line 2, column 1)');
  });

  it("renders comments holding long runs of spaces, which mustache's scanner would backtrack over", async () => {
    expect(await render(`a{{! ${" ".repeat(300_000)}x }}b`)).toBe("ab");
  });
});

describe("renderTemplate: size", () => {
  it("renders a template of exactly 1 MiB", async () => {
    const line = "Dear {{name}}, here is line text for the model.\n";
    const body = line.repeat(Math.floor(1_048_576 / line.length));
    const template = body + "x".repeat(1_048_576 - body.length);
    expect(template.length).toBe(1_048_576);
    const output = await render(template, { name: "Ada" });
    expect(output.startsWith("Dear Ada, here is line text")).toBe(true);
    expect(output.length).toBe(template.length - (("{{name}}".length - "Ada".length) * Math.floor(1_048_576 / line.length)));
  });
});
