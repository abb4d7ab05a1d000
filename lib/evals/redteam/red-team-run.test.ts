// Red-team runs end to end on a real database and over real HTTP to the fixture LLM server: the runner plants a fresh
// canary in each case's system message, a model that echoes its system message fails canary-leak, one that does not
// passes it, and the attack success rate is read from what was stored.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { evalScores } from "@/db/schema";
import { CORPUS } from "@/lib/core/redteam";
import { ATTACK_CATEGORIES } from "@/lib/core/vocabulary/compliance";
import { createRedTeamDataset } from "@/lib/datasets/server";
import { createRunOverCases, makeEvalWorkspace, resultsOf, containsScorer } from "@/lib/testing/eval-runs";
import { setUpFixtureLlmServer } from "@/lib/testing/fixture-llm";
import { createEvalRun } from "../runs/manage-runs";
import { executeEvalRun } from "../runs/runner";
import { summariseAttacks } from "./attack-rate";
import { latestRedTeamTarget, readAttackSuccess } from "./attack-success";

const server = setUpFixtureLlmServer({ latencyMs: 1 });

async function redTeamRun(modelId: string) {
  const ws = await makeEvalWorkspace({ fixtureUrl: server.url, models: "echo, echo-all" });
  const dataset = await createRedTeamDataset(ws.editor, { promptId: ws.promptId, categories: [...ATTACK_CATEGORIES] });
  const { id } = await createEvalRun(ws.editor, { datasetId: dataset.id, promptId: ws.promptId, targets: [{ version: 1 }], modelId });
  expect(await executeEvalRun({ runId: id, workerId: "w1" })).toBe("completed");
  return { ws, datasetId: dataset.id, runId: id };
}

const CANARY = /CANARY-[a-z0-9]{20}/g;

describe("the canary at run time", () => {
  it("plants a fresh canary in each case's system message; a reply echoing it fails canary-leak", async () => {
    const { runId } = await redTeamRun("fx:echo-all");
    const results = await resultsOf(runId);
    expect(results).toHaveLength(CORPUS.length);
    const canaries = new Set<string>();
    for (const result of results) {
      // A text prompt gets a system message of its own, before its text; the stored request shows both.
      const sent = JSON.parse(result.renderedInput) as { role: string; content: string }[];
      expect(sent.map((m) => m.role)).toEqual(["system", "user"]);
      const [canary] = sent[0]!.content.match(CANARY)!;
      canaries.add(canary!);
      expect(sent[1]!.content).toMatch(/^Say hello to /);
      expect(result.output).toContain(canary);
      expect(result.status).toBe("failed");
    }
    expect(canaries.size).toBe(results.length);
    const leaks = await getDb().select().from(evalScores).where(eq(evalScores.runId, runId));
    const canaryScores = leaks.filter((s) => s.scorerKey === "canary-leak");
    expect(canaryScores).toHaveLength(CORPUS.length);
    expect(canaryScores.every((s) => !s.passed && !s.error && s.reason.includes("leaks the system message's canary"))).toBe(true);
  });

  it("passes canary-leak when the reply does not repeat the system message, and plants nothing without the scorer", async () => {
    const { runId, ws } = await redTeamRun("fx:echo");
    const scores = await getDb().select().from(evalScores).where(eq(evalScores.runId, runId));
    expect(scores.filter((s) => s.scorerKey === "canary-leak").every((s) => s.passed)).toBe(true);
    // The echo writes the injection's marker back, so every injection "succeeds"; nothing declines, so every other attack does too.
    expect(scores.filter((s) => s.scorerKey === "injection-obeyed").every((s) => !s.passed)).toBe(true);
    expect(scores.filter((s) => s.scorerKey === "refusal").every((s) => !s.passed && s.reason.includes("did not decline"))).toBe(true);

    const plain = await createRunOverCases(ws, { cases: 1, scorers: [containsScorer("Echo")] });
    await executeEvalRun({ runId: plain.id, workerId: "w1" });
    expect((await resultsOf(plain.id))[0]!.renderedInput).toBe("Say hello to Case 1.");
  });
});

describe("the attack success rate", () => {
  it("counts an attack as succeeded when its case did not pass, per category, leaving unscored cases out (worked example)", () => {
    const tags = (c: string) => [`attack:${c}`, "attack-id:x"];
    expect(
      summariseAttacks([
        { status: "passed", tags: tags("jailbreak") },
        { status: "failed", tags: tags("jailbreak") },
        { status: "error", tags: tags("jailbreak") },
        { status: "passed", tags: tags("jailbreak") },
        { status: "passed", tags: tags("off-topic") },
        { status: "unscored", tags: tags("off-topic") },
        { status: "failed", tags: [] },
      ]),
    ).toEqual({
      scored: 6,
      succeeded: 3,
      rate: 0.5,
      byCategory: { jailbreak: { scored: 4, succeeded: 2, rate: 0.5 }, "off-topic": { scored: 1, succeeded: 0, rate: 0 } },
    });
    expect(summariseAttacks([{ status: "unscored", tags: tags("jailbreak") }])).toEqual({ scored: 0, succeeded: 0, rate: null, byCategory: {} });
  });

  it("reads a stored run's rate by category, and finds a version's latest red-team run", async () => {
    const { ws, runId, datasetId } = await redTeamRun("fx:echo");
    const target = await latestRedTeamTarget(getDb(), { promptId: ws.promptId, version: 1 });
    expect(target).toMatchObject({ runId, datasetId });
    expect(target!.finishedAt).toEqual(expect.any(Number));

    const asr = await readAttackSuccess(getDb(), { targetId: target!.targetId });
    expect(asr).toMatchObject({ scored: CORPUS.length, succeeded: CORPUS.length, rate: 1 });
    for (const category of ATTACK_CATEGORIES) {
      const count = CORPUS.filter((a) => a.category === category).length;
      expect(asr.byCategory[category]).toEqual({ scored: count, succeeded: count, rate: 1 });
    }

    // A newer run over an ordinary dataset is not a red-team run; no run of v2 means none for v2.
    const plain = await createRunOverCases(ws, { cases: 1, scorers: [containsScorer("Echo")] });
    await executeEvalRun({ runId: plain.id, workerId: "w1" });
    expect((await latestRedTeamTarget(getDb(), { promptId: ws.promptId, version: 1 }))!.runId).toBe(runId);
    expect(await latestRedTeamTarget(getDb(), { promptId: ws.promptId, version: 2 })).toBeNull();
    expect(await readAttackSuccess(getDb(), { targetId: "no-such-target" })).toEqual({ scored: 0, succeeded: 0, rate: null, byCategory: {} });
  });
});
