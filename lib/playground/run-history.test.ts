import { describe, expect, it } from "vitest";
import { setUpFixtureLlmServer } from "@/lib/testing/fixture-llm";
import { makeWorkspace } from "@/lib/testing/factories";
import { makePlaygroundWorkspace } from "@/lib/testing/playground";
import { executeRun } from "./execute-run";
import { prepareRun } from "./prepare-run";
import { listRunHistory, loadReopenedBatch } from "./run-history";

const server = setUpFixtureLlmServer();

describe("run history", () => {
  it("lists a prompt's runs newest first, filtered by model and status", async () => {
    const { editor, promptId, input } = await makePlaygroundWorkspace({ fixtureUrl: server.url });
    const batchId = crypto.randomUUID();
    await executeRun({ prepared: await prepareRun(editor, input({ batchId, column: 1 })) });
    await executeRun({ prepared: await prepareRun(editor, input({ batchId, column: 2, modelId: "fx:fail-500" })) });
    await executeRun({ prepared: await prepareRun(editor, input({ modelId: "offline:demo" })) });

    const all = await listRunHistory(editor, { promptId, page: 1 });
    expect(all.total).toBe(3);
    expect(all.models).toEqual(["fx:echo", "fx:fail-500", "offline:demo"]);
    expect(all.rows[0]).toMatchObject({ modelId: "offline:demo", status: "succeeded", userName: editor.user.name, version: 1 });
    expect((await listRunHistory(editor, { promptId, page: 1, status: "failed" })).rows.map((r) => r.modelId)).toEqual(["fx:fail-500"]);
    expect((await listRunHistory(editor, { promptId, page: 1, model: "fx:echo" })).rows.map((r) => r.outputPreview)).toEqual(["Echo: Say hello to Ada."]);

    const stranger = (await makeWorkspace(["editor"])).members[0]!.ctx;
    await expect(listRunHistory(stranger, { promptId, page: 1 })).rejects.toThrow(/not found in this workspace/);
  });

  it("reopens every column of a run's batch with its source, settings, conversation, result and variables", async () => {
    const { editor, promptId, input } = await makePlaygroundWorkspace({ fixtureUrl: server.url });
    const batchId = crypto.randomUUID();
    const followUps = [
      { role: "assistant" as const, content: "Echo: Say hello to Ada." },
      { role: "user" as const, content: "Again?" },
    ];
    const draft = { kind: "draft" as const, body: { type: "text" as const, template: "Wave at {{name}}." }, modelConfig: {} };
    const first = await executeRun({ prepared: await prepareRun(editor, input({ batchId, column: 1, settings: { temperature: 0.2 }, followUps })) });
    await executeRun({ prepared: await prepareRun(editor, input({ batchId, column: 2, source: draft, modelId: "fx:fail-500" })) });

    const batch = await loadReopenedBatch(editor, { runId: first.runId, promptId });
    expect(batch.variables).toEqual({ name: "Ada" });
    expect(batch.draft).toMatchObject({ type: "text", template: "Wave at {{name}}." });
    expect(batch.columns).toHaveLength(2);
    expect(batch.columns[0]).toMatchObject({
      source: { kind: "version", version: 1 },
      settings: { temperature: 0.2 },
      followUps,
      run: { status: "succeeded", output: "Echo: Again?" },
    });
    expect(batch.columns[1]).toMatchObject({ source: { kind: "draft" }, modelId: "fx:fail-500", run: { status: "failed", error: { code: "upstream:model" } } });

    const stranger = (await makeWorkspace(["editor"])).members[0]!.ctx;
    await expect(loadReopenedBatch(stranger, { runId: first.runId, promptId })).rejects.toThrow(/not found in this workspace/);
  });
});
