import { failure } from "@/lib/testing/app-error";
import { describe, expect, it } from "vitest";
import { messageNames, renderChat } from "./render-chat";
import type { PartialTarget } from "./partial-ref";


describe("renderChat", () => {
  it("renders every message with the same variables and partials, keeping roles and order", async () => {
    const calls: PartialTarget[] = [];
    const loadPartial = async (ref: PartialTarget) => {
      calls.push(ref);
      return ref.name === "policy" ? "Never share <secrets> of {{company}}." : null;
    };
    const messages = [
      { role: "system" as const, content: "You work for {{company}}. {{> policy}}" },
      { role: "user" as const, content: "{{question}} {{> policy}}" },
    ];
    const rendered = await renderChat({ messages, variables: { company: "Acme & Co", question: "Hi?" }, loadPartial });
    expect(rendered).toEqual([
      { role: "system", content: "You work for Acme & Co. Never share <secrets> of Acme & Co." },
      { role: "user", content: "Hi? Never share <secrets> of Acme & Co." },
    ]);
    expect(calls).toHaveLength(1);
  });

  it("says which message a missing variable is in", async () => {
    const messages = [
      { role: "system" as const, content: "Be {{tone}}." },
      { role: "user" as const, content: "Fine" },
      { role: "user" as const, content: "Hello\n  {{customer_name}}" },
    ];
    const error = await failure(renderChat({ messages, variables: { tone: "kind" }, loadPartial: async () => null }));
    expect(error.message).toBe('User message 2, line 2, column 3: Missing variable "customer_name"');
    expect(error.details).toMatchObject({ variable: "customer_name", line: 2, column: 3, messageIndex: 2, role: "user" });
  });

  it("says which message has a syntax error", async () => {
    const messages = [{ role: "system" as const, content: "{{#rules}}" }];
    const error = await failure(renderChat({ messages, variables: {}, loadPartial: async () => null }));
    expect(error.message).toBe('System message, line 1, column 1: Unclosed section "rules": add {{/rules}}');
    // Found while planning, before any variable is filled: still named with its message.
    const second = await failure(renderChat({ messages: [{ role: "system", content: "ok" }, { role: "user", content: "{{#rules}}" }], variables: {}, loadPartial: async () => null }));
    expect(second.details).toMatchObject({ messageIndex: 1, role: "user" });
  });

  it("renders missing variables as empty text when lenient", async () => {
    const rendered = await renderChat({ messages: [{ role: "user", content: "[{{x}}]" }], variables: {}, loadPartial: async () => null, lenient: true });
    expect(rendered).toEqual([{ role: "user", content: "[]" }]);
  });

  it("shares one output budget across the messages", async () => {
    const chunk = "c".repeat(3 * 1_048_576);
    const messages = [
      { role: "system" as const, content: "{{chunk}}" },
      { role: "user" as const, content: "{{chunk}}" },
    ];
    const error = await failure(renderChat({ messages, variables: { chunk }, loadPartial: async () => null }));
    expect(error.message).toMatch(/^User message: Rendered output is larger than the limit of 5,242,880 characters \(5 MiB\)/);
  });
});

describe("messageNames", () => {
  it("numbers a role only when it appears more than once", () => {
    const names = messageNames([
      { role: "system", content: "" },
      { role: "user", content: "" },
      { role: "assistant", content: "" },
      { role: "user", content: "" },
    ]);
    expect(names).toEqual(["System message", "User message 1", "Assistant message", "User message 2"]);
  });
});
