// A case with no scorer at all is "unscored": neither passed nor failed. Runs may rely on per-case assertions alone
// (promptfoo's per-test assert), and every reader of pass/fail (summary, runs list, results filter, compare,
// dashboard) leaves unscored cases out of the pass rate. Real runs over HTTP to the fixture server, real SQLite.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { setUpFixtureLlmServer } from "@/lib/testing/fixture-llm";
import { getDb } from "@/db";
import { evalScores } from "@/db/schema";
import { saveVersion } from "@/lib/prompts/manage-prompts";
import { containsScorer, makeDataset, makeEvalWorkspace, resultsOf } from "@/lib/testing/eval-runs";
import { classifyChange } from "../compare/classify";
import { compareRuns } from "../compare/compare-runs";
import { loadEvalDashboard } from "../dashboard/load-dashboard";
import { dashboardFiltersSchema } from "../dashboard/filters";
import { resultStatus } from "./evaluate-case";
import { createEvalRun } from "./manage-runs";
import { getEvalRunSummary, listEvalRunResults, listEvalRuns } from "./read-runs";
import { executeEvalRun } from "./runner";

const server = setUpFixtureLlmServer();

/** Four cases: case 1's assertion passes, case 2's fails, cases 3 and 4 carry none. */
async function partlyAssertedDataset(workspaceId: string) {
  return makeDataset({
    workspaceId,
    count: 4,
    caseAt: (i) => ({
      variables: { name: `Case ${i}` },
      assertions: i === 1 ? [containsScorer("Case 1", "assert-1")] : i === 2 ? [containsScorer("Case 99", "assert-1")] : [],
    }),
  });
}

describe("unscored cases", () => {
  it("a case with no scorer is 'unscored', never passed", () => {
    expect(resultStatus([])).toBe("unscored");
    expect(resultStatus([{ passed: true, error: false }])).toBe("passed");
    expect(resultStatus([{ passed: true, error: false }, { passed: false, error: false }])).toBe("failed");
    expect(resultStatus([{ passed: false, error: true }])).toBe("error");
  });

  it("a run may rely on per-case assertions; cases without any are stored unscored and left out of the pass rate", async () => {
    const ws = await makeEvalWorkspace({ fixtureUrl: server.url });
    const dataset = await partlyAssertedDataset(ws.workspace.id);
    // What the New evaluation form sends when the scorer list is empty, and what the API does with no scorers.
    const fromForm = await createEvalRun(ws.editor, { datasetId: dataset.id, promptId: ws.promptId, targets: [{ version: 1 }], scorers: [] });
    expect((await createEvalRun(ws.editor, { datasetId: dataset.id, promptId: ws.promptId, targets: [{ version: 1 }] })).status).toBe("queued");
    expect(await executeEvalRun({ runId: fromForm.id, workerId: "w1" })).toBe("completed");

    const stored = (await resultsOf(fromForm.id)).map((r) => ({ status: r.status, score: r.score, output: r.output }));
    expect(stored.map((r) => r.status).sort()).toEqual(["failed", "passed", "unscored", "unscored"]);
    // Unscored cases were still run: their output is kept for a person to read, with no score and no verdict rows.
    for (const r of stored.filter((r) => r.status === "unscored")) expect(r).toMatchObject({ score: null, output: expect.stringMatching(/^Echo: Say hello to Case [34]\.$/) });
    expect(await getDb().select().from(evalScores).where(eq(evalScores.runId, fromForm.id))).toHaveLength(2);

    const summary = await getEvalRunSummary(getDb(), { runId: fromForm.id });
    expect(summary).toMatchObject({ done: 4, passed: 1, failed: 1, errors: 0, unscored: 2, passRate: 0.5 });
    expect(summary.targets[0]).toMatchObject({ passed: 1, failed: 1, unscored: 2, passRate: 0.5 });
    expect((await listEvalRuns({ workspaceId: ws.workspace.id })).find((r) => r.id === fromForm.id)).toMatchObject({ done: 4, passed: 1, unscored: 2, passRate: 0.5 });
    const unscored = await listEvalRunResults(getDb(), { runId: fromForm.id, filter: "unscored" });
    expect(unscored.rows.map((r) => r.casePosition)).toEqual([3, 4]);
    expect((await listEvalRunResults(getDb(), { runId: fromForm.id, filter: "passed" })).total).toBe(1);
    expect((await listEvalRunResults(getDb(), { runId: fromForm.id, filter: "failures" })).total).toBe(1);
  });

  it("still refuses a run in which no case could be scored", async () => {
    const ws = await makeEvalWorkspace({ fixtureUrl: server.url });
    const dataset = await makeDataset({ workspaceId: ws.workspace.id, count: 2 });
    await expect(createEvalRun(ws.editor, { datasetId: dataset.id, promptId: ws.promptId, targets: [{ version: 1 }], scorers: [] })).rejects.toThrow(
      /Add at least one scorer: this dataset has no default scorers and no case has assertions of its own/,
    );
  });

  it("compare counts an unscored case apart, never as a regression or an improvement", async () => {
    expect(classifyChange({ status: "passed", score: 1 }, { status: "unscored", score: null })).toBe("unscored");
    expect(classifyChange({ status: "unscored", score: null }, { status: "failed", score: 0 })).toBe("unscored");

    const ws = await makeEvalWorkspace({ fixtureUrl: server.url });
    await saveVersion(ws.editor, { promptId: ws.promptId, body: { type: "text", template: "Case 99, greet {{name}}." }, modelConfig: { model: "fx:echo" }, commitMessage: "v2", expectedParentVersion: 1 });
    const dataset = await partlyAssertedDataset(ws.workspace.id);
    const runs: string[] = [];
    for (const version of [1, 2]) {
      const { id } = await createEvalRun(ws.editor, { datasetId: dataset.id, promptId: ws.promptId, targets: [{ version }], scorers: [] });
      await executeEvalRun({ runId: id, workerId: "w1" });
      runs.push(id);
    }
    const comparison = await compareRuns(ws.viewer, { a: runs[0]!, b: runs[1]! });
    // v2 also says "Case 99": case 2 improves, case 1 still passes; cases 3 and 4 have nothing to compare.
    expect(comparison.rows.map((r) => r.change)).toEqual(["same", "improvement", "unscored", "unscored"]);
    expect(comparison.counts).toMatchObject({ regression: 0, improvement: 1, unscored: 2, same: 1 });
    expect(comparison.a.summary).toMatchObject({ done: 4, passed: 1, unscored: 2, passRate: 0.5 });

    const dashboard = await loadEvalDashboard(ws.viewer, dashboardFiltersSchema.parse({ dataset: dataset.id, range: "all" }));
    expect(dashboard.points.map((p) => [p.version, p.passRate, p.done])).toEqual([
      [1, 0.5, 4],
      [2, 1, 4],
    ]);
  });
});
