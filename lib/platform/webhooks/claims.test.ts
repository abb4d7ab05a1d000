// Webhook deliveries claimed by several workers at once, on both engines (this file runs in the SQLite and the
// Postgres suites). On Postgres each pass's claim is its own transaction on its own pooled connection, so the passes
// really overlap: FOR UPDATE SKIP LOCKED splits the rows between them and the conditional claim refuses a row taken
// meanwhile. Every delivery is sent once and recorded once. (The race of two SQLite connections is in worker.test.ts.)
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { transaction } from "@/db/transaction";
import { webhookAttempts, webhookDeliveries } from "@/db/schema";
import { makeWorkspace } from "@/lib/testing/factories";
import { startWebhookReceiver } from "@/lib/testing/webhook-receiver";
import { createWebhook } from "./manage-webhooks";
import { enqueueWebhookEvent } from "./outbox";
import { createWebhookWorker } from "./worker";

const receivers: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

describe("webhook claims", () => {
  it("four workers passing at once send each of 40 deliveries exactly once", async () => {
    const receiver = await startWebhookReceiver();
    receivers.push(receiver);
    const { members, workspace } = await makeWorkspace(["admin"]);
    const hook = await createWebhook(members[0]!.ctx, { url: receiver.url, description: "claims" });
    for (let i = 0; i < 40; i++) {
      await transaction((tx) =>
        enqueueWebhookEvent(tx, { workspaceId: workspace.id, event: "deployment.changed", payload: { id: `dep-${i}`, n: i } }),
      );
    }
    const workers = Array.from({ length: 4 }, () => createWebhookWorker({ batchSize: 5 }));
    const passes = await Promise.all(workers.flatMap((worker) => [worker.runPass(), worker.runPass()]));
    expect(passes.reduce((n, pass) => n + pass.attempted, 0)).toBe(40);

    const ids = receiver.received.map((request) => request.headers["x-promptops-delivery"]);
    expect(ids).toHaveLength(40);
    expect(new Set(ids).size).toBe(40);
    const deliveries = await getDb().select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, hook.id));
    expect(deliveries.map((d) => d.status)).toEqual(Array(40).fill("succeeded"));
    const attempts = await getDb().select().from(webhookAttempts);
    expect(attempts.filter((a) => deliveries.some((d) => d.id === a.deliveryId))).toHaveLength(40);
  });
});
