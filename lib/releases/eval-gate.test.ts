// The eval gate, enforced: approvals to a gated environment need a completed evaluation of the candidate on the
// gate dataset reaching the pass rate. Real runs over HTTP to the fixture server, real SQLite.
import { describe, expect, it } from "vitest";
import { setUpFixtureLlmServer } from "@/lib/testing/fixture-llm";
import { getDb } from "@/db";
import { isAppError } from "@/lib/core/errors";
import { createEvalRun } from "@/lib/evals/runs/manage-runs";
import { claimEvalRun, createResultWriter, finishEvalRun } from "@/lib/evals/runs/manage-progress";
import { listEvalRunCases, listEvalRunTargets } from "@/lib/evals/runs/queries";
import { executeEvalRun } from "@/lib/evals/runs/runner";
import { loadPromotionEvals } from "@/lib/evals/compare/promotion-evals";
import { saveVersion } from "@/lib/prompts/manage-prompts";
import { containsScorer, makeDataset, makeEvalWorkspace } from "@/lib/testing/eval-runs";
import { deployVersion } from "./manage-deployments";
import { approvePromotion, requestPromotion } from "./manage-promotions";
import { setEnvironmentGate } from "./manage-environments";
import { findEnvironmentBySlug, findPointer } from "@/lib/serving/queries";

const server = setUpFixtureLlmServer();

async function code(run: Promise<unknown>): Promise<string> {
  try {
    await run;
  } catch (e) {
    if (isAppError(e)) return `${e.code}: ${e.message}`;
    throw e;
  }
  return "ok";
}

describe("the eval gate", () => {
  it("blocks approval without a completed evaluation or below the pass rate, and lets a passing version through", async () => {
    const ws = await makeEvalWorkspace({ fixtureUrl: server.url });
    // v2 only says hello when the name does, so it passes `contains "hello"` on half the cases; v3 on all.
    await saveVersion(ws.editor, { promptId: ws.promptId, body: { type: "text", template: "Greet {{name}}." }, modelConfig: { model: "fx:echo" }, commitMessage: "v2", expectedParentVersion: 1 });
    await saveVersion(ws.editor, { promptId: ws.promptId, body: { type: "text", template: "hello there, {{name}}." }, modelConfig: { model: "fx:echo" }, commitMessage: "v3", expectedParentVersion: 2 });
    const dataset = await makeDataset({ workspaceId: ws.workspace.id, count: 4, caseAt: (i) => ({ variables: { name: i % 2 ? `hello ${i}` : `Case ${i}` } }) });
    const production = (await findEnvironmentBySlug(getDb(), { workspaceId: ws.workspace.id, slug: "production" }))!;
    await setEnvironmentGate(ws.adminCtx, { environmentId: production.id, datasetId: dataset.id, minPassRate: 75 });
    const evaluate = async (version: number) => {
      const { id } = await createEvalRun(ws.editor, { datasetId: dataset.id, promptId: ws.promptId, targets: [{ version }], scorers: [containsScorer("hello")] });
      await executeEvalRun({ runId: id, workerId: "test" });
    };
    const promote = async (version: number) => (await requestPromotion(ws.editor, { promptId: ws.promptId, environmentId: production.id, version, comment: "" })).requestId;

    const first = await promote(2);
    expect(await code(approvePromotion(ws.admin, { requestId: first, reason: "" }))).toBe(
      "conflict:deployment: v2 has no completed evaluation on the gate dataset of Production. Run one first.",
    );
    await evaluate(2);
    expect(await code(approvePromotion(ws.admin, { requestId: first, reason: "" }))).toBe(
      "conflict:deployment: v2 passed 50% on the gate dataset of Production; it needs at least 75%.",
    );
    expect(await findPointer(getDb(), { environmentId: production.id, promptId: ws.promptId })).toBeUndefined();

    await evaluate(3);
    const staging = (await findEnvironmentBySlug(getDb(), { workspaceId: ws.workspace.id, slug: "staging" }))!;
    await deployVersion(ws.admin, { promptId: ws.promptId, environmentId: staging.id, version: 1, comment: "" });
    const evals = await loadPromotionEvals({ promptId: ws.promptId, candidate: 3, served: 2, gateDatasetId: dataset.id });
    expect(evals).toMatchObject({ datasetName: dataset.name, candidate: { version: 3, passRate: 1 }, served: { version: 2, passRate: 0.5 } });
    expect(evals?.compareHref).toMatch(/^\/evaluations\/compare\?a=.+&at=.+&b=.+&bt=.+$/);

    const second = await promote(3);
    expect(await code(approvePromotion(ws.admin, { requestId: second, reason: "" }))).toBe("ok");
    expect((await findPointer(getDb(), { environmentId: production.id, promptId: ws.promptId }))?.version).toBe(3);
  });

  it("counts scored cases only, and refuses an evaluation that scored none", async () => {
    const ws = await makeEvalWorkspace({ fixtureUrl: server.url });
    // Case 1 carries an assertion that v1's echo meets; cases 2-4 carry none (a promptfoo test without assert).
    const dataset = await makeDataset({
      workspaceId: ws.workspace.id,
      count: 4,
      caseAt: (i) => ({ variables: { name: `Case ${i}` }, assertions: i === 1 ? [containsScorer("Case 1", "assert-1")] : [] }),
    });
    const production = (await findEnvironmentBySlug(getDb(), { workspaceId: ws.workspace.id, slug: "production" }))!;
    await setEnvironmentGate(ws.adminCtx, { environmentId: production.id, datasetId: dataset.id, minPassRate: 90 });

    // v1: one scored case, passed; three unscored, not counted. The gate reads the run page's 100%.
    const { id } = await createEvalRun(ws.editor, { datasetId: dataset.id, promptId: ws.promptId, targets: [{ version: 1 }], scorers: [] });
    await executeEvalRun({ runId: id, workerId: "test" });
    const first = (await requestPromotion(ws.editor, { promptId: ws.promptId, environmentId: production.id, version: 1, comment: "" })).requestId;
    expect(await code(approvePromotion(ws.admin, { requestId: first, reason: "" }))).toBe("ok");

    // v2's latest completed evaluation scored nothing (every result unscored): not a pass at any gate.
    await saveVersion(ws.editor, { promptId: ws.promptId, body: { type: "text", template: "Hi {{name}}." }, modelConfig: { model: "fx:echo" }, commitMessage: "v2", expectedParentVersion: 1 });
    const run = await createEvalRun(ws.editor, { datasetId: dataset.id, promptId: ws.promptId, targets: [{ version: 2 }], scorers: [] });
    const db = getDb();
    expect(await claimEvalRun({ runId: run.id, workerId: "test", now: Date.now() })).not.toBeNull();
    const [target] = await listEvalRunTargets(db, { runId: run.id });
    const write = createResultWriter(db);
    for (const runCase of await listEvalRunCases(db, { runId: run.id })) {
      const base = { id: crypto.randomUUID(), runId: run.id, targetId: target!.id, runCaseId: runCase.id, score: null, renderedInput: "", output: "Hi", inputTokens: null, outputTokens: null, costUsd: null, latencyMs: 1, attempts: 1, errorCode: null, errorMessage: null, createdAt: Date.now() };
      await write({ ...base, status: "unscored" }, []);
    }
    expect(await finishEvalRun({ runId: run.id, workerId: "test", status: "completed", now: Date.now() })).toBe(true);
    const second = (await requestPromotion(ws.editor, { promptId: ws.promptId, environmentId: production.id, version: 2, comment: "" })).requestId;
    expect(await code(approvePromotion(ws.admin, { requestId: second, reason: "" }))).toBe(
      "conflict:deployment: v2's latest evaluation on the gate dataset of Production scored no case (4 unscored): add scorers and run it again.",
    );
    expect((await findPointer(getDb(), { environmentId: production.id, promptId: ws.promptId }))?.version).toBe(1);
  });

  it("a gate needs a dataset of the same workspace", async () => {
    const ws = await makeEvalWorkspace({ fixtureUrl: server.url });
    const other = await makeEvalWorkspace({ fixtureUrl: server.url });
    const foreign = await makeDataset({ workspaceId: other.workspace.id, count: 1 });
    const production = (await findEnvironmentBySlug(getDb(), { workspaceId: ws.workspace.id, slug: "production" }))!;
    expect(await code(setEnvironmentGate(ws.adminCtx, { environmentId: production.id, datasetId: foreign.id, minPassRate: 90 }))).toMatch(/^not_found:workspace/);
  });
});
