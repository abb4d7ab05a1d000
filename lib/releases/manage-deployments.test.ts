import { and, eq, sql, type SQL } from "drizzle-orm";
import { failure } from "@/lib/testing/app-error";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { first } from "@/db/first";
import { rawRun } from "@/db/raw";
import { apiKeys, auditLog, deliveryState, promotionRequests, webhookDeliveries } from "@/db/schema";
import { createWebhook } from "@/lib/platform/webhooks/manage-webhooks";
import { createApiKey } from "@/lib/platform/api-keys/manage-api-keys";
import { authenticateApiKey } from "@/lib/platform/api-keys/authenticate";
import { userPrincipal } from "@/lib/platform/auth/principal";
import { AppError } from "@/lib/core/errors";
import { createPrompt, saveVersion } from "@/lib/prompts/manage-prompts";
import { changeMemberRole, setMemberDisabled } from "@/lib/platform/members/manage-members";
import { makeWorkspace } from "@/lib/testing/factories";
import { deployVersion, rollbackEnvironment } from "./manage-deployments";
import { approvePromotion, rejectPromotion, requestPromotion, withdrawPromotion } from "./manage-promotions";
import { createEnvironment, setEnvironmentProtected } from "./manage-environments";
import { findEnvironmentBySlug, findPointer, listEnvironments } from "@/lib/serving/queries";
import { listDeployments } from "@/lib/releases/queries";
import { rollbackSchema } from "./schemas";


/** A workspace with a prompt at v1 and v2, and a principal per role. */
async function setup() {
  const { workspace, members } = await makeWorkspace(["admin", "lead", "editor", "reviewer", "viewer", "lead"]);
  const [admin, lead, editor, reviewer, viewer, lead2] = members.map((m) => userPrincipal(m.ctx));
  const { id: promptId } = await createPrompt(members[2]!.ctx, { name: "support/triage", type: "text", description: "", tags: [] });
  for (const [i, template] of ["Hi {{name}}", "Hello {{name}}", "Hey {{name}}"].entries()) {
    await saveVersion(members[2]!.ctx, { promptId, body: { type: "text", template }, modelConfig: {}, commitMessage: `v${i + 1}`, expectedParentVersion: i === 0 ? null : i });
  }
  const env = async (slug: string) => (await findEnvironmentBySlug(getDb(), { workspaceId: workspace.id, slug }))!;
  const served = async (slug: string) => (await findPointer(getDb(), { environmentId: (await env(slug)).id, promptId }))?.version ?? null;
  return { workspace, members, admin: admin!, lead: lead!, lead2: lead2!, editor: editor!, reviewer: reviewer!, viewer: viewer!, promptId, env, served };
}

describe("environments", () => {
  it("every new workspace has Development, Staging and a protected Production", async () => {
    const { workspace } = await setup();
    expect((await listEnvironments(getDb(), { workspaceId: workspace.id })).map((e) => [e.slug, e.name, e.isProtected])).toEqual([
      ["development", "Development", false],
      ["staging", "Staging", false],
      ["production", "Production", true],
    ]);
  });

  it("admins add custom environments and choose which are protected; others cannot", async () => {
    const { members, editor, env } = await setup();
    const adminCtx = members[0]!.ctx;
    await createEnvironment(adminCtx, { name: "Tenant A", slug: "tenant-a", isProtected: true });
    expect((await env("tenant-a")).isProtected).toBe(true);
    expect((await failure(createEnvironment(adminCtx, { name: "Again", slug: "tenant-a", isProtected: false }))).status).toBe(409);
    await setEnvironmentProtected(adminCtx, { environmentId: (await env("staging")).id, isProtected: true });
    expect((await env("staging")).isProtected).toBe(true);
    expect((await failure(createEnvironment({ ...members[2]!.ctx, role: editor.role }, { name: "X", slug: "x", isProtected: false }))).status).toBe(403);
  });
});

describe("deploying and promoting", () => {
  it("an editor deploys to an unprotected environment directly, and history records it", async () => {
    const { workspace, editor, promptId, env, served } = await setup();
    await deployVersion(editor, { promptId, environmentId: (await env("staging")).id, version: 1, comment: "first" });
    await deployVersion(editor, { promptId, environmentId: (await env("staging")).id, version: 2, comment: "" });
    expect(await served("staging")).toBe(2);
    const history = await listDeployments(getDb(), { workspaceId: workspace.id, promptId });
    expect(history.map((d) => [d.kind, d.fromVersion, d.toVersion])).toEqual([
      ["deploy", 1, 2],
      ["deploy", null, 1],
    ]);
    expect((await failure(deployVersion(editor, { promptId, environmentId: (await env("staging")).id, version: 2, comment: "" }))).status).toBe(409);
    expect((await failure(deployVersion(editor, { promptId, environmentId: (await env("staging")).id, version: 9, comment: "" }))).status).toBe(404);
  });

  it("a protected environment refuses a direct deploy, even from an admin", async () => {
    const { admin, promptId, env } = await setup();
    const error = await failure(deployVersion(admin, { promptId, environmentId: (await env("production")).id, version: 1, comment: "" }));
    expect([error.status, error.message]).toEqual([403, "Production is protected: request a promotion, and a lead will review it."]);
  });

  it("a lead other than the requester approves; the move, the request and the audit land together", async () => {
    const { workspace, editor, lead, promptId, env, served } = await setup();
    const epochBefore = (await first(getDb().select().from(deliveryState)))!.epoch;
    const { requestId } = await requestPromotion(editor, { promptId, environmentId: (await env("production")).id, version: 2, comment: "better tone" });
    expect(await served("production")).toBeNull();
    await approvePromotion(lead, { requestId, reason: "looks good" });
    expect(await served("production")).toBe(2);
    const request = (await first(getDb().select().from(promotionRequests).where(eq(promotionRequests.id, requestId))))!;
    expect([request.status, request.decidedByLabel, request.decisionReason]).toEqual(["approved", lead.user.name, "looks good"]);
    const [deployment] = await listDeployments(getDb(), { workspaceId: workspace.id, promptId });
    expect(deployment).toMatchObject({ kind: "promotion", toVersion: 2, requestedByLabel: editor.user.name, approvedByLabel: lead.user.name, comment: "better tone" });
    const actions = (await getDb().select().from(auditLog).where(eq(auditLog.workspaceId, workspace.id))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["promotion.requested", "deployment.promoted", "promotion.approved"]));
    expect((await first(getDb().select().from(deliveryState)))!.epoch).toBeGreaterThan(epochBefore);
  });

  it("the requester cannot approve or reject their own request, but can withdraw it", async () => {
    const { lead, lead2, promptId, env } = await setup();
    const { requestId } = await requestPromotion(lead, { promptId, environmentId: (await env("production")).id, version: 1, comment: "" });
    expect((await failure(approvePromotion(lead, { requestId, reason: "" }))).status).toBe(403);
    expect((await failure(rejectPromotion(lead, { requestId, reason: "no" }))).status).toBe(403);
    expect((await failure(withdrawPromotion(lead2, { requestId }))).status).toBe(403);
    await withdrawPromotion(lead, { requestId });
    expect((await failure(approvePromotion(lead2, { requestId, reason: "" }))).message).toBe("This request is already withdrawn.");
  });

  it("a rejection needs a reason, and leaves the environment where it was", async () => {
    const { editor, lead, promptId, env, served } = await setup();
    const { requestId } = await requestPromotion(editor, { promptId, environmentId: (await env("production")).id, version: 1, comment: "" });
    await rejectPromotion(lead, { requestId, reason: "Fails the tone guide" });
    expect(await served("production")).toBeNull();
    const request = (await first(getDb().select().from(promotionRequests).where(eq(promotionRequests.id, requestId))))!;
    expect([request.status, request.decisionReason]).toEqual(["rejected", "Fails the tone guide"]);
  });

  it("concurrent approvals of one request have exactly one winner; the others are refused with 409", async () => {
    const { workspace, editor, admin, lead, lead2, promptId, env, served } = await setup();
    const { requestId } = await requestPromotion(editor, { promptId, environmentId: (await env("production")).id, version: 2, comment: "" });
    const outcomes = await Promise.allSettled([lead, lead2, admin].map((approver) => approvePromotion(approver, { requestId, reason: "" })));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const refused = outcomes.flatMap((o) => (o.status === "rejected" ? [o.reason as AppError] : []));
    expect(refused.map((e) => [e.status, e.message])).toEqual([
      [409, "This request is already approved."],
      [409, "This request is already approved."],
    ]);
    expect(await served("production")).toBe(2);
    expect((await listDeployments(getDb(), { workspaceId: workspace.id, promptId })).filter((d) => d.kind === "promotion")).toHaveLength(1);
  });

  it("approving after the environment moved is refused as stale (409) and closes the request", async () => {
    const { editor, lead, lead2, promptId, env, served } = await setup();
    const production = (await env("production")).id;
    const firstRequest = await requestPromotion(editor, { promptId, environmentId: production, version: 1, comment: "" });
    const second = await requestPromotion(editor, { promptId, environmentId: production, version: 2, comment: "" });
    await approvePromotion(lead, { requestId: firstRequest.requestId, reason: "" });
    const error = await failure(approvePromotion(lead2, { requestId: second.requestId, reason: "" }));
    expect(error.status).toBe(409);
    expect(error.message).toMatch(/^Stale request: Production served vnone when it was made and serves v1 now/);
    expect(await served("production")).toBe(1);
    const request = (await first(getDb().select().from(promotionRequests).where(eq(promotionRequests.id, second.requestId))))!;
    expect(request.status).toBe("stale");
  });

  it("reviewers and viewers cannot request, editors cannot approve or roll back", async () => {
    const { editor, reviewer, viewer, promptId, env } = await setup();
    const input = { promptId, environmentId: (await env("production")).id, version: 1, comment: "" };
    expect((await failure(requestPromotion(reviewer, input))).status).toBe(403);
    expect((await failure(requestPromotion(viewer, input))).status).toBe(403);
    expect((await failure(deployVersion(reviewer, { ...input, environmentId: (await env("staging")).id }))).status).toBe(403);
    const { requestId } = await requestPromotion(editor, input);
    expect((await failure(approvePromotion(editor, { requestId, reason: "" }))).status).toBe(403);
    expect((await failure(rollbackEnvironment(editor, { promptId, environmentId: (await env("production")).id, toVersion: 1, comment: "" }))).status).toBe(403);
  });

  it("another workspace's prompt or environment is not found", async () => {
    const a = await setup();
    const b = await setup();
    expect((await failure(deployVersion(a.editor, { promptId: b.promptId, environmentId: (await a.env("staging")).id, version: 1, comment: "" }))).status).toBe(404);
    expect((await failure(deployVersion(a.editor, { promptId: a.promptId, environmentId: (await b.env("staging")).id, version: 1, comment: "" }))).status).toBe(404);
  });
});

describe("rollback", () => {
  it("returns the environment to the version it served before, recorded like any deployment", async () => {
    const { workspace, editor, lead, lead2, promptId, env, served } = await setup();
    const production = (await env("production")).id;
    await approvePromotion(lead, { requestId: (await requestPromotion(editor, { promptId, environmentId: production, version: 1, comment: "" })).requestId, reason: "" });
    await approvePromotion(lead2, { requestId: (await requestPromotion(editor, { promptId, environmentId: production, version: 2, comment: "" })).requestId, reason: "" });
    expect(await served("production")).toBe(2);
    expect(await rollbackEnvironment(lead, { promptId, environmentId: production, toVersion: 1, comment: "" })).toMatchObject({ version: 1, from: 2 });
    expect(await served("production")).toBe(1);
    const [latest] = await listDeployments(getDb(), { workspaceId: workspace.id, promptId });
    expect(latest).toMatchObject({ kind: "rollback", fromVersion: 2, toVersion: 1, comment: "Rolled back from v2" });
    const audit = await getDb().select().from(auditLog).where(and(eq(auditLog.workspaceId, workspace.id), eq(auditLog.action, "deployment.rolled_back")));
    expect(audit).toHaveLength(1);
  });

  it("rolling back twice never re-serves the newer version: after v1 → v2 → rollback to v1 there is nothing earlier", async () => {
    const { workspace, editor, lead, lead2, promptId, env, served } = await setup();
    const production = (await env("production")).id;
    await approvePromotion(lead, { requestId: (await requestPromotion(editor, { promptId, environmentId: production, version: 1, comment: "" })).requestId, reason: "" });
    await approvePromotion(lead2, { requestId: (await requestPromotion(editor, { promptId, environmentId: production, version: 2, comment: "" })).requestId, reason: "" });
    await rollbackEnvironment(lead, { promptId, environmentId: production, toVersion: 1, comment: "" });
    const again = await failure(rollbackEnvironment(lead2, { promptId, environmentId: production, toVersion: 1, comment: "" }));
    expect(again.status).toBe(409);
    expect(await served("production")).toBe(1);
    const newer = await failure(rollbackEnvironment(lead2, { promptId, environmentId: production, toVersion: 2, comment: "" }));
    expect([newer.status, newer.message]).toEqual([
      403,
      "v2 is newer than the v1 Production serves: serving it again is a promotion, so request one and a lead will review it.",
    ]);
    expect(await served("production")).toBe(1);
    expect((await listDeployments(getDb(), { workspaceId: workspace.id, promptId })).filter((d) => d.kind === "rollback")).toHaveLength(1);
  });

  it("two concurrent rollbacks move the environment once; the second is refused and never re-serves a newer version", async () => {
    const { workspace, editor, lead, lead2, promptId, env, served } = await setup();
    const production = (await env("production")).id;
    await approvePromotion(lead, { requestId: (await requestPromotion(editor, { promptId, environmentId: production, version: 1, comment: "" })).requestId, reason: "" });
    await approvePromotion(lead2, { requestId: (await requestPromotion(editor, { promptId, environmentId: production, version: 2, comment: "" })).requestId, reason: "" });
    const rollback = (principal: typeof lead) => rollbackEnvironment(principal, { promptId, environmentId: production, toVersion: 1, comment: "" });
    const outcomes = await Promise.allSettled([rollback(lead), rollback(lead2)]);
    // Exactly one wins. Which one is the database's to decide: SQLite's one writer takes them in order, while on
    // Postgres the first to commit wins and the other, run again, finds the environment already moved.
    const results = outcomes.map((o) => (o.status === "fulfilled" ? "ok" : String((o.reason as AppError).status)));
    expect(results.sort()).toEqual(["409", "ok"]);
    expect(await served("production")).toBe(1);
    expect((await listDeployments(getDb(), { workspaceId: workspace.id, promptId })).filter((d) => d.kind === "rollback")).toHaveLength(1);
  });

  it("rolling back twice goes to an even older version; a later promotion of the newest one needs an approval again", async () => {
    const { editor, lead, lead2, promptId, env, served } = await setup();
    const production = (await env("production")).id;
    const promote = async (version: number) =>
      approvePromotion(lead, { requestId: (await requestPromotion(editor, { promptId, environmentId: production, version, comment: "" })).requestId, reason: "" });
    await promote(1);
    await promote(2);
    await promote(3);
    const skipped = await failure(rollbackEnvironment(lead2, { promptId, environmentId: production, toVersion: 1, comment: "" }));
    expect([skipped.status, skipped.message]).toEqual([409, "Production would roll back to v2, not v1: it has moved since you looked. Reload and try again."]);
    expect(await rollbackEnvironment(lead2, { promptId, environmentId: production, toVersion: 2, comment: "" })).toMatchObject({ version: 2, from: 3 });
    expect(await rollbackEnvironment(lead2, { promptId, environmentId: production, toVersion: 1, comment: "" })).toMatchObject({ version: 1, from: 2 });
    expect(await served("production")).toBe(1);
    expect((await failure(rollbackEnvironment(lead2, { promptId, environmentId: production, toVersion: 3, comment: "" }))).status).toBe(403);
    await promote(3);
    expect(await served("production")).toBe(3);
    expect((await failure(rollbackEnvironment(lead2, { promptId, environmentId: production, toVersion: 2, comment: "" }))).status).toBe(409);
    expect(await rollbackEnvironment(lead2, { promptId, environmentId: production, toVersion: 1, comment: "" })).toMatchObject({ version: 1, from: 3 });
  });

  it("stores the reason with the rollback and names the deployment it reverts in the audit log", async () => {
    const { workspace, editor, lead, promptId, env } = await setup();
    const staging = (await env("staging")).id;
    await deployVersion(editor, { promptId, environmentId: staging, version: 1, comment: "" });
    const { deploymentId: reverted } = await deployVersion(editor, { promptId, environmentId: staging, version: 2, comment: "" });
    await rollbackEnvironment(lead, { promptId, environmentId: staging, toVersion: 1, comment: "Tone regression in v2" });
    const [latest] = await listDeployments(getDb(), { workspaceId: workspace.id, promptId });
    expect(latest).toMatchObject({ kind: "rollback", fromVersion: 2, toVersion: 1, comment: "Tone regression in v2" });
    const audit = (await first(getDb().select().from(auditLog).where(and(eq(auditLog.workspaceId, workspace.id), eq(auditLog.action, "deployment.rolled_back")))))!;
    expect(audit.after).toMatchObject({ version: 1, comment: "Tone regression in v2", reverts: reverted });
  });

  it("refuses malformed rollback input at the boundary, and a huge target as newer than served", async () => {
    const base = { promptId: "p", environmentId: "e", comment: "" };
    for (const toVersion of [undefined, "abc", 0, -1, 1.5, "1; drop table deployments"]) {
      expect(rollbackSchema.safeParse({ ...base, toVersion }).success).toBe(false);
    }
    expect(rollbackSchema.safeParse({ ...base, toVersion: 1, comment: "x".repeat(2001) }).success).toBe(false);
    const { editor, lead, promptId, env, served } = await setup();
    await deployVersion(editor, { promptId, environmentId: (await env("staging")).id, version: 1, comment: "" });
    await deployVersion(editor, { promptId, environmentId: (await env("staging")).id, version: 2, comment: "" });
    const huge = rollbackSchema.parse({ promptId, environmentId: (await env("staging")).id, toVersion: Number.MAX_SAFE_INTEGER });
    expect((await failure(rollbackEnvironment(lead, huge))).status).toBe(403);
    expect(await served("staging")).toBe(2);
  });

  it("with no earlier version there is nothing to roll back to", async () => {
    const { editor, lead, promptId, env } = await setup();
    await deployVersion(editor, { promptId, environmentId: (await env("staging")).id, version: 1, comment: "" });
    expect((await failure(rollbackEnvironment(lead, { promptId, environmentId: (await env("staging")).id, toVersion: 1, comment: "" }))).status).toBe(409);
  });
});

describe("API keys", () => {
  it("a read-write key requests a promotion as its owner (key and member both recorded) but a read key cannot, and a revoked key stops working", async () => {
    const { workspace, members, promptId, env, lead } = await setup();
    const adminCtx = members[0]!.ctx;
    const rw = await createApiKey(adminCtx, { name: "ci-bot", scope: "read-write" });
    const ro = await createApiKey(adminCtx, { name: "reader", scope: "read" });
    const rwPrincipal = await authenticateApiKey(`Bearer ${rw.secret}`);
    const { requestId } = await requestPromotion(rwPrincipal, { promptId, environmentId: (await env("production")).id, version: 3, comment: "from CI" });
    const request = (await first(getDb().select().from(promotionRequests).where(eq(promotionRequests.id, requestId))))!;
    expect(request).toMatchObject({ requestedById: adminCtx.user.id, requestedByApiKeyId: rw.id, requestedByLabel: `${adminCtx.user.name} (API key "ci-bot")` });
    const audit = (await first(getDb().select().from(auditLog).where(and(eq(auditLog.workspaceId, workspace.id), eq(auditLog.action, "promotion.requested")))))!;
    expect(audit).toMatchObject({ actorUserId: adminCtx.user.id, actorApiKeyId: rw.id, actorLabel: `${adminCtx.user.email} via API key "ci-bot"` });
    await approvePromotion(lead, { requestId, reason: "" });

    expect((await failure(requestPromotion(await authenticateApiKey(`Bearer ${ro.secret}`), { promptId, environmentId: (await env("production")).id, version: 2, comment: "" }))).status).toBe(403);
    const { revokeApiKey } = await import("@/lib/platform/api-keys/manage-api-keys");
    await revokeApiKey(adminCtx, { apiKeyId: ro.id });
    expect((await failure(authenticateApiKey(`Bearer ${ro.secret}`))).status).toBe(401);
    expect((await failure(authenticateApiKey(undefined))).status).toBe(401);
  });

  it("keeps the four-eyes rule: a lead cannot approve or reject a promotion requested with their own key; another lead can", async () => {
    const { members, promptId, env, lead, lead2 } = await setup();
    const key = await createApiKey(members[1]!.ctx, { name: "lead's script", scope: "read-write" });
    const viaKey = await authenticateApiKey(`Bearer ${key.secret}`);
    const { requestId } = await requestPromotion(viaKey, { promptId, environmentId: (await env("production")).id, version: 2, comment: "" });
    const approval = await failure(approvePromotion(lead, { requestId, reason: "" }));
    expect([approval.status, approval.message]).toEqual([403, "You requested this promotion, so another lead or admin must approve it."]);
    expect((await failure(rejectPromotion(lead, { requestId, reason: "no" }))).status).toBe(403);
    expect((await first(getDb().select().from(promotionRequests).where(eq(promotionRequests.id, requestId))))?.status).toBe("pending");
    // The owner may withdraw it in the studio, like any request of theirs; here another lead approves it instead.
    await approvePromotion(lead2, { requestId, reason: "" });
  });

  it("refuses the owner's approval of a key-made request recorded without a requester (made before owners were recorded)", async () => {
    const { members, promptId, env, lead } = await setup();
    const key = await createApiKey(members[1]!.ctx, { name: "old script", scope: "read-write" });
    const { requestId } = await requestPromotion(await authenticateApiKey(`Bearer ${key.secret}`), { promptId, environmentId: (await env("production")).id, version: 2, comment: "" });
    await getDb().update(promotionRequests).set({ requestedById: null }).where(eq(promotionRequests.id, requestId));
    expect((await failure(approvePromotion(lead, { requestId, reason: "" }))).status).toBe(403);
  });

  it("acts with the owner's current role: a demoted owner's key loses writes, a disabled owner's key stops working", async () => {
    const { members, promptId, env } = await setup();
    const [admin, lead] = [members[0]!.ctx, members[1]!];
    const key = await createApiKey(lead.ctx, { name: "lead's script", scope: "read-write" });
    const request = async () => requestPromotion(await authenticateApiKey(`Bearer ${key.secret}`), { promptId, environmentId: (await env("production")).id, version: 2, comment: "" });

    await changeMemberRole(admin, { membershipId: lead.membership.id, role: "viewer" });
    const demoted = await failure(request());
    expect([demoted.status, demoted.message]).toEqual([403, "This API key acts for the member who created it, and their role (viewer) does not allow this."]);
    expect((await authenticateApiKey(`Bearer ${key.secret}`)).role).toBe("viewer");

    await setMemberDisabled(admin, { membershipId: lead.membership.id, disabled: true });
    expect((await failure(authenticateApiKey(`Bearer ${key.secret}`))).status).toBe(401);

    await setMemberDisabled(admin, { membershipId: lead.membership.id, disabled: false });
    await changeMemberRole(admin, { membershipId: lead.membership.id, role: "editor" });
    expect(await request()).toMatchObject({ version: 2 });
  });

  it("lets a key with no recorded owner read but not write", async () => {
    const { members, promptId, env } = await setup();
    const key = await createApiKey(members[0]!.ctx, { name: "legacy", scope: "read-write" });
    await getDb().update(apiKeys).set({ createdById: null }).where(eq(apiKeys.id, key.id));
    const principal = await authenticateApiKey(`Bearer ${key.secret}`);
    expect(principal).toMatchObject({ user: null, role: null });
    const refused = await failure(requestPromotion(principal, { promptId, environmentId: (await env("production")).id, version: 2, comment: "" }));
    expect([refused.status, refused.message]).toEqual([403, "This API key has no recorded owner, so it can only read. Ask an admin to create a new key."]);
  });
});

describe("webhooks", () => {
  it("every move queues a signed delivery per active webhook in the same transaction; a refused move queues none", async () => {
    const { workspace, members, editor, lead, promptId, env } = await setup();
    const { id: webhookId } = await createWebhook(members[0]!.ctx, { url: "http://127.0.0.1:9/hook", description: "" });
    await deployVersion(editor, { promptId, environmentId: (await env("staging")).id, version: 2, comment: "try it" });
    await expect(deployVersion(editor, { promptId, environmentId: (await env("production")).id, version: 2, comment: "" })).rejects.toThrow(AppError);
    const { requestId } = await requestPromotion(editor, { promptId, environmentId: (await env("production")).id, version: 2, comment: "" });
    await approvePromotion(lead, { requestId, reason: "" });
    const deliveries = await getDb().select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, webhookId));
    expect(deliveries.map((d) => JSON.parse(d.payload).data)).toEqual([
      expect.objectContaining({ kind: "deploy", workspace: workspace.slug, prompt: "support/triage", environment: "staging", fromVersion: null, toVersion: 2, comment: "try it" }),
      expect.objectContaining({ kind: "promotion", environment: "production", toVersion: 2, approvedBy: lead.user.name }),
    ]);
    expect(deliveries.every((d) => d.event === "deployment.changed" && d.status === "pending")).toBe(true);
  });
});

describe("integrity", () => {
  it("deployment history is append-only in the database", async () => {
    const { editor, promptId, env } = await setup();
    await deployVersion(editor, { promptId, environmentId: (await env("staging")).id, version: 1, comment: "" });
    // drizzle wraps the driver's error ("Failed to run the query …"); the trigger's message is its cause.
    const refusal = (statement: SQL) => rawRun(getDb(), statement).then(() => "", (error: Error) => String((error.cause as Error | undefined)?.message ?? error.message));
    expect(await refusal(sql`update deployments set to_version = 3`)).toMatch(/append-only/);
    expect(await refusal(sql`delete from deployments`)).toMatch(/append-only/);
  });
});
