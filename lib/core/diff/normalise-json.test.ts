import { describe, expect, it } from "vitest";
import { normaliseJson } from "./normalise-json";

describe("normaliseJson", () => {
  it("sorts keys at every depth so key order does not matter", () => {
    const a = { temperature: 0.2, model: "m", responseFormat: { type: "json", schema: { b: 1, a: [{ z: 1, y: 2 }] } } };
    const b = { responseFormat: { schema: { a: [{ y: 2, z: 1 }], b: 1 }, type: "json" }, model: "m", temperature: 0.2 };
    expect(normaliseJson(a)).toBe(normaliseJson(b));
  });

  it("pretty-prints with two spaces and keeps array order", () => {
    expect(normaliseJson({ b: [2, 1], a: 1 })).toBe('{\n  "a": 1,\n  "b": [\n    2,\n    1\n  ]\n}');
  });

  it("drops undefined properties like JSON does, and gives an empty string for undefined itself", () => {
    expect(normaliseJson({ a: undefined, b: 1 })).toBe(normaliseJson({ b: 1 }));
    expect(normaliseJson(undefined)).toBe("");
  });
});
