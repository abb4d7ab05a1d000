import { describe, expect, it } from "vitest";
import { extractChatVariables, extractVariables } from "./extract-variables";

describe("extractVariables", () => {
  it("returns unique top-level names in order and skips comments and partials", () => {
    expect(extractVariables("{{b}} {{a.x}} {{b}} {{! {{c}} }} {{> d}} {{#e}}{{f}}{{/e}}")).toEqual(["b", "a", "e", "f"]);
  });

  it("is empty for plain text", () => {
    expect(extractVariables("No variables here, just { braces }.")).toEqual([]);
  });
});

describe("extractChatVariables", () => {
  it("is the union over the messages, in order of first appearance", () => {
    const messages = [
      { role: "system" as const, content: "You help {{company}} customers in {{language}}." },
      { role: "user" as const, content: "{{question}} (asked in {{language}})" },
      { role: "assistant" as const, content: "Noted, {{customer.name}}." },
    ];
    expect(extractChatVariables(messages)).toEqual(["company", "language", "question", "customer"]);
  });
});
