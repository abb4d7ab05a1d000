import { describe, expect, it } from "vitest";
import { OFFLINE_JUDGE_MARKER, offlineJudgeReply } from "./offline-judge";

describe("offline judge", () => {
  it("scores the share of rubric words found in the output", () => {
    const prompt = `${OFFLINE_JUDGE_MARKER}\n<rubric>\nMentions the refund policy\n</rubric>\n<output>\nOur refund policy is 30 days.\n</output>`;
    expect(JSON.parse(offlineJudgeReply(prompt)!)).toMatchObject({ pass: true, score: 0.67 });
  });

  it("reads a prompt of 100,000 unclosed tags in linear time (a lazy RegExp took about 80 s)", () => {
    const hostile = `${OFFLINE_JUDGE_MARKER}\n${"<rubric>".repeat(100_000)}`;
    expect(JSON.parse(offlineJudgeReply(hostile)!)).toMatchObject({ pass: false, score: 0 });
  });
});
