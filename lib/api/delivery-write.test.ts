import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { first } from "@/db/first";
import { auditLog, memberships, promotionRequests } from "@/db/schema";
import { createApiKey } from "@/lib/platform/api-keys/manage-api-keys";
import { changeMemberRole, setMemberDisabled } from "@/lib/platform/members/manage-members";
import { listVersions } from "@/lib/prompts/queries";
import { addChatPrompt, addTextPrompt, makeDeliveryWorkspace } from "@/lib/testing/delivery";
import { setUpDeliveryApi } from "@/lib/testing/delivery-api";

const api = setUpDeliveryApi({ writeKeyName: "ci pipeline" });
let promptId: string;

beforeAll(async () => {
  promptId = (await addTextPrompt(api.ws, "support/triage", ["Triage {{customer}}"], { model: "offline:demo", temperature: 0.3 })).id;
});

const post = (path: string, key: string, body: unknown) => api.request("POST", path, { key, body });

describe("POST /api/v1/prompts/{name}/versions", () => {
  it("answers 403 to a read key, whatever it sends", async () => {
    const response = await post("/api/v1/prompts/support%2Ftriage/versions", api.readKey, { template: "x", commitMessage: "x" });
    expect(response.status).toBe(403);
    expect(response.body).toEqual({ error: { code: "forbidden:workspace", message: "This API key's scope (read) does not allow this." } });
    const nonsense = await api.request("POST", "/api/v1/prompts/support%2Ftriage/versions", { key: api.readKey, body: { nonsense: true }, breaksContract: true });
    expect(nonsense.status).toBe(403);
  });

  it("adds a version with the latest settings kept, authored by the key's owner, and the audit log names key and owner", async () => {
    const response = await post("/api/v1/prompts/support/triage/versions", api.writeKey, { template: "Triage {{customer}} kindly", commitMessage: "Be kind", expectedParentVersion: 1 });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ name: "support/triage", version: 2, created: true });
    const [latest] = await listVersions({ promptId });
    expect(latest?.version).toMatchObject({ version: 2, template: "Triage {{customer}} kindly", modelConfig: { model: "offline:demo", temperature: 0.3 }, authorId: api.ws.admin.user.id });
    const entry = (await getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectId, promptId), eq(auditLog.action, "prompt.version_saved")))).at(-1);
    expect(entry).toMatchObject({
      actorUserId: api.ws.admin.user.id,
      actorApiKeyId: api.writeKeyId,
      actorLabel: `${api.ws.admin.user.email} via API key "ci pipeline"`,
      after: { version: 2, message: "Be kind" },
    });
  });

  it("creates nothing for identical content and answers 409 to a stale parent", async () => {
    const same = await post("/api/v1/prompts/support%2Ftriage/versions", api.writeKey, { template: "Triage {{customer}} kindly", commitMessage: "again" });
    expect(same.body).toEqual({ name: "support/triage", version: 2, created: false });
    const stale = await post("/api/v1/prompts/support%2Ftriage/versions", api.writeKey, { template: "Mine", commitMessage: "mine", expectedParentVersion: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ error: { code: "conflict:prompt" } });
  });

  it("refuses the wrong body for the prompt's type, template errors and an empty commit message", async () => {
    const chat = await addChatPrompt(api.ws, "chat/helper", [{ role: "system", content: "Help" }]);
    const wrongField = await post("/api/v1/prompts/chat%2Fhelper/versions", api.writeKey, { template: "x", commitMessage: "x" });
    expect(wrongField.body).toEqual({ error: { code: "bad_request:prompt", message: '"chat/helper" is a chat prompt: send "messages" (and not the other body field).' } });
    const messages = await post("/api/v1/prompts/chat%2Fhelper/versions", api.writeKey, { messages: [{ role: "system", content: "Help {{user}}" }], commitMessage: "name them" });
    expect(messages.body).toEqual({ name: chat.name, version: 2, created: true });
    expect((await post("/api/v1/prompts/support%2Ftriage/versions", api.writeKey, { template: "{{#open}}", commitMessage: "x" })).body).toMatchObject({
      error: { code: "bad_request:template" },
    });
    expect((await post("/api/v1/prompts/support%2Ftriage/versions", api.writeKey, { template: "y", commitMessage: " " })).body).toMatchObject({
      error: { code: "bad_request:api", message: expect.stringContaining("Describe what changed.") },
    });
    expect((await post("/api/v1/prompts/nothing%2Fhere/versions", api.writeKey, { template: "y", commitMessage: "y" })).status).toBe(404);
  });
});

describe("every write endpoint", () => {
  it("refuses a read key before reading its body: a 2 MB body is a 403, not the 413 reading it would give", async () => {
    const oversized = { padding: "x".repeat(2 * 1024 * 1024) };
    const versionsBefore = (await listVersions({ promptId })).length;
    for (const path of [
      "/api/v1/prompts/support%2Ftriage/versions",
      "/api/v1/prompts/support%2Ftriage/promotions",
      "/api/v1/generations",
      "/api/v1/feedback",
      "/api/v1/evals/runs",
    ]) {
      const response = await api.request("POST", path, { key: api.readKey, body: oversized, breaksContract: true });
      expect(response.status, path).toBe(403);
      expect(response.body, path).toMatchObject({ error: { code: "forbidden:workspace" } });
    }
    expect(await listVersions({ promptId })).toHaveLength(versionsBefore);
  });
});

describe("POST /api/v1/prompts/{name}/promotions", () => {
  it("creates a pending request that is the key owner's, named after both, for another lead to decide", async () => {
    const response = await post("/api/v1/prompts/support%2Ftriage/promotions", api.writeKey, { environment: "production", version: 2, comment: "ship it" });
    expect(response.status).toBe(201);
    const { requestId } = response.body as { requestId: string };
    expect(response.body).toEqual({ requestId, status: "pending" });
    const request = await first(getDb().select().from(promotionRequests).where(eq(promotionRequests.id, requestId)));
    expect(request).toMatchObject({
      status: "pending",
      version: 2,
      comment: "ship it",
      requestedById: api.ws.admin.user.id,
      requestedByApiKeyId: api.writeKeyId,
      requestedByLabel: `${api.ws.admin.user.name} (API key "ci pipeline")`,
    });
    const again = await post("/api/v1/prompts/support%2Ftriage/promotions", api.writeKey, { environment: "production", version: 2 });
    expect(again.status).toBe(409);
  });

  it("answers 400 for an unprotected environment (keys never deploy directly), 404 for an unknown one, 403 for a read key", async () => {
    const staging = await post("/api/v1/prompts/support%2Ftriage/promotions", api.writeKey, { environment: "staging", version: 1 });
    expect(staging.status).toBe(400);
    expect(staging.body).toMatchObject({ error: { code: "bad_request:deployment", message: expect.stringContaining("API keys cannot") } });
    expect((await post("/api/v1/prompts/support%2Ftriage/promotions", api.writeKey, { environment: "moon", version: 1 })).status).toBe(404);
    expect((await post("/api/v1/prompts/support%2Ftriage/promotions", api.writeKey, { environment: "production", version: 99 })).status).toBe(404);
    expect((await post("/api/v1/prompts/support%2Ftriage/promotions", api.readKey, { environment: "production", version: 1 })).status).toBe(403);
  });

  it("has no endpoint to approve", async () => {
    for (const path of ["/api/v1/prompts/support%2Ftriage/approvals", "/api/v1/prompts/support%2Ftriage/promotions/approve"]) {
      const response = await fetch(api.baseUrl + path, { method: "POST", headers: { authorization: `Bearer ${api.writeKey}` }, body: "{}" });
      expect(response.status).toBe(404);
    }
  });
});

describe("keys act for their owner, as the owner is now", () => {
  it("a cached key loses its writes the moment its owner is demoted, and stops working while they are disabled", async () => {
    const own = await makeDeliveryWorkspace();
    await addTextPrompt(own, "owner/check", ["One", "Two"]);
    const key = (await createApiKey(own.lead, { name: "lead's script", scope: "read-write" })).secret;
    const membershipId = (await first(
      getDb()
        .select({ id: memberships.id })
        .from(memberships)
        .where(and(eq(memberships.workspaceId, own.workspaceId), eq(memberships.userId, own.lead.user.id))),
    ))!.id;
    expect((await api.request("GET", "/api/v1/prompts/owner%2Fcheck?version=1", { key })).status).toBe(200);

    await changeMemberRole(own.admin, { membershipId, role: "viewer" });
    const demoted = await post("/api/v1/prompts/owner%2Fcheck/promotions", key, { environment: "production", version: 2 });
    expect(demoted.status).toBe(403);
    expect((await api.request("GET", "/api/v1/prompts/owner%2Fcheck?version=1", { key })).status).toBe(200);

    await setMemberDisabled(own.admin, { membershipId, disabled: true });
    expect((await api.request("GET", "/api/v1/prompts/owner%2Fcheck?version=1", { key })).status).toBe(401);

    await setMemberDisabled(own.admin, { membershipId, disabled: false });
    await changeMemberRole(own.admin, { membershipId, role: "lead" });
    expect((await post("/api/v1/prompts/owner%2Fcheck/promotions", key, { environment: "production", version: 2 })).status).toBe(201);
  });
});
