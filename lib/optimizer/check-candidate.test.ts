import { describe, expect, it } from "vitest";
import { checkCandidate } from "./check-candidate";

const text = (template: string) => ({ template, messages: null });
const chat = (...contents: string[]) => ({ template: null, messages: contents.map((content, i) => ({ role: i === 0 ? ("system" as const) : ("user" as const), content })) });

describe("a candidate prompt", () => {
  const baseline = text("{{> house-style@production}}\nClassify the ticket: {{ticket}}\n{{#customer}}Customer: {{customer}}{{/customer}}");
  const datasetVariables = ["ticket", "customer"];

  it("passes when it keeps the variables the dataset fills and the baseline's partials, however it is reworded", () => {
    const candidate = text("{{> house-style@production}}\nYou label support tickets as billing, bug or praise. Answer with the label only.\nTicket: {{ticket}}\nCustomer: {{customer}}");
    expect(checkCandidate({ baseline, candidate, datasetVariables })).toEqual({ ok: true });
  });

  it("is refused when it drops a variable the dataset fills, naming it", () => {
    const result = checkCandidate({ baseline, candidate: text("{{> house-style@production}} Classify: {{ticket}}"), datasetVariables });
    expect(result).toEqual({ ok: false, reasons: ["It drops {{customer}}, which the dataset fills."] });
  });

  it("is refused when it drops a partial, or includes it under another label", () => {
    const result = checkCandidate({ baseline, candidate: text("{{> house-style}} {{ticket}} {{customer}}"), datasetVariables });
    expect(result).toEqual({ ok: false, reasons: ["It drops {{> house-style@production}}."] });
  });

  it("is refused when it needs a variable the dataset does not fill, or does not parse", () => {
    const needs = checkCandidate({ baseline, candidate: text("{{> house-style@production}} {{ticket}} {{customer}} {{language}}"), datasetVariables });
    expect(needs).toEqual({ ok: false, reasons: ["It needs {{language}}, which the dataset does not fill."] });
    const broken = checkCandidate({ baseline, candidate: text("{{> house-style@production}} {{ticket}} {{#customer}}{{customer}}"), datasetVariables });
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.reasons[0]).toMatch(/^The candidate's template has errors: line 1: /);
  });

  it("ignores a baseline variable the dataset does not fill (an optional section the rewrite may drop)", () => {
    const withOptional = text("{{ticket}} {{#urgent}}Urgent!{{/urgent}}");
    expect(checkCandidate({ baseline: withOptional, candidate: text("Ticket: {{ticket}}"), datasetVariables: ["ticket"] })).toEqual({ ok: true });
  });

  it("keeps chat prompts chat, and checks every message", () => {
    const chatBaseline = chat("You classify tickets.", "{{ticket}}");
    expect(checkCandidate({ baseline: chatBaseline, candidate: chat("Label: billing, bug or praise.", "Ticket: {{ticket}}"), datasetVariables: ["ticket"] })).toEqual({ ok: true });
    expect(checkCandidate({ baseline: chatBaseline, candidate: chat("Label tickets.", "Go."), datasetVariables: ["ticket"] })).toEqual({ ok: false, reasons: ["It drops {{ticket}}, which the dataset fills."] });
    expect(checkCandidate({ baseline: chatBaseline, candidate: text("{{ticket}}"), datasetVariables: ["ticket"] })).toEqual({ ok: false, reasons: ["The candidate must be chat messages, like the baseline."] });
  });
});
