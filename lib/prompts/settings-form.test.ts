import { describe, expect, it } from "vitest";
import { fromSettingsForm, toSettingsForm } from "./settings-form";

describe("model settings form", () => {
  it("round-trips a full configuration", () => {
    const config = {
      model: "openai:gpt-4o",
      temperature: 0.2,
      maxOutputTokens: 300,
      topP: 0.9,
      stopSequences: ["END", "\n\n"],
      responseFormat: { type: "json" as const, schema: { type: "object", properties: { label: { type: "string" } } } },
      tools: [{ name: "lookup", parameters: { type: "object" } }],
    };
    expect(fromSettingsForm(toSettingsForm(config))).toEqual({ config, errors: {} });
  });

  it("leaves empty fields unset", () => {
    expect(fromSettingsForm(toSettingsForm({}))).toEqual({ config: {}, errors: {} });
  });

  it("reports each bad field with a sentence", () => {
    const form = { ...toSettingsForm({}), temperature: "3", maxOutputTokens: "1.5", topP: "x", responseFormat: "json" as const, jsonSchema: "{", tools: '{"a":1}' };
    const { errors } = fromSettingsForm(form);
    expect(errors).toEqual({
      temperature: "Enter a value from 0 to 2.",
      maxOutputTokens: "Enter a whole number.",
      topP: "Enter a number.",
      jsonSchema: expect.stringMatching(/^Not valid JSON/),
      tools: "Enter a JSON array.",
    });
  });
});
