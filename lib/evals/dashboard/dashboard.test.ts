// Dashboard aggregates on real runs (fixture server over HTTP, real SQLite).
import { describe, expect, it } from "vitest";
import { setUpFixtureLlmServer } from "@/lib/testing/fixture-llm";
import { getDb } from "@/db";
import { deployVersion } from "@/lib/releases/manage-deployments";
import { findEnvironmentBySlug } from "@/lib/serving/queries";
import { saveVersion } from "@/lib/prompts/manage-prompts";
import { containsScorer, makeDataset, makeEvalWorkspace } from "@/lib/testing/eval-runs";
import { createEvalRun } from "../runs/manage-runs";
import { executeEvalRun } from "../runs/runner";
import { loadEvalDashboard } from "./load-dashboard";
import { dashboardFiltersSchema } from "./filters";

const server = setUpFixtureLlmServer();

describe("eval dashboard", () => {
  it("charts each run target with per-scorer rates, filters by dataset and model, and shows what environments serve", async () => {
    const ws = await makeEvalWorkspace({ fixtureUrl: server.url });
    await saveVersion(ws.editor, { promptId: ws.promptId, body: { type: "text", template: "Greet {{name}}." }, modelConfig: { model: "fx:echo" }, commitMessage: "v2", expectedParentVersion: 1 });
    const dataset = await makeDataset({ workspaceId: ws.workspace.id, count: 4, caseAt: (i) => ({ variables: { name: i % 2 ? `hello ${i}` : `Case ${i}` } }) });
    const other = await makeDataset({ workspaceId: ws.workspace.id, count: 2 });
    for (const [datasetId, versions] of [
      [dataset.id, [1]],
      [dataset.id, [2]],
      [other.id, [1]],
    ] as const) {
      const { id } = await createEvalRun(ws.editor, { datasetId, promptId: ws.promptId, targets: versions.map((version) => ({ version })), scorers: [containsScorer("hello"), { key: "short", type: "length", label: "short", params: { max: 200 } }] });
      await executeEvalRun({ runId: id, workerId: "test" });
    }
    await deployVersion(ws.admin, { promptId: ws.promptId, environmentId: (await findEnvironmentBySlug(getDb(), { workspaceId: ws.workspace.id, slug: "staging" }))!.id, version: 2, comment: "" });

    const all = await loadEvalDashboard(ws.viewer, dashboardFiltersSchema.parse({}));
    expect(all.points).toHaveLength(3);
    expect(all.scorers).toEqual([
      { key: "contains-1", label: 'contains "hello"' },
      { key: "short", label: "short" },
    ]);

    const onDataset = await loadEvalDashboard(ws.viewer, dashboardFiltersSchema.parse({ dataset: dataset.id }));
    expect(onDataset.points.map((p) => [p.version, p.passRate, p.scorerPassRates["contains-1"], p.scorerMeans.short, p.done])).toEqual([
      [1, 1, 1, 1, 4],
      [2, 0.5, 0.5, 1, 4],
    ]);
    expect((await loadEvalDashboard(ws.viewer, dashboardFiltersSchema.parse({ model: "fx:other" }))).points).toHaveLength(0);
    expect(onDataset.served).toMatchObject([{ environmentName: "Staging", promptName: "greet", version: 2, passRate: 0.5, datasetName: dataset.name }]);
    expect(onDataset.options.models).toEqual(["fx:echo"]);

    const stranger = await makeEvalWorkspace({ fixtureUrl: server.url });
    expect((await loadEvalDashboard(stranger.viewer, dashboardFiltersSchema.parse({}))).points).toHaveLength(0);
  });

  it("reads bad filters as defaults rather than failing", () => {
    expect(dashboardFiltersSchema.parse({ range: "forever", prompt: 42 })).toEqual({ range: "30d", prompt: undefined });
  });
});
