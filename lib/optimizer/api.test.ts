// The optimization endpoints of /api/v1 over real HTTP, every request and response checked against the OpenAPI
// document, with the optimization worker running runs in this process on the offline simulated ticket-triage task.
// What was stored is read back from the database, not only the status codes.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog, optimizationRuns, promptVersions } from "@/db/schema";
import { createApiKey } from "@/lib/platform/api-keys/manage-api-keys";
import { makeDataset } from "@/lib/testing/eval-runs";
import { makeTicketWorkspace } from "@/lib/testing/optimizer";
import { contextOf, setUpOptimizerApi, ticketOptimizationBody } from "@/lib/testing/optimizer-api";
import { BUDGET_CAPS } from "./budget";
import type { OptimizationView } from "./views";

const api = setUpOptimizerApi();

const START = "/api/v1/optimizations";
const runsOf = (workspaceId: string) => getDb().select().from(optimizationRuns).where(eq(optimizationRuns.workspaceId, workspaceId));
const auditOf = (workspaceId: string, action: string) => getDb().select().from(auditLog).where(and(eq(auditLog.workspaceId, workspaceId), eq(auditLog.action, action)));

async function waitForEnd(id: string, key: string): Promise<OptimizationView> {
  for (;;) {
    const response = await api.request("GET", `${START}/${id}`, { key });
    expect(response.status).toBe(200);
    const view = response.body as OptimizationView;
    if (["completed", "failed", "cancelled"].includes(view.status)) return view;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Runs a refused request and checks that nothing was stored by it. */
async function refusedAndNothingStored(send: () => Promise<{ status: number; body: unknown }>) {
  const before = (await runsOf(api.ws.workspace.id)).length;
  const auditsBefore = (await auditOf(api.ws.workspace.id, "optimization.started")).length;
  const response = await send();
  expect((await runsOf(api.ws.workspace.id)).length).toBe(before);
  expect((await auditOf(api.ws.workspace.id, "optimization.started")).length).toBe(auditsBefore);
  return response;
}

describe("starting, following and saving an optimization with API keys", { timeout: 60_000 }, () => {
  it("starts by names with a read-write key, stores and audits it, and completes with a better held-out verdict that a read key can follow", async () => {
    const started = await api.request("POST", START, { key: api.writeKey, body: ticketOptimizationBody(api.ws, { source: "cli" }) });
    expect(started.status).toBe(201);
    const view = started.body as OptimizationView;
    expect(view).toMatchObject({ status: "queued", prompt: { name: "ticket-triage" }, baseVersion: 1, dataset: { name: api.ws.dataset.name }, source: "cli" });

    const [stored] = (await runsOf(api.ws.workspace.id)).filter((r) => r.id === view.id);
    expect(stored).toMatchObject({ apiKeyId: api.writeKeyId, promptId: api.ws.promptId, datasetId: api.ws.dataset.id, strategy: "both", taskModelId: "offline:ticket-triage" });
    // The default metric: the output equals the expected output, trimmed.
    expect(stored!.metric).toEqual([{ scorer: { key: "equals", type: "equals", label: "equals expected", params: { trim: true } }, weight: 1 }]);
    expect(stored!.settings.seed).toBe(1);
    const [audit] = (await auditOf(api.ws.workspace.id, "optimization.started")).filter((a) => a.objectId === view.id);
    expect(audit).toMatchObject({ actorApiKeyId: api.writeKeyId, after: expect.objectContaining({ prompt: "ticket-triage", source: "cli", seed: 1 }) });

    const finished = await waitForEnd(view.id, api.readKey);
    expect(finished.status).toBe("completed");
    const outcome = finished.outcome!;
    expect(outcome.heldOut.verdict).toBe("better");
    expect(outcome.heldOut.best).toBeGreaterThan(outcome.heldOut.baseline);
    // The leaderboard: best validation score first, the baseline among the candidates.
    const scores = finished.candidates.map((c) => c.validationScore!);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(finished.candidates.find((c) => c.origin === "baseline")).toMatchObject({ key: outcome.baselineKey, template: "Classify this ticket:\n{{ticket}}" });
    expect(finished.candidates.map((c) => c.key)).toContain(outcome.bestKey);
    expect(finished.progress!.round).toBeGreaterThan(0);

    // Saving: a read key may not; a read-write key makes v2 once, with the run's evidence stored.
    expect((await api.request("POST", `${START}/${view.id}/save`, { key: api.readKey })).status).toBe(403);
    const saved = await api.request("POST", `${START}/${view.id}/save`, { key: api.writeKey });
    expect(saved.status).toBe(201);
    expect(saved.body).toEqual({ name: "ticket-triage", version: 2, optimizationId: view.id });
    const [v2] = await getDb().select().from(promptVersions).where(and(eq(promptVersions.promptId, api.ws.promptId), eq(promptVersions.version, 2)));
    expect(v2!.commitMessage).toContain(`optimization ${view.id}`);
    expect(v2!.provenance).toMatchObject({ source: "optimization", runId: view.id, heldOut: { verdict: "better" } });
    const again = await api.request("POST", `${START}/${view.id}/save`, { key: api.writeKey });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { code: "conflict:optimizer", message: expect.stringContaining("v2") } });
    expect(await getDb().select().from(promptVersions).where(eq(promptVersions.promptId, api.ws.promptId))).toHaveLength(2);
    expect(((await api.request("GET", `${START}/${view.id}`, { key: api.readKey })).body as OptimizationView).savedVersion).toBe(2);
    expect(await auditOf(api.ws.workspace.id, "optimization.saved")).toHaveLength(1);
  });

  it("starts by ids too, and cancels once with a read-write key (a read key may not)", async () => {
    const body = ticketOptimizationBody(api.ws, { prompt: undefined, dataset: undefined, promptId: api.ws.promptId, datasetId: api.ws.dataset.id, budget: { modelCalls: 50_000, wallMinutes: 60 } });
    const started = await api.request("POST", START, { key: api.writeKey, body });
    expect(started.status).toBe(201);
    const { id } = started.body as OptimizationView;
    const [stored] = (await runsOf(api.ws.workspace.id)).filter((r) => r.id === id);
    // Budget fields left out take the studio form's defaults.
    expect(stored!.budget).toEqual({ candidates: 16, modelCalls: 50_000, costUsd: 5, wallMinutes: 60 });
    expect((await api.request("POST", `${START}/${id}/cancel`, { key: api.readKey })).status).toBe(403);
    const cancelled = await api.request("POST", `${START}/${id}/cancel`, { key: api.writeKey });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ id, status: "cancelled" });
    expect((await runsOf(api.ws.workspace.id)).find((r) => r.id === id)!.status).toBe("cancelled");
    expect((await api.request("POST", `${START}/${id}/cancel`, { key: api.writeKey })).status).toBe(409);
    expect((await auditOf(api.ws.workspace.id, "optimization.cancelled")).filter((a) => a.objectId === id)).toHaveLength(1);
  });
});

describe("what the start endpoint refuses, storing nothing", () => {
  it("answers 403 to a read key and 401 without a key", async () => {
    const readOnly = await refusedAndNothingStored(() => api.request("POST", START, { key: api.readKey, body: ticketOptimizationBody(api.ws) }));
    expect(readOnly).toMatchObject({ status: 403, body: { error: { code: "forbidden:workspace" } } });
    // Refused before its body is read: a read key's 2 MB body is a 403, not the 413 reading it would give.
    const oversized = ticketOptimizationBody(api.ws, { prompt: "x".repeat(2 * 1024 * 1024) });
    expect((await refusedAndNothingStored(() => api.request("POST", START, { key: api.readKey, body: oversized, breaksContract: true }))).status).toBe(403);
    expect((await refusedAndNothingStored(() => api.request("POST", START, { body: ticketOptimizationBody(api.ws) }))).status).toBe(401);
  });

  it("refuses a budget above each cap with 400 naming the field", async () => {
    for (const [field, value] of Object.entries(BUDGET_CAPS)) {
      const body = ticketOptimizationBody(api.ws, { budget: { [field]: value + 1 } });
      const response = await refusedAndNothingStored(() => api.request("POST", START, { key: api.writeKey, body, breaksContract: true }));
      expect(response.status, field).toBe(400);
      expect(response.body, field).toMatchObject({ error: { message: expect.stringContaining(`budget.${field}`) } });
    }
  });

  it("answers 404 for an unknown prompt or dataset name and 400 for a dataset under 10 cases or a mismatched id", async () => {
    const noPrompt = await refusedAndNothingStored(() => api.request("POST", START, { key: api.writeKey, body: ticketOptimizationBody(api.ws, { prompt: "nope" }) }));
    expect(noPrompt).toMatchObject({ status: 404, body: { error: { code: "not_found:prompt", message: 'No prompt "nope" in this workspace.' } } });
    const noDataset = await refusedAndNothingStored(() => api.request("POST", START, { key: api.writeKey, body: ticketOptimizationBody(api.ws, { dataset: "nope" }) }));
    expect(noDataset).toMatchObject({ status: 404, body: { error: { code: "not_found:dataset", message: 'No dataset "nope" in this workspace.' } } });
    const tiny = await makeDataset({ workspaceId: api.ws.workspace.id, name: "tiny", count: 9, caseAt: (i) => ({ variables: { ticket: `t${i}` }, expectedOutput: "bug" }) });
    const small = await refusedAndNothingStored(() => api.request("POST", START, { key: api.writeKey, body: ticketOptimizationBody(api.ws, { dataset: tiny.name }) }));
    expect(small).toMatchObject({ status: 400, body: { error: { code: "bad_request:optimizer", message: expect.stringContaining("at least 10") } } });
    const mismatch = await refusedAndNothingStored(() => api.request("POST", START, { key: api.writeKey, body: ticketOptimizationBody(api.ws, { datasetId: tiny.id }) }));
    expect(mismatch).toMatchObject({ status: 400, body: { error: { message: expect.stringContaining("datasetId") } } });
    const neither = await refusedAndNothingStored(() => api.request("POST", START, { key: api.writeKey, body: ticketOptimizationBody(api.ws, { prompt: undefined }) }));
    expect(neither).toMatchObject({ status: 400, body: { error: { message: expect.stringContaining("promptId") } } });
  });

  it("refuses another workspace's prompt and dataset ids as not found", async () => {
    const other = await makeTicketWorkspace({ cases: 12 });
    const body = ticketOptimizationBody(api.ws, { prompt: undefined, promptId: other.promptId });
    expect((await refusedAndNothingStored(() => api.request("POST", START, { key: api.writeKey, body }))).status).toBe(404);
    const foreignDataset = ticketOptimizationBody(api.ws, { dataset: undefined, datasetId: other.dataset.id });
    expect((await refusedAndNothingStored(() => api.request("POST", START, { key: api.writeKey, body: foreignDataset }))).status).toBe(404);
    expect(await runsOf(other.workspace.id)).toHaveLength(0);
  });

  it("answers malformed, huge, deeply nested and unknown-field bodies with a clear 4xx in under a second, and keeps serving", async () => {
    const hostile: [string, { rawBody?: string; body?: unknown; breaksContract?: true }, number, string][] = [
      ["malformed", { rawBody: '{"prompt": "ticket-triage",', breaksContract: true }, 400, "must be JSON"],
      ["2 MB", { body: ticketOptimizationBody(api.ws, { prompt: "x".repeat(2 * 1024 * 1024) }), breaksContract: true }, 413, "larger than 1 MiB"],
      ["deeply nested", { rawBody: JSON.stringify(ticketOptimizationBody(api.ws, { metric: [{ scorer: { params: JSON.parse(`${"[".repeat(200)}${"]".repeat(200)}`) } }] })) }, 400, "nests deeper"],
      ["unknown field", { body: ticketOptimizationBody(api.ws, { temperature: 2 }), breaksContract: true }, 400, "temperature"],
    ];
    for (const [name, call, status, message] of hostile) {
      const started = performance.now();
      const response = await refusedAndNothingStored(() => api.request("POST", START, { key: api.writeKey, ...call }));
      expect(performance.now() - started, name).toBeLessThan(1_000);
      expect(response.status, name).toBe(status);
      expect(response.body, name).toMatchObject({ error: { message: expect.stringContaining(message) } });
    }
    const health = await api.request("POST", START, { key: api.writeKey, body: ticketOptimizationBody(api.ws, { prompt: "nope" }) });
    expect(health.status).toBe(404);
  });
});

describe("reading, cancelling and saving across workspaces", () => {
  it("answers 404 to another workspace's key for an optimization's id, and for ids that name none", async () => {
    const started = await api.request("POST", START, { key: api.writeKey, body: ticketOptimizationBody(api.ws) });
    const { id } = started.body as OptimizationView;
    const other = await makeTicketWorkspace({ cases: 12 });
    const otherKey = (await createApiKey(contextOf(other.workspace, other.admin), { name: "other", scope: "read-write" })).secret;
    for (const [method, path] of [["GET", `${START}/${id}`], ["POST", `${START}/${id}/cancel`], ["POST", `${START}/${id}/save`]] as const) {
      const response = await api.request(method, path, { key: otherKey });
      expect(response.status, path).toBe(404);
      expect(JSON.stringify(response.body)).not.toContain("ticket-triage");
    }
    expect((await runsOf(api.ws.workspace.id)).find((r) => r.id === id)!.status).not.toBe("cancelled");
    expect((await api.request("GET", `${START}/${crypto.randomUUID()}`, { key: api.readKey })).status).toBe(404);
    expect((await api.request("GET", `${START}/unknown-id`, { key: api.readKey })).status).toBe(404);
    expect((await api.request("GET", `${START}/${id}?verbose=1`, { key: api.readKey, breaksContract: true })).status).toBe(400);
    await api.request("POST", `${START}/${id}/cancel`, { key: api.writeKey });
  });
});
