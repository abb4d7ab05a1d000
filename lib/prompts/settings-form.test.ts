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
      guard: { deniedTopics: ["competitor pricing", "politics"], words: ["refund"], pii: "mask" as const, maxInputChars: 4000 },
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

  it("reads the guard policy one entry per line, and bounds it as the server does", () => {
    const form = { ...toSettingsForm({}), guardDeniedTopics: "  politics \n\n weather ", guardWords: "refund\n", guardPii: "block" as const };
    expect(fromSettingsForm(form)).toEqual({ config: { guard: { deniedTopics: ["politics", "weather"], words: ["refund"], pii: "block" } }, errors: {} });
    const hostile = {
      ...toSettingsForm({}),
      guardDeniedTopics: "x".repeat(201),
      guardWords: Array.from({ length: 501 }, (_, i) => `w${i}`).join("\n"),
      guardMaxInputChars: "0",
    };
    expect(fromSettingsForm(hostile).errors).toEqual({
      guardDeniedTopics: "A denied topic is at most 200 characters.",
      guardWords: "At most 500 listed words.",
      guardMaxInputChars: "Enter a whole number from 1 to 1,000,000.",
    });
  });
});
