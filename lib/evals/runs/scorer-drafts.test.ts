import { describe, expect, it } from "vitest";
import { scorerConfigsSchema } from "../scorers/config";
import { draftsToConfigs, newDraft, toDraft } from "./scorer-drafts";

describe("scorer drafts", () => {
  it("round-trips a dataset's default scorers through the builder", () => {
    const defaults = [
      { key: "contains-1", type: "contains", label: 'contains "refund"', params: { value: "refund" } },
      { key: "regex-1", type: "regex", label: "order id", params: { pattern: "#\\d+", flags: "i" } },
      { key: "contains-any-1", type: "contains-any", label: "any", params: { values: ["a", "b"], ignoreCase: true } },
      { key: "json-schema-1", type: "json-schema", label: "schema", params: { schema: { type: "object" } }, threshold: 0.5 },
    ];
    const result = draftsToConfigs(defaults.map(toDraft));
    expect(result).toEqual({ configs: defaults });
    expect(scorerConfigsSchema.safeParse("configs" in result ? result.configs : []).success).toBe(true);
  });

  it("builds keys and labels for new scorers and refuses bad JSON or thresholds", () => {
    const a = { ...newDraft("contains"), text: "hello" };
    const b = { ...newDraft("contains"), text: "world", threshold: "0.5" };
    expect(draftsToConfigs([a, b])).toEqual({
      configs: [
        { key: "contains-1", type: "contains", label: 'contains "hello"', params: { value: "hello" } },
        { key: "contains-2", type: "contains", label: 'contains "world"', params: { value: "world" }, threshold: 0.5 },
      ],
    });
    expect(draftsToConfigs([{ ...newDraft("is-json"), text: "{nope" }])).toEqual({ error: "Scorer 1: the parameters are not valid JSON." });
    expect(draftsToConfigs([{ ...a, threshold: "2" }])).toEqual({ error: "Scorer 1: the threshold must be between 0 and 1." });
    expect(draftsToConfigs([newDraft("equals")])).toEqual({ configs: [{ key: "equals-1", type: "equals", label: "equals", params: {} }] });
    expect(draftsToConfigs([a, { ...newDraft("regex"), text: "^(?!Sorry)" }])).toEqual({
      error: "Scorer 2: Lookahead ((?=…), (?!…)) is not supported: patterns use RE2 syntax, which runs in linear time.",
    });
  });
});
