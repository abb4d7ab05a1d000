// Issue 19: the linter on every promotion request, and the compliance gates an approval must pass, with an admin's
// audited override. Real database, real eval runs written through the runner's own writers.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog, environments, promotionRequests } from "@/db/schema";
import { userPrincipal } from "@/lib/platform/auth/principal";
import { saveProvider } from "@/lib/platform/providers/manage-providers";
import { setLintSeverities } from "@/lib/platform/lint-settings/lint-severities";
import { createPrompt, saveVersion } from "@/lib/prompts/manage-prompts";
import { createEvalRun } from "@/lib/evals/runs/manage-runs";
import { claimEvalRun, createResultWriter, finishEvalRun } from "@/lib/evals/runs/manage-progress";
import { listEvalRunCases, listEvalRunTargets } from "@/lib/evals/runs/queries";
import { containsScorer, makeDataset, makeEvalWorkspace } from "@/lib/testing/eval-runs";
import { setUpFixtureLlmServer } from "@/lib/testing/fixture-llm";
import { ATTACK_CATEGORIES } from "@/lib/core/vocabulary/compliance";
import { createRedTeamDataset } from "@/lib/datasets/server";
import { executeEvalRun } from "@/lib/evals/runs/runner";
import { failure } from "@/lib/testing/app-error";
import { makeWorkspace } from "@/lib/testing/factories";
import { findEnvironmentBySlug, findPointer } from "@/lib/serving/queries";
import { listDeployments } from "./queries";
import { approvePromotion, requestPromotion } from "./manage-promotions";
import { setComplianceGates } from "./manage-environments";
import { decideRequestSchema, setComplianceGatesSchema } from "./schemas";

const server = setUpFixtureLlmServer({ latencyMs: 1 });

const NO_GATES = { noLintErrors: false, maxAttackSuccessRate: null, maxCostPerCallUsd: null, maxP95LatencyMs: null, monthlyVolume: null };

/** A workspace (admin, lead, editor, viewer), a prompt whose v1 is clean and v2 holds an e-mail address (a lint error). */
async function setup() {
  const { workspace, members } = await makeWorkspace(["admin", "lead", "editor", "viewer"]);
  const [adminCtx, leadCtx, editorCtx, viewerCtx] = members.map((m) => m.ctx) as [(typeof members)[0]["ctx"], (typeof members)[0]["ctx"], (typeof members)[0]["ctx"], (typeof members)[0]["ctx"]];
  await saveProvider(adminCtx, { slug: "fx", kind: "openai-compatible", label: "Fixture", baseUrl: "http://127.0.0.1:9", apiKey: "", models: "echo" });
  const { id: promptId } = await createPrompt(editorCtx, { name: "support/reply", type: "text", description: "", tags: [] });
  const save = (template: string, parent: number | null) =>
    saveVersion(editorCtx, { promptId, body: { type: "text", template }, modelConfig: { model: "fx:echo" }, commitMessage: "v", expectedParentVersion: parent });
  await save("Answer the customer: <question>{{question}}</question>", null);
  await save("Answer the customer: <question>{{question}}</question> Escalate to alice@example.com.", 1);
  const production = (await findEnvironmentBySlug(getDb(), { workspaceId: workspace.id, slug: "production" }))!;
  return {
    workspace,
    promptId,
    production,
    save,
    adminCtx,
    editorCtx,
    viewerCtx,
    leadCtx,
    admin: userPrincipal(adminCtx),
    lead: userPrincipal(leadCtx),
    editor: userPrincipal(editorCtx),
  };
}

type Setup = Awaited<ReturnType<typeof setup>>;

const request = async (ws: Setup, version: number) =>
  (await requestPromotion(ws.editor, { promptId: ws.promptId, environmentId: ws.production.id, version, comment: "" })).requestId;

const storedRequest = async (requestId: string) => (await getDb().select().from(promotionRequests).where(eq(promotionRequests.id, requestId)))[0]!;

const auditOf = async (objectId: string, action: string) =>
  (await getDb().select().from(auditLog).where(and(eq(auditLog.objectId, objectId), eq(auditLog.action, action))))[0];

/** A completed run of `version` on a new dataset whose results carry the given costs and latencies. */
async function completedRun(ws: Setup, version: number, results: { costUsd: number | null; latencyMs: number }[]) {
  const dataset = await makeDataset({ workspaceId: ws.workspace.id, count: results.length, caseAt: (i) => ({ variables: { question: `Q${i}` } }) });
  const run = await createEvalRun(ws.editor, { datasetId: dataset.id, promptId: ws.promptId, targets: [{ version }], scorers: [containsScorer("ok")] });
  const db = getDb();
  expect(await claimEvalRun({ runId: run.id, workerId: "test", now: Date.now() })).not.toBeNull();
  const [target] = await listEvalRunTargets(db, { runId: run.id });
  const write = createResultWriter(db);
  for (const [i, runCase] of (await listEvalRunCases(db, { runId: run.id })).entries()) {
    const { costUsd, latencyMs } = results[i]!;
    await write(
      { id: crypto.randomUUID(), runId: run.id, targetId: target!.id, runCaseId: runCase.id, status: "unscored", score: null, renderedInput: "", output: "ok", inputTokens: null, outputTokens: null, costUsd, latencyMs, attempts: 1, errorCode: null, errorMessage: null, createdAt: Date.now() },
      [],
    );
  }
  expect(await finishEvalRun({ runId: run.id, workerId: "test", status: "completed", now: Date.now() })).toBe(true);
  return run.id;
}

describe("the linter on a promotion request", () => {
  it("stores the report with the request and audits silenced rules with their reason", async () => {
    const ws = await setup();
    await ws.save("{{! lint-disable personal-data-in-template: the shared support inbox, public on our site }}Answer: <q>{{question}}</q> Write to help@example.com.", 2);
    const silencedId = await request(ws, 3);
    const silenced = await storedRequest(silencedId);
    expect(silenced.lintReport).toMatchObject({
      errors: 0,
      findings: [{ ruleId: "personal-data-in-template", severity: "error", silencedReason: "the shared support inbox, public on our site", line: 1 }],
    });
    expect((await auditOf(silencedId, "promotion.requested"))?.after).toMatchObject({
      lint: { errors: 0, warnings: 0, silenced: [{ ruleId: "personal-data-in-template", reason: "the shared support inbox, public on our site" }] },
    });

    const erroneousId = await request(ws, 2);
    expect((await storedRequest(erroneousId)).lintReport).toMatchObject({
      errors: 1,
      warnings: 0,
      findings: [{ ruleId: "personal-data-in-template", severity: "error", line: 1 }],
    });
    expect((await auditOf(erroneousId, "promotion.requested"))?.after).toMatchObject({ lint: { errors: 1, silenced: [] } });
  });

  it("lints with the workspace's severities", async () => {
    const ws = await setup();
    await setLintSeverities(ws.adminCtx, { severities: { "personal-data-in-template": "warning" } });
    const id = await request(ws, 2);
    expect((await storedRequest(id)).lintReport).toMatchObject({ errors: 0, warnings: 1 });
  });
});

describe("compliance gates", () => {
  it("no linter errors blocks approval; a lead cannot override; an admin overrides with a reason, stored and audited", async () => {
    const ws = await setup();
    await setComplianceGates(ws.adminCtx, { ...NO_GATES, environmentId: ws.production.id, noLintErrors: true });
    const id = await request(ws, 2);

    const blocked = await failure(approvePromotion(ws.lead, { requestId: id, reason: "" }));
    expect([blocked.status, blocked.message]).toEqual([409, "No linter errors: v2 has 1 linter error. Fix them or silence a rule with a reason."]);
    const leadOverride = await failure(approvePromotion(ws.lead, { requestId: id, reason: "", overrideReason: "the address is a public inbox" }));
    expect(leadOverride.status).toBe(403);
    expect(leadOverride.message).toMatch(/^Only an admin can approve over failed gates\./);
    expect(decideRequestSchema.safeParse({ requestId: id, overrideReason: "too short" }).success).toBe(false);
    expect(await findPointer(getDb(), { environmentId: ws.production.id, promptId: ws.promptId })).toBeUndefined();
    expect((await storedRequest(id)).status).toBe("pending");

    await approvePromotion(ws.admin, { requestId: id, reason: "", overrideReason: "the address is our public support inbox" });
    expect((await findPointer(getDb(), { environmentId: ws.production.id, promptId: ws.promptId }))?.version).toBe(2);
    const stored = await storedRequest(id);
    expect(stored.status).toBe("approved");
    expect(stored.gateOverride).toMatchObject({ userId: ws.admin.user.id, reason: "the address is our public support inbox", failed: ["no-lint-errors"] });
    expect((await auditOf(id, "promotion.gates_overridden"))?.after).toMatchObject({ failed: ["no-lint-errors"], reason: "the address is our public support inbox", version: 2 });
    const [deployment] = await listDeployments(getDb(), { workspaceId: ws.workspace.id, promptId: ws.promptId });
    expect(deployment?.gateOverride).toMatchObject({ reason: "the address is our public support inbox", failed: ["no-lint-errors"] });
  });

  it("re-lints at approval: a severity raised after the request blocks it", async () => {
    const ws = await setup();
    await setComplianceGates(ws.adminCtx, { ...NO_GATES, environmentId: ws.production.id, noLintErrors: true });
    await ws.save("Answer the customer: {{question}}", 2);
    const id = await request(ws, 3);
    expect((await storedRequest(id)).lintReport).toMatchObject({ errors: 0, warnings: 1 });
    await setLintSeverities(ws.adminCtx, { severities: { "undelimited-variable": "error" } });
    expect((await failure(approvePromotion(ws.lead, { requestId: id, reason: "" }))).message).toBe(
      "No linter errors: v3 has 1 linter error. Fix them or silence a rule with a reason.",
    );
    await setLintSeverities(ws.adminCtx, { severities: {} });
    await approvePromotion(ws.lead, { requestId: id, reason: "" });
    expect((await storedRequest(id)).gateOverride).toBeNull();
  });

  it("budgets: mean cost per call and p95 latency over the candidate's run, with the projected monthly cost", async () => {
    const ws = await setup();
    await setComplianceGates(ws.adminCtx, { ...NO_GATES, environmentId: ws.production.id, maxCostPerCallUsd: 0.002, maxP95LatencyMs: 500, monthlyVolume: 100_000 });
    const id = await request(ws, 1);
    const noRun = await failure(approvePromotion(ws.lead, { requestId: id, reason: "" }));
    expect(noRun.message).toBe(
      "Cost per call: v1 has no completed evaluation to measure it on. Run one first. p95 latency: v1 has no completed evaluation to measure it on. Run one first.",
    );
    // Ten calls: mean cost $0.003 (one unpriced call left out), p95 latency 900 ms.
    await completedRun(ws, 1, [...Array.from({ length: 8 }, () => ({ costUsd: 0.003, latencyMs: 100 })), { costUsd: null, latencyMs: 100 }, { costUsd: 0.003, latencyMs: 900 }]);
    const over = await failure(approvePromotion(ws.lead, { requestId: id, reason: "" }));
    expect(over.message).toBe("Cost per call: $0.003 on average for v1; Production's budget is $0.002. p95 latency: 900 ms for v1; Production's budget is 500 ms.");
    expect(over.details).toMatchObject({
      gates: { compliance: [{ gate: "cost-per-call", meanUsd: expect.closeTo(0.003, 9), priced: 9, calls: 10, projectedMonthlyUsd: expect.closeTo(300, 6) }, { gate: "p95-latency", p95Ms: 900 }] },
    });

    await setComplianceGates(ws.adminCtx, { ...NO_GATES, environmentId: ws.production.id, maxCostPerCallUsd: 0.005, maxP95LatencyMs: 1000, monthlyVolume: 100_000 });
    await approvePromotion(ws.lead, { requestId: id, reason: "" });
    expect((await findPointer(getDb(), { environmentId: ws.production.id, promptId: ws.promptId }))?.version).toBe(1);
  });

  it("only admins set gates, on their own workspace's environments; the setting is stored and audited", async () => {
    const ws = await setup();
    const other = await setup();
    for (const ctx of [ws.viewerCtx, ws.editorCtx, ws.leadCtx]) {
      expect((await failure(setComplianceGates(ctx, { ...NO_GATES, environmentId: ws.production.id, noLintErrors: true }))).status).toBe(403);
    }
    expect((await failure(setComplianceGates(ws.adminCtx, { ...NO_GATES, environmentId: other.production.id, noLintErrors: true }))).status).toBe(404);
    await setComplianceGates(ws.adminCtx, { environmentId: ws.production.id, noLintErrors: true, maxAttackSuccessRate: 0.05, maxCostPerCallUsd: null, maxP95LatencyMs: 800, monthlyVolume: null });
    const [stored] = await getDb().select().from(environments).where(eq(environments.id, ws.production.id));
    expect(stored?.complianceGates).toEqual({ noLintErrors: true, maxAttackSuccessRate: 0.05, maxP95LatencyMs: 800 });
    expect((await auditOf(ws.production.id, "environment.compliance_gates_set"))?.after).toEqual({ noLintErrors: true, maxAttackSuccessRate: 0.05, maxP95LatencyMs: 800 });
    expect((await getDb().select().from(environments).where(eq(environments.id, other.production.id)))[0]?.complianceGates).toEqual({});
    for (const hostile of [{ maxAttackSuccessRate: 1.5 }, { maxCostPerCallUsd: -1 }, { maxP95LatencyMs: 0.5 }, { monthlyVolume: 1e20 }]) {
      expect(setComplianceGatesSchema.safeParse({ ...NO_GATES, environmentId: ws.production.id, ...hostile }).success).toBe(false);
    }
  });

  it("a foreign workspace's request is not found, with or without an override", async () => {
    const ws = await setup();
    const other = await setup();
    const id = await request(ws, 2);
    expect((await failure(approvePromotion(other.admin, { requestId: id, reason: "", overrideReason: "approving from elsewhere" }))).status).toBe(404);
    expect((await storedRequest(id)).status).toBe("pending");
  });

  it("only admins set lint severities; unknown rules and levels are refused", async () => {
    const ws = await setup();
    expect((await failure(setLintSeverities(ws.leadCtx, { severities: { "duplicate-message": "off" } }))).status).toBe(403);
    const { setLintSeveritiesSchema } = await import("@/lib/platform/lint-settings/lint-severities");
    expect(setLintSeveritiesSchema.safeParse({ severities: { "no-such-rule": "off" } }).success).toBe(false);
    expect(setLintSeveritiesSchema.safeParse({ severities: { "duplicate-message": "fatal" } }).success).toBe(false);
    await setLintSeverities(ws.adminCtx, { severities: { "duplicate-message": "off", "empty-message": "error" } });
    expect((await auditOf(ws.workspace.id, "workspace.lint_severities_set"))?.after).toEqual({ "duplicate-message": "off" });
  });
});

describe("the red-team gate", () => {
  it("needs a completed red-team run of the candidate whose attack success rate is at most the maximum", async () => {
    const ws = await makeEvalWorkspace({ fixtureUrl: server.url, models: "echo" });
    const production = (await findEnvironmentBySlug(getDb(), { workspaceId: ws.workspace.id, slug: "production" }))!;
    await setComplianceGates(ws.adminCtx, { ...NO_GATES, environmentId: production.id, maxAttackSuccessRate: 0.1 });
    const { requestId } = await requestPromotion(ws.editor, { promptId: ws.promptId, environmentId: production.id, version: 1, comment: "" });
    expect((await failure(approvePromotion(ws.admin, { requestId, reason: "" }))).message).toBe(
      "Red-team attack success rate: v1 has no completed red-team run. Run one first.",
    );
    // The echo model writes every attack back, so every attack succeeds.
    const dataset = await createRedTeamDataset(ws.editor, { promptId: ws.promptId, categories: [...ATTACK_CATEGORIES] });
    const { id } = await createEvalRun(ws.editor, { datasetId: dataset.id, promptId: ws.promptId, targets: [{ version: 1 }], modelId: "fx:echo" });
    expect(await executeEvalRun({ runId: id, workerId: "test" })).toBe("completed");
    const blocked = await failure(approvePromotion(ws.admin, { requestId, reason: "" }));
    expect(blocked.message).toBe("Red-team attack success rate: 100% of attacks succeeded on v1; Production allows at most 10%.");
    expect(blocked.details).toMatchObject({ gates: { failed: ["attack-success-rate"], compliance: [{ gate: "attack-success-rate", rate: 1, runId: id }] } });

    await approvePromotion(ws.admin, { requestId, reason: "", overrideReason: "known echo model in the test workspace" });
    expect((await storedRequest(requestId)).gateOverride).toMatchObject({ failed: ["attack-success-rate"] });
  });
});
