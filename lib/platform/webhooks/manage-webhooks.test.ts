import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { first } from "@/db/first";
import { auditLog, webhookAttempts, webhookDeliveries, webhooks, type Role } from "@/db/schema";
import { can } from "@/lib/platform/auth/policy";
import { decryptSecret } from "@/lib/platform/crypto/secret-box";
import { getEnv } from "@/lib/platform/env";
import { AppError } from "@/lib/core/errors";
import { makeWorkspace } from "@/lib/testing/factories";
import { startWebhookReceiver } from "@/lib/testing/webhook-receiver";
import { createWebhook, deleteWebhook, sendTestEvent, setWebhookActive } from "./manage-webhooks";
import { listWebhookViews } from "./queries";
import { createWebhookSchema } from "./schemas";
import { createWebhookWorker } from "./worker";

async function expectAppError(run: () => unknown, status: number, message?: RegExp) {
  try {
    await run();
    expect.unreachable("expected an AppError");
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(status);
    if (message) expect((error as AppError).message).toMatch(message);
  }
}

/** The URL of a receiver that has stopped listening: connections to it are refused. */
async function refusingUrl() {
  const receiver = await startWebhookReceiver();
  await receiver.close();
  return receiver.url;
}

/** An admin's webhook to a URL that refuses connections, with a test event whose first delivery attempt has failed. */
async function webhookWithFailedAttempt({ description }: { description: string }) {
  const { members, workspace } = await makeWorkspace(["admin"]);
  const admin = members[0]!.ctx;
  const url = await refusingUrl();
  const { id } = await createWebhook(admin, { url, description });
  const { deliveryId } = await sendTestEvent(admin, { id });
  await createWebhookWorker({ timeoutMs: 500 }).runPass();
  return { admin, workspace, url, id, deliveryId };
}

async function auditOf(objectId: string) {
  return getDb().select().from(auditLog).where(eq(auditLog.objectId, objectId));
}

// Worker passes see every workspace's deliveries, so each test starts from an empty outbox.
beforeEach(async () => {
  await getDb().delete(webhookAttempts);
  await getDb().delete(webhookDeliveries);
});

describe("managing webhooks", () => {
  it("creates a webhook, returns its secret once, and stores it only sealed", async () => {
    const { members, workspace } = await makeWorkspace(["admin"]);
    const admin = members[0]!.ctx;
    const created = await createWebhook(admin, { url: "https://hooks.example/promptops", description: "Slack relay" });
    expect(created.secret).toMatch(/^whsec_/);

    const row = (await first(getDb().select().from(webhooks).where(eq(webhooks.id, created.id))))!;
    expect(row).toMatchObject({ workspaceId: workspace.id, url: "https://hooks.example/promptops", description: "Slack relay", active: true });
    expect(row.secretCiphertext).not.toContain(created.secret);
    expect(decryptSecret({ sealed: row.secretCiphertext, key: getEnv().STUDIO_ENCRYPTION_KEY })).toBe(created.secret);

    const [entry, ...rest] = await auditOf(created.id);
    expect(rest).toHaveLength(0);
    expect(entry).toMatchObject({ action: "webhook.created", actorLabel: admin.user.email, workspaceId: workspace.id });
    expect(JSON.stringify(entry)).not.toContain(created.secret);

    const [view] = await listWebhookViews({ workspaceId: workspace.id });
    expect(JSON.stringify(view)).not.toContain(created.secret);
    expect(JSON.stringify(view)).not.toContain(row.secretCiphertext);
  });

  it("accepts only http and https URLs without credentials", () => {
    const ok = (url: string) => createWebhookSchema.safeParse({ url }).success;
    expect(ok("https://hooks.example/x")).toBe(true);
    expect(ok("http://localhost:8080/hook")).toBe(true);
    for (const bad of ["ftp://hooks.example/x", "javascript:alert(1)", "file:///etc/passwd", "hooks.example/x", "https://user:pw@hooks.example/x", ""]) {
      expect(ok(bad), bad).toBe(false);
    }
  });

  it("disables and enables a webhook, auditing only real changes", async () => {
    const { members } = await makeWorkspace(["admin"]);
    const admin = members[0]!.ctx;
    const { id } = await createWebhook(admin, { url: "https://hooks.example/a", description: "" });
    expect(await setWebhookActive(admin, { id, active: false })).toMatchObject({ changed: true, active: false });
    expect(await setWebhookActive(admin, { id, active: false })).toMatchObject({ changed: false });
    expect(await setWebhookActive(admin, { id, active: true })).toMatchObject({ changed: true, active: true });
    const updates = (await auditOf(id)).filter((e) => e.action === "webhook.updated");
    expect(updates.map((e) => e.after)).toEqual([
      { url: "https://hooks.example/a", active: false },
      { url: "https://hooks.example/a", active: true },
    ]);
  });

  it("queues a test event for that webhook only, and refuses one for a disabled webhook", async () => {
    const { members, workspace } = await makeWorkspace(["admin"]);
    const admin = members[0]!.ctx;
    const target = await createWebhook(admin, { url: "https://hooks.example/target", description: "" });
    const bystander = await createWebhook(admin, { url: "https://hooks.example/bystander", description: "" });
    const { deliveryId } = await sendTestEvent(admin, { id: target.id });

    const rows = await getDb().select().from(webhookDeliveries).where(eq(webhookDeliveries.workspaceId, workspace.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: deliveryId, webhookId: target.id, event: "webhook.test", status: "pending" });
    expect(JSON.parse(rows[0]!.payload)).toMatchObject({ event: "webhook.test", deliveryId, data: { webhookId: target.id, workspace: workspace.slug } });
    expect((await auditOf(target.id)).map((e) => e.action)).toContain("webhook.test_sent");

    await setWebhookActive(admin, { id: bystander.id, active: false });
    await expectAppError(() => sendTestEvent(admin, { id: bystander.id }), 409, /disabled/);
  });

  it("deletes a webhook with its deliveries and attempts, and keeps a record in the audit log", async () => {
    const { admin, workspace, url, id, deliveryId } = await webhookWithFailedAttempt({ description: "old" });
    expect(await getDb().select().from(webhookAttempts).where(eq(webhookAttempts.deliveryId, deliveryId))).toHaveLength(1);

    expect(await deleteWebhook(admin, { id })).toEqual({ url });
    expect(await getDb().select().from(webhooks).where(eq(webhooks.id, id))).toHaveLength(0);
    expect(await getDb().select().from(webhookDeliveries).where(eq(webhookDeliveries.id, deliveryId))).toHaveLength(0);
    expect(await getDb().select().from(webhookAttempts).where(eq(webhookAttempts.deliveryId, deliveryId))).toHaveLength(0);
    const deleted = await first(
      getDb()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.objectId, id), eq(auditLog.action, "webhook.deleted"))),
    );
    expect(deleted).toMatchObject({ workspaceId: workspace.id, before: { url, description: "old", active: true, deliveries: 1 } });
  });

  it("answers not found for another workspace's webhook, and lists only the caller's", async () => {
    const mine = await makeWorkspace(["admin"]);
    const theirs = await makeWorkspace(["admin"]);
    const admin = mine.members[0]!.ctx;
    const foreign = await createWebhook(theirs.members[0]!.ctx, { url: "https://theirs.example/hook", description: "" });

    await expectAppError(() => setWebhookActive(admin, { id: foreign.id, active: false }), 404);
    await expectAppError(() => sendTestEvent(admin, { id: foreign.id }), 404);
    await expectAppError(() => deleteWebhook(admin, { id: foreign.id }), 404);
    await expectAppError(() => setWebhookActive(admin, { id: crypto.randomUUID(), active: false }), 404);

    const row = await first(getDb().select().from(webhooks).where(eq(webhooks.id, foreign.id)));
    expect(row).toMatchObject({ active: true });
    expect(await getDb().select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, foreign.id))).toHaveLength(0);
    expect(await listWebhookViews({ workspaceId: mine.workspace.id })).toEqual([]);
  });

  it("lists webhooks with their recent deliveries and each delivery's attempts", async () => {
    const { workspace, url, id, deliveryId } = await webhookWithFailedAttempt({ description: "" });

    const [view] = await listWebhookViews({ workspaceId: workspace.id });
    expect(view).toMatchObject({ id, url, active: true });
    expect(view!.deliveries).toEqual([
      expect.objectContaining({
        id: deliveryId,
        event: "webhook.test",
        status: "pending",
        attempts: 1,
        nextAttemptAt: expect.any(String),
        attemptList: [expect.objectContaining({ attempt: 1, statusCode: null, error: "Connection refused (ECONNREFUSED)" })],
      }),
    ]);
  });
});

describe("who may manage webhooks", () => {
  const refused: Role[] = ["lead", "editor", "reviewer", "viewer"];

  it("is only admins, by the policy", () => {
    expect(can("admin", "settings:manage")).toBe(true);
    for (const role of refused) expect(can(role, "settings:manage"), role).toBe(false);
  });

  for (const role of refused) {
    it(`refuses a ${role} every webhook change with 403`, async () => {
      const { members, workspace } = await makeWorkspace(["admin", role]);
      const hook = await createWebhook(members[0]!.ctx, { url: "https://hooks.example/a", description: "" });
      const member = members[1]!.ctx;
      await expectAppError(() => createWebhook(member, { url: "https://hooks.example/b", description: "" }), 403);
      await expectAppError(() => setWebhookActive(member, { id: hook.id, active: false }), 403);
      await expectAppError(() => sendTestEvent(member, { id: hook.id }), 403);
      await expectAppError(() => deleteWebhook(member, { id: hook.id }), 403);
      expect(await listWebhookViews({ workspaceId: workspace.id })).toEqual([expect.objectContaining({ id: hook.id, active: true, deliveries: [] })]);
    });
  }
});
