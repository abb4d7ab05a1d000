// Comparing runs on real SQLite with results from real HTTP calls to the fixture server.
import { describe, expect, it } from "vitest";
import { setUpFixtureLlmServer } from "@/lib/testing/fixture-llm";
import { isAppError } from "@/lib/core/errors";
import { saveVersion } from "@/lib/prompts/manage-prompts";
import { containsScorer, makeDataset, makeEvalWorkspace } from "@/lib/testing/eval-runs";
import { createEvalRun } from "../runs/manage-runs";
import { executeEvalRun } from "../runs/runner";
import { classifyChange } from "./classify";
import { compareRuns } from "./compare-runs";

const server = setUpFixtureLlmServer();

/** v1 "Say hello to {{name}}." passes `contains "hello"` everywhere; v2 "Greet {{name}}." only where the name says hello. */
async function twoVersions() {
  const ws = await makeEvalWorkspace({ fixtureUrl: server.url });
  await saveVersion(ws.editor, { promptId: ws.promptId, body: { type: "text", template: "Greet {{name}}." }, modelConfig: { model: "fx:echo" }, commitMessage: "v2", expectedParentVersion: 1 });
  const dataset = await makeDataset({ workspaceId: ws.workspace.id, count: 6, caseAt: (i) => ({ variables: { name: i % 2 === 1 ? `hello friend ${i}` : `Case ${i}` } }) });
  const run = async (versions: number[]) => {
    const { id } = await createEvalRun(ws.editor, { datasetId: dataset.id, promptId: ws.promptId, targets: versions.map((version) => ({ version })), scorers: [containsScorer("hello")] });
    await executeEvalRun({ runId: id, workerId: "test" });
    return id;
  };
  return { ws, dataset, run };
}

describe("compareRuns", () => {
  it("matches cases, marks regressions and gives aggregate and per-scorer deltas", async () => {
    const { ws, run } = await twoVersions();
    const a = await run([1]);
    const b = await run([2]);
    const comparison = await compareRuns(ws.viewer, { a, b });
    expect(comparison.a.label).toBe("greet v1 · fx:echo");
    expect(comparison.b.label).toBe("greet v2 · fx:echo");
    expect(comparison.a.summary.passRate).toBe(1);
    expect(comparison.b.summary.passRate).toBe(0.5);
    expect(comparison.deltas.passRate).toBe(-0.5);
    expect(comparison.counts).toMatchObject({ regression: 3, improvement: 0, same: 3, missing: 0 });
    expect(comparison.rows.map((r) => r.change)).toEqual(["same", "regression", "same", "regression", "same", "regression"]);
    expect(comparison.rows[1]!.b).toMatchObject({ status: "failed", output: "Echo: Greet Case 2." });
    expect(comparison.scorers).toEqual([{ key: "contains-1", label: 'contains "hello"', a: { passRate: 1, meanScore: 1 }, b: { passRate: 0.5, meanScore: 0.5 } }]);
  });

  it("compares the two versions of one run, and refuses runs of different datasets or another workspace", async () => {
    const { ws, run } = await twoVersions();
    const both = await run([1, 2]);
    expect((await compareRuns(ws.editor, { a: both, b: both })).counts.regression).toBe(3);

    const other = await makeDataset({ workspaceId: ws.workspace.id, count: 2 });
    const { id: elsewhere } = await createEvalRun(ws.editor, { datasetId: other.id, promptId: ws.promptId, targets: [{ version: 1 }], scorers: [containsScorer("hello")] });
    const refuse = async (fn: () => Promise<unknown>) => {
      try {
        await fn();
      } catch (e) {
        return isAppError(e) ? e.code : "unexpected";
      }
      return "no error";
    };
    expect(await refuse(() => compareRuns(ws.editor, { a: both, b: elsewhere }))).toBe("bad_request:eval");
    const stranger = await makeEvalWorkspace({ fixtureUrl: server.url });
    expect(await refuse(() => compareRuns(stranger.editor, { a: both, b: both }))).toBe("not_found:workspace");
  });
});

describe("classifyChange", () => {
  it("treats pass → fail/error as a regression and small score wobbles as no change", () => {
    expect(classifyChange({ status: "passed", score: 1 }, { status: "error", score: null })).toBe("regression");
    expect(classifyChange({ status: "failed", score: 0.2 }, { status: "passed", score: 0.9 })).toBe("improvement");
    expect(classifyChange({ status: "failed", score: 0.5 }, { status: "failed", score: 0.3 })).toBe("score-down");
    expect(classifyChange({ status: "passed", score: 0.9 }, { status: "passed", score: 0.93 })).toBe("same");
    expect(classifyChange(null, { status: "passed", score: 1 })).toBe("missing");
  });
});
