import { describe, expect, it } from "vitest";
import { mergeDraftVariables, partialIssues } from "./draft-variables";
import { analyseTemplate } from "./parse-template";

describe("mergeDraftVariables", () => {
  it("lists the draft's own names as typed now, then the partials' variables the server found", () => {
    const known = [
      { name: "brand", inTemplate: true, partials: [], required: true },
      { name: "removed", inTemplate: true, partials: [], required: true },
      { name: "audience", inTemplate: true, partials: ["tagline@production"], required: true },
      { name: "product", inTemplate: false, partials: ["tagline@production"], required: true },
    ];
    expect(mergeDraftVariables(["typed", "brand"], known)).toEqual([
      { name: "typed", inTemplate: true, partials: [], required: false },
      { name: "brand", inTemplate: true, partials: [], required: true },
      { name: "audience", inTemplate: false, partials: ["tagline@production"], required: true },
      { name: "product", inTemplate: false, partials: ["tagline@production"], required: true },
    ]);
  });
});

describe("partialIssues", () => {
  it("underlines every current tag of a partial with a problem, wherever it has moved", () => {
    const problems = [{ partial: "nope@production", templateIndex: 0, where: null, line: 1, column: 1, message: "Unknown partial" }];
    const analysis = analyseTemplate("Moved down\n  {{> nope@production}} and {{> ok}} {{>nope@production}}");
    expect(partialIssues({ analysis, problems })).toEqual([
      { message: "Unknown partial", line: 2, column: 3, endLine: 2, endColumn: 24 },
      { message: "Unknown partial", line: 2, column: 38, endLine: 2, endColumn: 58 },
    ]);
    expect(partialIssues({ analysis, problems, templateIndex: 1 })).toEqual([]);
  });
});
