import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { transaction } from "@/db/transaction";
import { webhookDeliveries } from "@/db/schema";
import { makeWorkspace } from "@/lib/testing/factories";
import { createWebhook, setWebhookActive } from "./manage-webhooks";
import { enqueueWebhookEvent, kickWebhookWorker } from "./outbox";

const payload = { id: "dep-1", kind: "deploy", workspace: "ws", prompt: "support/triage", environment: "production", fromVersion: 1, toVersion: 2 };

async function deliveriesOf(webhookId: string) {
  return getDb().select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, webhookId));
}

describe("webhook outbox", () => {
  it("queues one pending delivery per active webhook of that workspace only", async () => {
    const mine = await makeWorkspace(["admin"]);
    const theirs = await makeWorkspace(["admin"]);
    const admin = mine.members[0]!.ctx;
    const a = await createWebhook(admin, { url: "https://a.example/hook", description: "" });
    const b = await createWebhook(admin, { url: "https://b.example/hook", description: "" });
    const off = await createWebhook(admin, { url: "https://off.example/hook", description: "" });
    await setWebhookActive(admin, { id: off.id, active: false });
    const other = await createWebhook(theirs.members[0]!.ctx, { url: "https://other.example/hook", description: "" });

    const before = Date.now();
    await transaction((tx) => enqueueWebhookEvent(tx, { workspaceId: mine.workspace.id, event: "deployment.changed", payload }));

    expect(await deliveriesOf(off.id)).toHaveLength(0);
    expect(await deliveriesOf(other.id)).toHaveLength(0);
    for (const hook of [a, b]) {
      const [delivery, ...rest] = await deliveriesOf(hook.id);
      expect(rest).toHaveLength(0);
      expect(delivery).toMatchObject({ workspaceId: mine.workspace.id, event: "deployment.changed", status: "pending", attempts: 0, lockedUntil: null });
      expect(delivery!.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before - 1);
      expect(delivery!.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
      expect(JSON.parse(delivery!.payload)).toEqual({ event: "deployment.changed", deliveryId: delivery!.id, data: payload });
    }
  });

  it("rolls back with the change it reports", async () => {
    const { members, workspace } = await makeWorkspace(["admin"]);
    const hook = await createWebhook(members[0]!.ctx, { url: "https://a.example/hook", description: "" });
    await expect(
      transaction(async (tx) => {
        await enqueueWebhookEvent(tx, { workspaceId: workspace.id, event: "deployment.changed", payload });
        throw new Error("the deployment failed");
      }),
    ).rejects.toThrow("the deployment failed");
    expect(await deliveriesOf(hook.id)).toHaveLength(0);
  });

  it("queues nothing for a workspace without webhooks", async () => {
    const { workspace } = await makeWorkspace(["admin"]);
    const count = async () => (await getDb().select().from(webhookDeliveries)).length;
    const before = await count();
    await transaction((tx) => enqueueWebhookEvent(tx, { workspaceId: workspace.id, event: "deployment.changed", payload }));
    expect(await count()).toBe(before);
  });

  it("kicks without throwing when no worker runs in this process", () => {
    expect(() => kickWebhookWorker()).not.toThrow();
  });
});
