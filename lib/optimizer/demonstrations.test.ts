import { describe, expect, it } from "vitest";
import { usableAsDemonstration, withDemonstrations } from "./demonstrations";

const demo = (id: string, ticket: string, expected: string | null = "bug") => ({ id, variables: { ticket }, expected, stratum: expected });

describe("few-shot demonstrations", () => {
  it("go before the first line that uses a dataset variable in a text template", () => {
    const content = withDemonstrations({ template: "Classify the ticket.\nTicket: {{ticket}}\nAnswer:", messages: null }, [demo("a", "It crashes.")], ["ticket"]);
    expect(content.template).toBe("Classify the ticket.\nExamples:\nInput: It crashes.\nAnswer: bug\n\nTicket: {{ticket}}\nAnswer:");
  });

  it("are user and assistant turns before the last user message of a chat prompt", () => {
    const content = withDemonstrations({ template: null, messages: [{ role: "system", content: "Label tickets." }, { role: "user", content: "{{ticket}}" }] }, [demo("a", "It crashes.")], ["ticket"]);
    expect(content.messages).toEqual([
      { role: "system", content: "Label tickets." },
      { role: "user", content: "It crashes." },
      { role: "assistant", content: "bug" },
      { role: "user", content: "{{ticket}}" },
    ]);
  });

  it("never come from a case whose text holds template tags, or that has no expected output", () => {
    expect(usableAsDemonstration(demo("a", "Use {{secret}} here"))).toBe(false);
    expect(usableAsDemonstration(demo("b", "Fine.", "{{> partial}}"))).toBe(false);
    expect(usableAsDemonstration(demo("c", "Fine.", null))).toBe(false);
    expect(usableAsDemonstration(demo("d", "Fine."))).toBe(true);
  });
});
