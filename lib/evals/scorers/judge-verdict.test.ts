import { describe, expect, it } from "vitest";
import { parseJudgeVerdict } from "./judge-verdict";

describe("parseJudgeVerdict", () => {
  it.each([
    ['{"pass": true, "score": 0.9, "reason": "Polite and correct."}', { passed: true, score: 0.9, reason: "Polite and correct." }],
    ['Here is my verdict:\n```json\n{"passed": false, "score": 0.2, "explanation": "Wrong refund amount."}\n```', { passed: false, score: 0.2, reason: "Wrong refund amount." }],
    ['{"verdict": "PASS", "reason": "ok"}', { passed: true, score: 1 }],
    ['{"result": "fail"}', { passed: false, score: 0, reason: "The judge gave no reason." }],
    ['{"score": 8, "reason": "good"}', { passed: true, score: 0.8 }],
    ['{"score": 2, "reason": "weak"}', { passed: false, score: 0.25 }],
    ['{"score": "7/10"}', { passed: true, score: 0.7 }],
    ['{"rating": 3, "scale": 10}', { passed: false, score: 0.3 }],
    ['{"Score": 0.5}', { passed: true, score: 0.5 }],
    ["PASS - the reply answers the question.", { passed: true, score: 1, reason: "the reply answers the question." }],
    ["**FAIL**: mentions a competitor", { passed: false, score: 0, reason: "mentions a competitor" }],
    ['I think {"note": 1} then {"pass": true, "reason": "second object"}', { passed: true, reason: "second object" }],
  ])("reads %s", (reply, expected) => {
    expect(parseJudgeVerdict(reply)).toMatchObject(expected);
  });

  it("applies the scorer's threshold to a score-only verdict", () => {
    expect(parseJudgeVerdict('{"score": 0.6}', 0.7)).toMatchObject({ passed: false, score: 0.6 });
  });

  it.each([
    "I'm not sure how to grade this.",
    '{"pass": "maybe", "reason": "hmm"}',
    '{"score": 42}',
    '{"score": "high"}',
    "",
    '{"pass": true',
  ])("an unreadable reply is an error verdict, never a pass: %s", (reply) => {
    const verdict = parseJudgeVerdict(reply);
    expect(verdict).toMatchObject({ passed: false, error: true, score: null });
  });

  it("quotes the start of an unreadable reply", () => {
    expect(parseJudgeVerdict("Absolutely wonderful output ".repeat(20)).reason).toMatch(/^The judge's reply has no verdict: "Absolutely wonderful/);
  });
});
