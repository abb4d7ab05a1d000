import Mustache from "mustache";
import { describe, expect, it } from "vitest";
import { scanTags, type TagKind } from "./scan-tags";

type MustacheToken = [string, string, number, number, unknown?];

/** Mustache's own tags (not text, not closing tags, which it folds into sections) as [symbol, value, start, end]. */
function mustacheTags(template: string): [string, string, number, number][] {
  const flat: [string, string, number, number][] = [];
  const walk = (tokens: MustacheToken[]) => {
    for (const [symbol, value, start, end, children] of tokens) {
      if (symbol === "text") continue;
      flat.push([symbol, value, start, end]);
      if (symbol === "#" || symbol === "^") walk(children as MustacheToken[]);
    }
  };
  walk(new Mustache.Writer().parse(template) as MustacheToken[]);
  return flat;
}

const symbolOf: Record<TagKind, string> = { variable: "name", raw: "&", section: "#", inverted: "^", close: "/", comment: "!", partial: ">", delimiters: "=" };

describe("scanTags", () => {
  it.each([
    "Hi {{name}}!",
    "{{ spaced }} {{{ triple }}} {{& amp}} {{!  a comment }} {{> p@1}}",
    "{{#list}}\n  {{.}}\n{{/list}}{{^empty}}none{{/empty}}",
    "{{\n#multi\n}}x{{/multi}}",
    "{{{a}}}} {{ {b} }}}",
  ])("finds the tags mustache finds in %j", (template) => {
    const ours = scanTags(template)
      .tags.filter((tag) => tag.kind !== "close")
      .map((tag): [string, string, number, number] => [symbolOf[tag.kind], tag.value, tag.start, tag.end]);
    const theirs = mustacheTags(template).map(([symbol, value, start, end]): [string, string, number, number] => [symbol, symbol === "!" ? value.trim() : value, start, end]);
    expect(ours).toEqual(theirs);
  });

  it("stops at an unclosed tag and says where it opens", () => {
    expect(scanTags("a {{b}} c {{d")).toMatchObject({ unclosedAt: 10, tags: [{ kind: "variable", value: "b", start: 2, end: 7 }] });
  });
});
