// A run whose dataset lacks a variable every render needs, its partials' included, is refused up front, naming it.
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { setUpFixtureLlmServer } from "@/lib/testing/fixture-llm";
import { getDb } from "@/db";
import { evalRuns } from "@/db/schema";
import { createPrompt, saveVersion } from "@/lib/prompts/manage-prompts";
import { containsScorer, makeDataset, makeEvalWorkspace } from "@/lib/testing/eval-runs";
import { previewRunVariables } from "./form-options";
import { createEvalRun } from "./manage-runs";

const server = setUpFixtureLlmServer();

/** "greet" v2 includes a partial that needs {{audience}}; v3 uses it only inside a section. */
async function workspaceWithPartial() {
  const ws = await makeEvalWorkspace({ fixtureUrl: server.url });
  const { id: partialId } = await createPrompt(ws.adminCtx, { name: "shared/audience", type: "text", description: "", tags: [] });
  await saveVersion(ws.adminCtx, { promptId: partialId, body: { type: "text", template: "aimed at {{audience}}" }, modelConfig: {}, commitMessage: "v1", expectedParentVersion: null });
  const save = (template: string, parent: number) =>
    saveVersion(ws.adminCtx, { promptId: ws.promptId, body: { type: "text", template }, modelConfig: { model: "fx:echo" }, commitMessage: "v", expectedParentVersion: parent });
  await save("Say hello to {{name}}, {{> shared/audience@1}}.", 1);
  await save("Say hello to {{name}}{{#formal}}, {{> shared/audience@1}}{{/formal}}.", 2);
  const dataset = await makeDataset({ workspaceId: ws.workspace.id, name: "names-only", count: 2, defaultScorers: [containsScorer("hello")] });
  return { ws, dataset };
}

const runsOf = (datasetId: string) => getDb().select().from(evalRuns).where(eq(evalRuns.datasetId, datasetId));

describe("a dataset against the variables of the versions it evaluates", () => {
  it("refuses a run whose dataset has no column for a partial's variable, naming the variable and the partial, and stores nothing", async () => {
    const { ws, dataset } = await workspaceWithPartial();
    await expect(createEvalRun(ws.editor, { datasetId: dataset.id, promptId: ws.promptId, targets: [{ version: 1 }, { version: 2 }] })).rejects.toThrow(
      'The dataset "names-only" has no column "audience", which v2 of "greet" needs: every case would fail. ("audience" comes from partial "shared/audience@1".) Add the column to the dataset or choose another dataset.',
    );
    expect(await runsOf(dataset.id)).toEqual([]);
  });

  it("starts a run when the variable is only needed inside a section, or the dataset has it", async () => {
    const { ws, dataset } = await workspaceWithPartial();
    expect((await createEvalRun(ws.editor, { datasetId: dataset.id, promptId: ws.promptId, targets: [{ version: 1 }, { version: 3 }] })).totalCases).toBe(4);
    const full = await makeDataset({ workspaceId: ws.workspace.id, count: 1, caseAt: () => ({ variables: { name: "Ada", audience: "devs" } }), defaultScorers: [containsScorer("hello")] });
    expect((await createEvalRun(ws.editor, { datasetId: full.id, promptId: ws.promptId, targets: [{ label: "latest" }, { version: 2 }] })).totalCases).toBe(2);
  });

  it("lists each chosen version's variables with their partial and whether the dataset has them, for the form", async () => {
    const { ws, dataset } = await workspaceWithPartial();
    const preview = await previewRunVariables(ws.editor, { datasetId: dataset.id, promptId: ws.promptId, targets: [{ version: 2 }, { label: "staging" }] });
    expect(preview.targets).toEqual([
      {
        version: 2,
        variables: [
          { name: "name", inTemplate: true, partials: [], required: true, inDataset: true },
          { name: "audience", inTemplate: false, partials: ["shared/audience@1"], required: true, inDataset: false },
        ],
        missing: ["audience"],
        problems: [],
      },
      { error: 'Staging does not serve any version of "greet".' },
    ]);
    await expect(previewRunVariables(ws.viewer, { datasetId: dataset.id, promptId: ws.promptId, targets: [{ version: 2 }] })).rejects.toThrow();
    const stranger = await makeEvalWorkspace({ fixtureUrl: server.url });
    await expect(previewRunVariables(stranger.editor, { datasetId: dataset.id, promptId: ws.promptId, targets: [{ version: 2 }] })).rejects.toThrow(/not found in this workspace/);
  });
});
