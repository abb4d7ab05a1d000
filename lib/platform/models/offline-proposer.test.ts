import { describe, expect, it } from "vitest";
import { checkCandidate } from "@/lib/optimizer";
import { OfflineModel } from "./offline-model";
import { OFFLINE_PROPOSER_MARKER, PROPOSER_OPERATORS, applyOperator, offlineProposerReply } from "./offline-proposer";

const prompt = "{{> house-style}}\nClassify this ticket. Be accurate.\n{{ticket}}";
const request = (count = 4, extra = "") =>
  [
    OFFLINE_PROPOSER_MARKER,
    `<prompt>${prompt}</prompt>`,
    "<failure><expected>billing</expected><output>This looks like a bug ticket to me.</output></failure>",
    "<failure><expected>praise</expected><output>bug</output></failure>",
    "<failure><expected>bug</expected><output>billing</output></failure>",
    `<count>${count}</count>`,
    extra,
  ].join("\n");
const candidates = (reply: string) => [...reply.matchAll(/<candidate>([\s\S]*?)<\/candidate>/g)].map((match) => match[1]!);

describe("the offline proposer", () => {
  it("answers only its own prompt", () => {
    expect(offlineProposerReply("Summarise this ticket.")).toBeNull();
    expect(offlineProposerReply(request())).not.toBeNull();
  });

  it("writes the requested number of distinct candidates, the same for the same request", () => {
    const first = candidates(offlineProposerReply(request(3))!);
    expect(first).toHaveLength(3);
    expect(new Set(first).size).toBe(3);
    expect(candidates(offlineProposerReply(request(3))!)).toEqual(first);
    expect(candidates(offlineProposerReply(request(8))!)).toHaveLength(PROPOSER_OPERATORS.length);
  });

  it("keeps every variable and partial, so each candidate passes the optimizer's check", () => {
    for (const candidate of candidates(offlineProposerReply(request(8))!)) {
      expect(checkCandidate({ baseline: { template: prompt, messages: null }, candidate: { template: candidate, messages: null }, datasetVariables: ["ticket"] })).toEqual({ ok: true });
    }
  });

  it("applies each operator as documented, and skips one with nothing to do", () => {
    expect(applyOperator(prompt, "labels", ["billing", "bug", "praise"])).toBe(`${prompt}\nAnswer with exactly one of: billing, bug, praise.`);
    expect(applyOperator("Label it billing, bug or praise. {{ticket}}", "labels", ["billing", "bug", "praise"])).toBeNull();
    expect(applyOperator(prompt, "form", [])).toBe(`${prompt}\nAnswer with the label only, nothing else.`);
    expect(applyOperator(prompt, "role", [])).toBe(`You are a careful support triage assistant.\n${prompt}`);
    expect(applyOperator(prompt, "trim", [])).toBe("{{> house-style}}\nClassify this ticket.\n{{ticket}}");
    expect(applyOperator("Be brief. Classify {{ticket}}.", "trim", [])).toBe("Classify {{ticket}}.");
    expect(applyOperator("{{ticket}}", "trim", [])).toBeNull();
  });

  it("answers a hostile prompt in linear time: a MiB of unclosed tags, or thousands of distinct labels", () => {
    const unclosed = `${OFFLINE_PROPOSER_MARKER}\n<prompt>{{ticket}}</prompt>\n${"<expected>".repeat(100_000)}`;
    let started = performance.now();
    expect(candidates(offlineProposerReply(unclosed)!).length).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(1_000);
    const labels = Array.from({ length: 20_000 }, (_, i) => `<failure><expected>label${i}</expected></failure>`).join("");
    started = performance.now();
    const reply = offlineProposerReply(`${OFFLINE_PROPOSER_MARKER}\n<prompt>${"Classify this ticket. ".repeat(20_000)}{{ticket}}</prompt>${labels}<count>8</count>`)!;
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(reply).toContain("Answer with exactly one of: label0, label1, label10,");
  });

  it("is what the offline demo model answers to the proposer's prompt", async () => {
    const result = await new OfflineModel({ chunkDelayMs: 0 }).doGenerate({ prompt: [{ role: "user", content: [{ type: "text", text: request(2) }] }] });
    const text = result.content.flatMap((part) => (part.type === "text" ? [part.text] : [])).join("");
    expect(candidates(text)).toHaveLength(2);
  });
});
