import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { webhookDeliveries } from "@/db/schema";
import { makeWorkspace } from "@/lib/testing/factories";
import { createWebhook, setWebhookActive } from "./manage-webhooks";
import { enqueueWebhookEvent, kickWebhookWorker } from "./outbox";

const payload = { id: "dep-1", kind: "deploy", workspace: "ws", prompt: "support/triage", environment: "production", fromVersion: 1, toVersion: 2 };

function deliveriesOf(webhookId: string) {
  return getDb().select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, webhookId)).all();
}

describe("webhook outbox", () => {
  it("queues one pending delivery per active webhook of that workspace only", () => {
    const mine = makeWorkspace(["admin"]);
    const theirs = makeWorkspace(["admin"]);
    const admin = mine.members[0]!.ctx;
    const a = createWebhook(admin, { url: "https://a.example/hook", description: "" });
    const b = createWebhook(admin, { url: "https://b.example/hook", description: "" });
    const off = createWebhook(admin, { url: "https://off.example/hook", description: "" });
    setWebhookActive(admin, { id: off.id, active: false });
    const other = createWebhook(theirs.members[0]!.ctx, { url: "https://other.example/hook", description: "" });

    const before = Date.now();
    getDb().transaction((tx) => enqueueWebhookEvent(tx, { workspaceId: mine.workspace.id, event: "deployment.changed", payload }));

    expect(deliveriesOf(off.id)).toHaveLength(0);
    expect(deliveriesOf(other.id)).toHaveLength(0);
    for (const hook of [a, b]) {
      const [delivery, ...rest] = deliveriesOf(hook.id);
      expect(rest).toHaveLength(0);
      expect(delivery).toMatchObject({ workspaceId: mine.workspace.id, event: "deployment.changed", status: "pending", attempts: 0, lockedUntil: null });
      expect(delivery!.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before - 1);
      expect(delivery!.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
      expect(JSON.parse(delivery!.payload)).toEqual({ event: "deployment.changed", deliveryId: delivery!.id, data: payload });
    }
  });

  it("rolls back with the change it reports", () => {
    const { members, workspace } = makeWorkspace(["admin"]);
    const hook = createWebhook(members[0]!.ctx, { url: "https://a.example/hook", description: "" });
    expect(() =>
      getDb().transaction((tx) => {
        enqueueWebhookEvent(tx, { workspaceId: workspace.id, event: "deployment.changed", payload });
        throw new Error("the deployment failed");
      }),
    ).toThrow("the deployment failed");
    expect(deliveriesOf(hook.id)).toHaveLength(0);
  });

  it("queues nothing for a workspace without webhooks", () => {
    const { workspace } = makeWorkspace(["admin"]);
    const count = () => getDb().select().from(webhookDeliveries).all().length;
    const before = count();
    getDb().transaction((tx) => enqueueWebhookEvent(tx, { workspaceId: workspace.id, event: "deployment.changed", payload }));
    expect(count()).toBe(before);
  });

  it("kicks without throwing when no worker runs in this process", () => {
    expect(() => kickWebhookWorker()).not.toThrow();
  });
});
