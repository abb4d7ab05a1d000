// Starting, cancelling and saving optimizations: who may, what the server refuses whatever the client sent, and what
// is stored and audited. Real SQLite; runs are driven in-process on the offline simulated task.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog, evalRuns, optimizationRuns, promptVersions } from "@/db/schema";
import { makeDataset } from "@/lib/testing/eval-runs";
import { makeTicketWorkspace } from "@/lib/testing/optimizer";
import { BUDGET_CAPS } from "./budget";
import { driveOptimization } from "./drive";
import { cancelOptimization, candidateEvalRun, claimOptimization, saveBestAsVersion } from "./manage-optimizations";
import { findOptimization } from "./queries";

const runsOf = async (workspaceId: string) => getDb().select().from(optimizationRuns).where(eq(optimizationRuns.workspaceId, workspaceId));
const auditOf = async (workspaceId: string, action: string) => getDb().select().from(auditLog).where(and(eq(auditLog.workspaceId, workspaceId), eq(auditLog.action, action)));

describe("starting an optimization", () => {
  it("is for editors and above: a viewer is refused and nothing is stored", async () => {
    const ws = await makeTicketWorkspace({ cases: 12 });
    await expect(ws.start({}, ws.viewer)).rejects.toMatchObject({ code: "forbidden:workspace" });
    expect(await runsOf(ws.workspace.id)).toHaveLength(0);
  });

  it("enforces the budget caps on the server, naming the limit", async () => {
    const ws = await makeTicketWorkspace({ cases: 12 });
    for (const [field, value] of [
      ["candidates", BUDGET_CAPS.candidates + 1],
      ["modelCalls", BUDGET_CAPS.modelCalls + 1],
      ["costUsd", BUDGET_CAPS.costUsd + 1],
      ["wallMinutes", BUDGET_CAPS.wallMinutes + 1],
    ] as const) {
      const budget = { candidates: 10, modelCalls: 100, costUsd: 1, wallMinutes: 1, [field]: value };
      await expect(ws.start({ budget }), field).rejects.toMatchObject({ code: expect.stringMatching(/^bad_request:/), message: expect.stringContaining(field) });
    }
    await expect(ws.start({ rounds: 1_000 })).rejects.toMatchObject({ code: expect.stringMatching(/^bad_request:/) });
    expect(await runsOf(ws.workspace.id)).toHaveLength(0);
  });

  it("refuses another workspace's dataset, a dataset too small to split and a model the workspace cannot call", async () => {
    const ws = await makeTicketWorkspace({ cases: 12 });
    const other = await makeTicketWorkspace({ cases: 12 });
    await expect(ws.start({ datasetId: other.dataset.id })).rejects.toMatchObject({ code: "not_found:workspace" });
    const tiny = await makeDataset({ workspaceId: ws.workspace.id, count: 9, caseAt: (i) => ({ variables: { ticket: `t${i}` }, expectedOutput: "bug" }) });
    await expect(ws.start({ datasetId: tiny.id })).rejects.toMatchObject({ code: "bad_request:optimizer", message: expect.stringContaining("at least 10") });
    await expect(ws.start({ taskModelId: "nowhere:model" })).rejects.toMatchObject({ code: expect.stringMatching(/^(bad_request|not_found):/) });
    expect(await runsOf(ws.workspace.id)).toHaveLength(0);
  });

  it("stores the run with its seed and budget, and audits who started it", async () => {
    const ws = await makeTicketWorkspace({ cases: 12 });
    const { id, status } = await ws.start({ seed: 42 });
    expect(status).toBe("queued");
    const [run] = await runsOf(ws.workspace.id);
    expect(run).toMatchObject({ id, baseVersion: 1, strategy: "both", taskModelId: "offline:ticket-triage", createdById: ws.editor.user.id });
    expect(run!.settings.seed).toBe(42);
    const [entry] = await auditOf(ws.workspace.id, "optimization.started");
    expect(entry).toMatchObject({ objectId: id, actorUserId: ws.editor.user.id, after: expect.objectContaining({ prompt: "ticket-triage", seed: 42, strategy: "both" }) });
  });
});

describe("cancelling and saving", () => {
  it("cancels a running optimization: the driver stops and its evaluations are not left for a worker", async () => {
    const ws = await makeTicketWorkspace();
    const { id } = await ws.start();
    const driving = driveOptimization({ runId: id, workerId: "w1", heartbeatMs: 50 });
    await new Promise((resolve) => setTimeout(resolve, 400));
    await cancelOptimization(ws.editor, { runId: id });
    expect(await driving).toBe("stopped");
    expect((await findOptimization(getDb(), { runId: id }))!.status).toBe("cancelled");
    const left = await getDb().select().from(evalRuns).where(and(eq(evalRuns.workspaceId, ws.workspace.id), eq(evalRuns.source, "optimizer")));
    expect(left.filter((r) => ["queued", "running", "interrupted"].includes(r.status))).toEqual([]);
    await expect(cancelOptimization(ws.editor, { runId: id })).rejects.toMatchObject({ code: "conflict:optimizer" });
    expect(await auditOf(ws.workspace.id, "optimization.cancelled")).toHaveLength(1);
  }, 30_000);

  it("creates no evaluation for a cancelled optimization, so a cancel racing the driver leaves none behind", async () => {
    const ws = await makeTicketWorkspace({ cases: 12 });
    const { id } = await ws.start();
    const run = (await claimOptimization({ runId: id, workerId: "w1", now: Date.now() }))!;
    const candidate = { id: "c1", content: { template: "Label: {{ticket}}", messages: null }, origin: { strategy: "baseline" as const, detail: "", parentId: null }, round: 0 };
    await expect(candidateEvalRun({ run, workerId: "w2", candidate, phase: "search", caseIds: [] })).rejects.toMatchObject({ details: { cancelled: true } });
    await cancelOptimization(ws.editor, { runId: id });
    await expect(candidateEvalRun({ run, workerId: "w1", candidate, phase: "search", caseIds: [] })).rejects.toMatchObject({ details: { cancelled: true } });
    expect(await getDb().select().from(evalRuns).where(eq(evalRuns.workspaceId, ws.workspace.id))).toEqual([]);
  });

  it("saves the best candidate as the next version, with the evidence in its commit message and provenance, once", async () => {
    const ws = await makeTicketWorkspace();
    const { id } = await ws.start();
    await expect(saveBestAsVersion(ws.editor, { runId: id })).rejects.toMatchObject({ code: "conflict:optimizer" });
    expect(await driveOptimization({ runId: id, workerId: "w1", heartbeatMs: 200 })).toBe("completed");
    await expect(saveBestAsVersion(ws.viewer, { runId: id })).rejects.toMatchObject({ code: "forbidden:workspace" });
    const { version } = await saveBestAsVersion(ws.editor, { runId: id });
    expect(version).toBe(2);
    const [stored] = await getDb().select().from(promptVersions).where(and(eq(promptVersions.promptId, ws.promptId), eq(promptVersions.version, 2)));
    expect(stored!.commitMessage).toContain(`optimization ${id}`);
    expect(stored!.commitMessage).toMatch(/held-out \d+% → \d+%, better \(McNemar, p = /);
    expect(stored!.provenance).toMatchObject({ source: "optimization", runId: id, strategy: "both", seed: 1, baseVersion: 1, heldOut: { verdict: "better" } });
    expect(stored!.template).not.toBe("Classify this ticket:\n{{ticket}}");
    expect(stored!.template).toContain("{{ticket}}");
    expect((await findOptimization(getDb(), { runId: id }))!.savedVersion).toBe(2);
    await expect(saveBestAsVersion(ws.editor, { runId: id })).rejects.toMatchObject({ code: "conflict:optimizer", message: expect.stringContaining("v2") });
    expect(await auditOf(ws.workspace.id, "optimization.saved")).toHaveLength(1);
  }, 30_000);
});
