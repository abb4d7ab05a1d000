import { describe, expect, it } from "vitest";
import { checkJsonOutput } from "./check-json-output";

const schema = {
  type: "object",
  properties: { label: { enum: ["bug", "billing", "question"] }, confidence: { type: "number" } },
  required: ["label", "confidence"],
  additionalProperties: false,
};

describe("checking a JSON response", () => {
  it("is not checked when the response format is text", () => {
    expect(checkJsonOutput({ text: "hello", responseFormat: undefined })).toBeNull();
    expect(checkJsonOutput({ text: "hello", responseFormat: { type: "text" } })).toBeNull();
  });

  it("reports text that is not JSON", () => {
    expect(checkJsonOutput({ text: "Sure! {label: bug}", responseFormat: { type: "json", schema } })).toMatchObject({ parses: false, schemaChecked: false });
  });

  it("accepts JSON inside a Markdown code fence and checks it against the schema", () => {
    const check = checkJsonOutput({ text: '```json\n{"label": "bug", "confidence": 0.9}\n```', responseFormat: { type: "json", schema } });
    expect(check).toEqual({ parses: true, parseError: null, schemaChecked: true, violations: [] });
  });

  it("lists every violation with its path", () => {
    const check = checkJsonOutput({ text: '{"label": "feature", "extra": 1}', responseFormat: { type: "json", schema } });
    expect(check?.parses).toBe(true);
    expect(check?.violations).toEqual(
      expect.arrayContaining([
        { path: "/", message: "must have required property 'confidence'" },
        { path: "/", message: "must NOT have additional properties (extra)" },
        { path: "/label", message: "must be equal to one of the allowed values" },
      ]),
    );
  });

  it("only parses when the format has no schema", () => {
    expect(checkJsonOutput({ text: "[1, 2]", responseFormat: { type: "json" } })).toEqual({ parses: true, parseError: null, schemaChecked: false, violations: [] });
  });
});
