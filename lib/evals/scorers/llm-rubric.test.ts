// The LLM judge end to end: a managed judge prompt, rendered and sent over real HTTP to the fixture server (its
// echo model replies "Echo: <prompt>", so the judge's template decides what the "judge" says), and the offline model.
import { describe, expect, it } from "vitest";
import { setUpFixtureLlmServer } from "@/lib/testing/fixture-llm";
import type { ScorerConfig } from "@/db/schema";
import { createPrompt, saveVersion } from "@/lib/prompts/manage-prompts";
import { makeEvalWorkspace } from "@/lib/testing/eval-runs";
import { DEFAULT_JUDGE_PROMPT, ensureDefaultJudgePrompt } from "./judge-prompt";
import { runScorer } from "./registry";

const server = setUpFixtureLlmServer({ latencyMs: 5 });

async function judgeWith(ws: Awaited<ReturnType<typeof makeEvalWorkspace>>, name: string, template: string, model = "fx:echo") {
  const { id } = await createPrompt(ws.editor, { name, type: "text", description: "", tags: [] });
  await saveVersion(ws.editor, { promptId: id, body: { type: "text", template }, modelConfig: { model }, commitMessage: "judge", expectedParentVersion: null });
}

const rubric = (promptName: string, extra: Record<string, unknown> = {}): ScorerConfig => ({ key: "judge", type: "llm-rubric", label: "Judge", params: { promptName, ...extra } });
const context = (workspaceId: string, output: string) => ({ workspaceId, output, expected: "A refund", variables: { customer: "Ana" }, renderedInput: "Help Ana", latencyMs: 1, costUsd: 0 });

describe("llm-rubric", () => {
  it("renders the judge prompt with the case and parses a prose-wrapped JSON verdict", async () => {
    const ws = await makeEvalWorkspace({ fixtureUrl: server.url });
    await judgeWith(ws, "judges/echo", '{"pass": true, "score": 0.9, "reason": "{{customer}} got {{output}}"}');
    const verdict = await runScorer(rubric("judges/echo"), context(ws.workspace.id, "a refund"));
    expect(verdict).toMatchObject({ passed: true, score: 0.9 });
    expect(verdict.reason).toBe("Ana got a refund (judge: judges/echo v1 on fx:echo)");
  });

  it("an unreadable judge reply is an error verdict quoting it", async () => {
    const ws = await makeEvalWorkspace({ fixtureUrl: server.url });
    await judgeWith(ws, "judges/vague", "Hard to say about {{output}}.");
    const verdict = await runScorer(rubric("judges/vague"), context(ws.workspace.id, "x"));
    expect(verdict).toMatchObject({ passed: false, error: true, score: null });
    expect(verdict.reason).toContain('"Echo: Hard to say about x."');
  });

  it("a failing judge model (HTTP 500) is an error verdict, and the scorer's model overrides the judge's", async () => {
    const ws = await makeEvalWorkspace({ fixtureUrl: server.url });
    await judgeWith(ws, "judges/ok", '{"pass": true}');
    const verdict = await runScorer(rubric("judges/ok", { modelId: "fx:fail-500" }), context(ws.workspace.id, "x"));
    expect(verdict).toMatchObject({ passed: false, error: true });
    expect(verdict.reason).toMatch(/^Judge: /);
  });

  it("an unknown judge prompt is an error verdict naming it", async () => {
    const ws = await makeEvalWorkspace({ fixtureUrl: server.url });
    const verdict = await runScorer(rubric("judges/missing"), context(ws.workspace.id, "x"));
    expect(verdict).toMatchObject({ passed: false, error: true });
    expect(verdict.reason).toContain('No prompt named "judges/missing"');
  });

  it("the default judge prompt is created once and the offline model grades with it deterministically", async () => {
    const ws = await makeEvalWorkspace({ fixtureUrl: server.url });
    expect(await ensureDefaultJudgePrompt(ws.editor)).toEqual({ created: true });
    expect(await ensureDefaultJudgePrompt(ws.editor)).toEqual({ created: false });
    const config = rubric(DEFAULT_JUDGE_PROMPT, { rubric: "Gives the refund date and an apology." });
    const good = await runScorer(config, context(ws.workspace.id, "Our apology: your refund date is Friday, and it gives you the money back."));
    expect(good).toMatchObject({ passed: true, score: 1 });
    // The case's expected output ("A refund") is what the offline judge compares with first.
    expect(good.reason).toContain("Offline judge (word overlap, not a language model): key terms of the expected output: 1 of 1 (refund). Passes");
    const bad = await runScorer(config, context(ws.workspace.id, "Hello."));
    expect(bad).toMatchObject({ passed: false, score: 0 });
  });
});
