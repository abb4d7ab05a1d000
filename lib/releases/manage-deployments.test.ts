import Database from "better-sqlite3";
import { and, eq } from "drizzle-orm";
import { thrown } from "@/lib/testing/app-error";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
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
function setup() {
  const { workspace, members } = makeWorkspace(["admin", "lead", "editor", "reviewer", "viewer", "lead"]);
  const [admin, lead, editor, reviewer, viewer, lead2] = members.map((m) => userPrincipal(m.ctx));
  const { id: promptId } = createPrompt(members[2]!.ctx, { name: "support/triage", type: "text", description: "", tags: [] });
  for (const [i, template] of ["Hi {{name}}", "Hello {{name}}", "Hey {{name}}"].entries()) {
    saveVersion(members[2]!.ctx, { promptId, body: { type: "text", template }, modelConfig: {}, commitMessage: `v${i + 1}`, expectedParentVersion: i === 0 ? null : i });
  }
  const env = (slug: string) => findEnvironmentBySlug(getDb(), { workspaceId: workspace.id, slug })!;
  const served = (slug: string) => findPointer(getDb(), { environmentId: env(slug).id, promptId })?.version ?? null;
  return { workspace, members, admin: admin!, lead: lead!, lead2: lead2!, editor: editor!, reviewer: reviewer!, viewer: viewer!, promptId, env, served };
}

describe("environments", () => {
  it("every new workspace has Development, Staging and a protected Production", () => {
    const { workspace } = setup();
    expect(listEnvironments(getDb(), { workspaceId: workspace.id }).map((e) => [e.slug, e.name, e.isProtected])).toEqual([
      ["development", "Development", false],
      ["staging", "Staging", false],
      ["production", "Production", true],
    ]);
  });

  it("admins add custom environments and choose which are protected; others cannot", () => {
    const { members, editor, env } = setup();
    const adminCtx = members[0]!.ctx;
    createEnvironment(adminCtx, { name: "Tenant A", slug: "tenant-a", isProtected: true });
    expect(env("tenant-a").isProtected).toBe(true);
    expect(thrown(() => createEnvironment(adminCtx, { name: "Again", slug: "tenant-a", isProtected: false })).status).toBe(409);
    setEnvironmentProtected(adminCtx, { environmentId: env("staging").id, isProtected: true });
    expect(env("staging").isProtected).toBe(true);
    expect(thrown(() => createEnvironment({ ...members[2]!.ctx, role: editor.role }, { name: "X", slug: "x", isProtected: false })).status).toBe(403);
  });
});

describe("deploying and promoting", () => {
  it("an editor deploys to an unprotected environment directly, and history records it", () => {
    const { workspace, editor, promptId, env, served } = setup();
    deployVersion(editor, { promptId, environmentId: env("staging").id, version: 1, comment: "first" });
    deployVersion(editor, { promptId, environmentId: env("staging").id, version: 2, comment: "" });
    expect(served("staging")).toBe(2);
    const history = listDeployments(getDb(), { workspaceId: workspace.id, promptId });
    expect(history.map((d) => [d.kind, d.fromVersion, d.toVersion])).toEqual([
      ["deploy", 1, 2],
      ["deploy", null, 1],
    ]);
    expect(thrown(() => deployVersion(editor, { promptId, environmentId: env("staging").id, version: 2, comment: "" })).status).toBe(409);
    expect(thrown(() => deployVersion(editor, { promptId, environmentId: env("staging").id, version: 9, comment: "" })).status).toBe(404);
  });

  it("a protected environment refuses a direct deploy, even from an admin", () => {
    const { admin, promptId, env } = setup();
    const error = thrown(() => deployVersion(admin, { promptId, environmentId: env("production").id, version: 1, comment: "" }));
    expect([error.status, error.message]).toEqual([403, "Production is protected: request a promotion, and a lead will review it."]);
  });

  it("a lead other than the requester approves; the move, the request and the audit land together", () => {
    const { workspace, editor, lead, promptId, env, served } = setup();
    const epochBefore = getDb().select().from(deliveryState).get()!.epoch;
    const { requestId } = requestPromotion(editor, { promptId, environmentId: env("production").id, version: 2, comment: "better tone" });
    expect(served("production")).toBeNull();
    approvePromotion(lead, { requestId, reason: "looks good" });
    expect(served("production")).toBe(2);
    const request = getDb().select().from(promotionRequests).where(eq(promotionRequests.id, requestId)).get()!;
    expect([request.status, request.decidedByLabel, request.decisionReason]).toEqual(["approved", lead.user.name, "looks good"]);
    const [deployment] = listDeployments(getDb(), { workspaceId: workspace.id, promptId });
    expect(deployment).toMatchObject({ kind: "promotion", toVersion: 2, requestedByLabel: editor.user.name, approvedByLabel: lead.user.name, comment: "better tone" });
    const actions = getDb().select().from(auditLog).where(eq(auditLog.workspaceId, workspace.id)).all().map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["promotion.requested", "deployment.promoted", "promotion.approved"]));
    expect(getDb().select().from(deliveryState).get()!.epoch).toBeGreaterThan(epochBefore);
  });

  it("the requester cannot approve or reject their own request, but can withdraw it", () => {
    const { lead, lead2, promptId, env } = setup();
    const { requestId } = requestPromotion(lead, { promptId, environmentId: env("production").id, version: 1, comment: "" });
    expect(thrown(() => approvePromotion(lead, { requestId, reason: "" })).status).toBe(403);
    expect(thrown(() => rejectPromotion(lead, { requestId, reason: "no" })).status).toBe(403);
    expect(thrown(() => withdrawPromotion(lead2, { requestId })).status).toBe(403);
    withdrawPromotion(lead, { requestId });
    expect(thrown(() => approvePromotion(lead2, { requestId, reason: "" })).message).toBe("This request is already withdrawn.");
  });

  it("a rejection needs a reason, and leaves the environment where it was", () => {
    const { editor, lead, promptId, env, served } = setup();
    const { requestId } = requestPromotion(editor, { promptId, environmentId: env("production").id, version: 1, comment: "" });
    rejectPromotion(lead, { requestId, reason: "Fails the tone guide" });
    expect(served("production")).toBeNull();
    const request = getDb().select().from(promotionRequests).where(eq(promotionRequests.id, requestId)).get()!;
    expect([request.status, request.decisionReason]).toEqual(["rejected", "Fails the tone guide"]);
  });

  it("approving after the environment moved is refused as stale (409) and closes the request", () => {
    const { editor, lead, lead2, promptId, env, served } = setup();
    const production = env("production").id;
    const first = requestPromotion(editor, { promptId, environmentId: production, version: 1, comment: "" });
    const second = requestPromotion(editor, { promptId, environmentId: production, version: 2, comment: "" });
    approvePromotion(lead, { requestId: first.requestId, reason: "" });
    const error = thrown(() => approvePromotion(lead2, { requestId: second.requestId, reason: "" }));
    expect(error.status).toBe(409);
    expect(error.message).toMatch(/^Stale request: Production served vnone when it was made and serves v1 now/);
    expect(served("production")).toBe(1);
    const request = getDb().select().from(promotionRequests).where(eq(promotionRequests.id, second.requestId)).get()!;
    expect(request.status).toBe("stale");
  });

  it("reviewers and viewers cannot request, editors cannot approve or roll back", () => {
    const { editor, reviewer, viewer, promptId, env } = setup();
    const input = { promptId, environmentId: env("production").id, version: 1, comment: "" };
    expect(thrown(() => requestPromotion(reviewer, input)).status).toBe(403);
    expect(thrown(() => requestPromotion(viewer, input)).status).toBe(403);
    expect(thrown(() => deployVersion(reviewer, { ...input, environmentId: env("staging").id })).status).toBe(403);
    const { requestId } = requestPromotion(editor, input);
    expect(thrown(() => approvePromotion(editor, { requestId, reason: "" })).status).toBe(403);
    expect(thrown(() => rollbackEnvironment(editor, { promptId, environmentId: env("production").id, toVersion: 1, comment: "" })).status).toBe(403);
  });

  it("another workspace's prompt or environment is not found", () => {
    const a = setup();
    const b = setup();
    expect(thrown(() => deployVersion(a.editor, { promptId: b.promptId, environmentId: a.env("staging").id, version: 1, comment: "" })).status).toBe(404);
    expect(thrown(() => deployVersion(a.editor, { promptId: a.promptId, environmentId: b.env("staging").id, version: 1, comment: "" })).status).toBe(404);
  });
});

describe("rollback", () => {
  it("returns the environment to the version it served before, recorded like any deployment", () => {
    const { workspace, editor, lead, lead2, promptId, env, served } = setup();
    const production = env("production").id;
    approvePromotion(lead, { requestId: requestPromotion(editor, { promptId, environmentId: production, version: 1, comment: "" }).requestId, reason: "" });
    approvePromotion(lead2, { requestId: requestPromotion(editor, { promptId, environmentId: production, version: 2, comment: "" }).requestId, reason: "" });
    expect(served("production")).toBe(2);
    expect(rollbackEnvironment(lead, { promptId, environmentId: production, toVersion: 1, comment: "" })).toMatchObject({ version: 1, from: 2 });
    expect(served("production")).toBe(1);
    const [latest] = listDeployments(getDb(), { workspaceId: workspace.id, promptId });
    expect(latest).toMatchObject({ kind: "rollback", fromVersion: 2, toVersion: 1, comment: "Rolled back from v2" });
    const audit = getDb().select().from(auditLog).where(and(eq(auditLog.workspaceId, workspace.id), eq(auditLog.action, "deployment.rolled_back"))).all();
    expect(audit).toHaveLength(1);
  });

  it("rolling back twice never re-serves the newer version: after v1 → v2 → rollback to v1 there is nothing earlier", () => {
    const { workspace, editor, lead, lead2, promptId, env, served } = setup();
    const production = env("production").id;
    approvePromotion(lead, { requestId: requestPromotion(editor, { promptId, environmentId: production, version: 1, comment: "" }).requestId, reason: "" });
    approvePromotion(lead2, { requestId: requestPromotion(editor, { promptId, environmentId: production, version: 2, comment: "" }).requestId, reason: "" });
    rollbackEnvironment(lead, { promptId, environmentId: production, toVersion: 1, comment: "" });
    const again = thrown(() => rollbackEnvironment(lead2, { promptId, environmentId: production, toVersion: 1, comment: "" }));
    expect(again.status).toBe(409);
    expect(served("production")).toBe(1);
    const newer = thrown(() => rollbackEnvironment(lead2, { promptId, environmentId: production, toVersion: 2, comment: "" }));
    expect([newer.status, newer.message]).toEqual([
      403,
      "v2 is newer than the v1 Production serves: serving it again is a promotion, so request one and a lead will review it.",
    ]);
    expect(served("production")).toBe(1);
    expect(listDeployments(getDb(), { workspaceId: workspace.id, promptId }).filter((d) => d.kind === "rollback")).toHaveLength(1);
  });

  it("rolling back twice goes to an even older version; a later promotion of the newest one needs an approval again", () => {
    const { editor, lead, lead2, promptId, env, served } = setup();
    const production = env("production").id;
    const promote = (version: number) =>
      approvePromotion(lead, { requestId: requestPromotion(editor, { promptId, environmentId: production, version, comment: "" }).requestId, reason: "" });
    promote(1);
    promote(2);
    promote(3);
    const skipped = thrown(() => rollbackEnvironment(lead2, { promptId, environmentId: production, toVersion: 1, comment: "" }));
    expect([skipped.status, skipped.message]).toEqual([409, "Production would roll back to v2, not v1: it has moved since you looked. Reload and try again."]);
    expect(rollbackEnvironment(lead2, { promptId, environmentId: production, toVersion: 2, comment: "" })).toMatchObject({ version: 2, from: 3 });
    expect(rollbackEnvironment(lead2, { promptId, environmentId: production, toVersion: 1, comment: "" })).toMatchObject({ version: 1, from: 2 });
    expect(served("production")).toBe(1);
    expect(thrown(() => rollbackEnvironment(lead2, { promptId, environmentId: production, toVersion: 3, comment: "" })).status).toBe(403);
    promote(3);
    expect(served("production")).toBe(3);
    expect(thrown(() => rollbackEnvironment(lead2, { promptId, environmentId: production, toVersion: 2, comment: "" })).status).toBe(409);
    expect(rollbackEnvironment(lead2, { promptId, environmentId: production, toVersion: 1, comment: "" })).toMatchObject({ version: 1, from: 3 });
  });

  it("stores the reason with the rollback and names the deployment it reverts in the audit log", () => {
    const { workspace, editor, lead, promptId, env } = setup();
    const staging = env("staging").id;
    deployVersion(editor, { promptId, environmentId: staging, version: 1, comment: "" });
    const { deploymentId: reverted } = deployVersion(editor, { promptId, environmentId: staging, version: 2, comment: "" });
    rollbackEnvironment(lead, { promptId, environmentId: staging, toVersion: 1, comment: "Tone regression in v2" });
    const [latest] = listDeployments(getDb(), { workspaceId: workspace.id, promptId });
    expect(latest).toMatchObject({ kind: "rollback", fromVersion: 2, toVersion: 1, comment: "Tone regression in v2" });
    const audit = getDb().select().from(auditLog).where(and(eq(auditLog.workspaceId, workspace.id), eq(auditLog.action, "deployment.rolled_back"))).get()!;
    expect(audit.after).toMatchObject({ version: 1, comment: "Tone regression in v2", reverts: reverted });
  });

  it("refuses malformed rollback input at the boundary, and a huge target as newer than served", () => {
    const base = { promptId: "p", environmentId: "e", comment: "" };
    for (const toVersion of [undefined, "abc", 0, -1, 1.5, "1; drop table deployments"]) {
      expect(rollbackSchema.safeParse({ ...base, toVersion }).success).toBe(false);
    }
    expect(rollbackSchema.safeParse({ ...base, toVersion: 1, comment: "x".repeat(2001) }).success).toBe(false);
    const { editor, lead, promptId, env, served } = setup();
    deployVersion(editor, { promptId, environmentId: env("staging").id, version: 1, comment: "" });
    deployVersion(editor, { promptId, environmentId: env("staging").id, version: 2, comment: "" });
    const huge = rollbackSchema.parse({ promptId, environmentId: env("staging").id, toVersion: Number.MAX_SAFE_INTEGER });
    expect(thrown(() => rollbackEnvironment(lead, huge)).status).toBe(403);
    expect(served("staging")).toBe(2);
  });

  it("with no earlier version there is nothing to roll back to", () => {
    const { editor, lead, promptId, env } = setup();
    deployVersion(editor, { promptId, environmentId: env("staging").id, version: 1, comment: "" });
    expect(thrown(() => rollbackEnvironment(lead, { promptId, environmentId: env("staging").id, toVersion: 1, comment: "" })).status).toBe(409);
  });
});

describe("API keys", () => {
  it("a read-write key requests a promotion as its owner (key and member both recorded) but a read key cannot, and a revoked key stops working", async () => {
    const { workspace, members, promptId, env, lead } = setup();
    const adminCtx = members[0]!.ctx;
    const rw = createApiKey(adminCtx, { name: "ci-bot", scope: "read-write" });
    const ro = createApiKey(adminCtx, { name: "reader", scope: "read" });
    const rwPrincipal = authenticateApiKey(`Bearer ${rw.secret}`);
    const { requestId } = requestPromotion(rwPrincipal, { promptId, environmentId: env("production").id, version: 3, comment: "from CI" });
    const request = getDb().select().from(promotionRequests).where(eq(promotionRequests.id, requestId)).get()!;
    expect(request).toMatchObject({ requestedById: adminCtx.user.id, requestedByApiKeyId: rw.id, requestedByLabel: `${adminCtx.user.name} (API key "ci-bot")` });
    const audit = getDb().select().from(auditLog).where(and(eq(auditLog.workspaceId, workspace.id), eq(auditLog.action, "promotion.requested"))).get()!;
    expect(audit).toMatchObject({ actorUserId: adminCtx.user.id, actorApiKeyId: rw.id, actorLabel: `${adminCtx.user.email} via API key "ci-bot"` });
    approvePromotion(lead, { requestId, reason: "" });

    expect(thrown(() => requestPromotion(authenticateApiKey(`Bearer ${ro.secret}`), { promptId, environmentId: env("production").id, version: 2, comment: "" })).status).toBe(403);
    const { revokeApiKey } = await import("@/lib/platform/api-keys/manage-api-keys");
    revokeApiKey(adminCtx, { apiKeyId: ro.id });
    expect(thrown(() => authenticateApiKey(`Bearer ${ro.secret}`)).status).toBe(401);
    expect(thrown(() => authenticateApiKey(undefined)).status).toBe(401);
  });

  it("keeps the four-eyes rule: a lead cannot approve or reject a promotion requested with their own key; another lead can", () => {
    const { members, promptId, env, lead, lead2 } = setup();
    const key = createApiKey(members[1]!.ctx, { name: "lead's script", scope: "read-write" });
    const viaKey = authenticateApiKey(`Bearer ${key.secret}`);
    const { requestId } = requestPromotion(viaKey, { promptId, environmentId: env("production").id, version: 2, comment: "" });
    const approval = thrown(() => approvePromotion(lead, { requestId, reason: "" }));
    expect([approval.status, approval.message]).toEqual([403, "You requested this promotion, so another lead or admin must approve it."]);
    expect(thrown(() => rejectPromotion(lead, { requestId, reason: "no" })).status).toBe(403);
    expect(getDb().select().from(promotionRequests).where(eq(promotionRequests.id, requestId)).get()?.status).toBe("pending");
    // The owner may withdraw it in the studio, like any request of theirs; here another lead approves it instead.
    approvePromotion(lead2, { requestId, reason: "" });
  });

  it("refuses the owner's approval of a key-made request recorded without a requester (made before owners were recorded)", () => {
    const { members, promptId, env, lead } = setup();
    const key = createApiKey(members[1]!.ctx, { name: "old script", scope: "read-write" });
    const { requestId } = requestPromotion(authenticateApiKey(`Bearer ${key.secret}`), { promptId, environmentId: env("production").id, version: 2, comment: "" });
    getDb().update(promotionRequests).set({ requestedById: null }).where(eq(promotionRequests.id, requestId)).run();
    expect(thrown(() => approvePromotion(lead, { requestId, reason: "" })).status).toBe(403);
  });

  it("acts with the owner's current role: a demoted owner's key loses writes, a disabled owner's key stops working", () => {
    const { members, promptId, env } = setup();
    const [admin, lead] = [members[0]!.ctx, members[1]!];
    const key = createApiKey(lead.ctx, { name: "lead's script", scope: "read-write" });
    const request = () => requestPromotion(authenticateApiKey(`Bearer ${key.secret}`), { promptId, environmentId: env("production").id, version: 2, comment: "" });

    changeMemberRole(admin, { membershipId: lead.membership.id, role: "viewer" });
    const demoted = thrown(request);
    expect([demoted.status, demoted.message]).toEqual([403, "This API key acts for the member who created it, and their role (viewer) does not allow this."]);
    expect(authenticateApiKey(`Bearer ${key.secret}`).role).toBe("viewer");

    setMemberDisabled(admin, { membershipId: lead.membership.id, disabled: true });
    expect(thrown(() => authenticateApiKey(`Bearer ${key.secret}`)).status).toBe(401);

    setMemberDisabled(admin, { membershipId: lead.membership.id, disabled: false });
    changeMemberRole(admin, { membershipId: lead.membership.id, role: "editor" });
    expect(request()).toMatchObject({ version: 2 });
  });

  it("lets a key with no recorded owner read but not write", () => {
    const { members, promptId, env } = setup();
    const key = createApiKey(members[0]!.ctx, { name: "legacy", scope: "read-write" });
    getDb().update(apiKeys).set({ createdById: null }).where(eq(apiKeys.id, key.id)).run();
    const principal = authenticateApiKey(`Bearer ${key.secret}`);
    expect(principal).toMatchObject({ user: null, role: null });
    const refused = thrown(() => requestPromotion(principal, { promptId, environmentId: env("production").id, version: 2, comment: "" }));
    expect([refused.status, refused.message]).toEqual([403, "This API key has no recorded owner, so it can only read. Ask an admin to create a new key."]);
  });
});

describe("webhooks", () => {
  it("every move queues a signed delivery per active webhook in the same transaction; a refused move queues none", () => {
    const { workspace, members, editor, lead, promptId, env } = setup();
    const { id: webhookId } = createWebhook(members[0]!.ctx, { url: "http://127.0.0.1:9/hook", description: "" });
    deployVersion(editor, { promptId, environmentId: env("staging").id, version: 2, comment: "try it" });
    expect(() => deployVersion(editor, { promptId, environmentId: env("production").id, version: 2, comment: "" })).toThrow(AppError);
    const { requestId } = requestPromotion(editor, { promptId, environmentId: env("production").id, version: 2, comment: "" });
    approvePromotion(lead, { requestId, reason: "" });
    const deliveries = getDb().select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, webhookId)).all();
    expect(deliveries.map((d) => JSON.parse(d.payload).data)).toEqual([
      expect.objectContaining({ kind: "deploy", workspace: workspace.slug, prompt: "support/triage", environment: "staging", fromVersion: null, toVersion: 2, comment: "try it" }),
      expect.objectContaining({ kind: "promotion", environment: "production", toVersion: 2, approvedBy: lead.user.name }),
    ]);
    expect(deliveries.every((d) => d.event === "deployment.changed" && d.status === "pending")).toBe(true);
  });
});

describe("integrity", () => {
  it("deployment history is append-only in the database", () => {
    const { editor, promptId, env } = setup();
    deployVersion(editor, { promptId, environmentId: env("staging").id, version: 1, comment: "" });
    const sqlite = (getDb() as unknown as { $client: Database.Database }).$client;
    expect(() => sqlite.prepare("update deployments set to_version = 3").run()).toThrow(/append-only/);
    expect(() => sqlite.prepare("delete from deployments").run()).toThrow(/append-only/);
  });
});
