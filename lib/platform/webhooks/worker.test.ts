import { asc, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb, openDatabase } from "@/db";
import { transaction } from "@/db/transaction";
import { webhookAttempts, webhookDeliveries, webhooks } from "@/db/schema";
import { getEnv } from "@/lib/platform/env";
import { makeWorkspace } from "@/lib/testing/factories";
import { startWebhookReceiver } from "@/lib/testing/webhook-receiver";
import { claimDelivery, listDueDeliveries } from "./delivery-queries";
import { createWebhook, deleteWebhook, setWebhookActive } from "./manage-webhooks";
import { enqueueWebhookEvent, kickWebhookWorker } from "./outbox";
import { verifyWebhookSignature } from "./signature";
import { createWebhookWorker, nextRetryAt, startWebhookWorker, stopWebhookWorker, type BackoffPolicy } from "./worker";

const payload = { id: "dep-1", kind: "promotion", workspace: "demo", prompt: "support/triage", environment: "production", fromVersion: 2, toVersion: 3 };
const backoff: BackoffPolicy = { delaysMs: [10_000, 30_000], maxAttempts: 3 };

/** An admin's webhook pointing at `url`, with one deployment.changed event queued for it. */
async function webhookWithEvent(url: string, events = 1) {
  const { members, workspace } = await makeWorkspace(["admin"]);
  const admin = members[0]!.ctx;
  const hook = await createWebhook(admin, { url, description: "test" });
  for (let i = 0; i < events; i++) {
    await transaction((tx) => enqueueWebhookEvent(tx, { workspaceId: workspace.id, event: "deployment.changed", payload: { ...payload, n: i } }));
  }
  return { admin, hook, workspace };
}

async function deliveriesOf(webhookId: string) {
  return getDb().select().from(webhookDeliveries).where(eq(webhookDeliveries.webhookId, webhookId));
}

async function attemptsOf(deliveryId: string) {
  return getDb().select().from(webhookAttempts).where(eq(webhookAttempts.deliveryId, deliveryId)).orderBy(asc(webhookAttempts.attempt));
}

/** A clock the test moves by hand. */
function manualClock(start = Date.now()) {
  let ms = start;
  return { now: () => new Date(ms), advance: (by: number) => (ms += by) };
}

const receivers: { close: () => Promise<void> }[] = [];
async function receiver(replies?: Parameters<typeof startWebhookReceiver>[0]) {
  const r = await startWebhookReceiver(replies);
  receivers.push(r);
  return r;
}

beforeEach(async () => {
  // Every pass sees every workspace's deliveries, so each test starts from an empty outbox.
  const db = getDb();
  await db.delete(webhookAttempts);
  await db.delete(webhookDeliveries);
  await db.delete(webhooks);
});

afterEach(async () => {
  await stopWebhookWorker();
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

describe("webhook worker", () => {
  it("POSTs the signed event to a real receiver, which verifies it, and records the attempt", async () => {
    const r = await receiver();
    const { hook } = await webhookWithEvent(r.url);

    const result = await createWebhookWorker().runPass();

    expect(result).toEqual({ attempted: 1, succeeded: 1 });
    expect(r.received).toHaveLength(1);
    const request = r.received[0]!;
    const [delivery] = await deliveriesOf(hook.id);
    expect(request.method).toBe("POST");
    expect(request.headers["content-type"]).toBe("application/json");
    expect(request.headers["x-promptops-event"]).toBe("deployment.changed");
    expect(request.headers["x-promptops-delivery"]).toBe(delivery!.id);
    const header = request.headers["x-promptops-signature"] as string;
    expect(verifyWebhookSignature({ secret: hook.secret, header, body: request.body, toleranceSeconds: 300 })).toBe(true);
    expect(verifyWebhookSignature({ secret: "whsec_wrong", header, body: request.body, toleranceSeconds: 300 })).toBe(false);
    expect(JSON.parse(request.body)).toEqual({ event: "deployment.changed", deliveryId: delivery!.id, data: { ...payload, n: 0 } });

    expect(delivery).toMatchObject({ status: "succeeded", attempts: 1, lockedUntil: null });
    expect(await attemptsOf(delivery!.id)).toEqual([expect.objectContaining({ attempt: 1, statusCode: 200, error: null })]);
  });

  it("retries a 500 after the backoff delay, and succeeds with a second attempt", async () => {
    const r = await receiver({ replies: [500, 200] });
    const { hook } = await webhookWithEvent(r.url);
    const clock = manualClock();
    const worker = createWebhookWorker({ now: clock.now, backoff });

    expect(await worker.runPass()).toEqual({ attempted: 1, succeeded: 0 });
    let [delivery] = await deliveriesOf(hook.id);
    expect(delivery).toMatchObject({ status: "pending", attempts: 1, lockedUntil: null });
    expect(delivery!.nextAttemptAt.getTime()).toBe(clock.now().getTime() + 10_000);

    clock.advance(9_999);
    expect(await worker.runPass()).toEqual({ attempted: 0, succeeded: 0 });
    clock.advance(1);
    expect(await worker.runPass()).toEqual({ attempted: 1, succeeded: 1 });

    [delivery] = await deliveriesOf(hook.id);
    expect(delivery).toMatchObject({ status: "succeeded", attempts: 2 });
    expect((await attemptsOf(delivery!.id)).map((a) => [a.attempt, a.statusCode, a.error])).toEqual([
      [1, 500, null],
      [2, 200, null],
    ]);
    expect(r.received).toHaveLength(2);
    // Retries send the same bytes; only the signature's timestamp changes.
    expect(r.received[1]!.body).toBe(r.received[0]!.body);
  });

  it("marks a delivery failed after the last allowed attempt", async () => {
    const r = await receiver({ replies: [503] });
    const { hook } = await webhookWithEvent(r.url);
    const clock = manualClock();
    const worker = createWebhookWorker({ now: clock.now, backoff });
    for (const wait of [0, 10_000, 30_000]) {
      clock.advance(wait);
      expect((await worker.runPass()).attempted).toBe(1);
    }
    clock.advance(3_600_000);
    expect((await worker.runPass()).attempted).toBe(0);
    const [delivery] = await deliveriesOf(hook.id);
    expect(delivery).toMatchObject({ status: "failed", attempts: 3 });
    expect(await attemptsOf(delivery!.id)).toHaveLength(3);
  });

  it("counts a redirect as a failure instead of following it", async () => {
    const r = await receiver({ replies: [302] });
    const { hook } = await webhookWithEvent(r.url);
    await createWebhookWorker({ backoff }).runPass();
    const [delivery] = await deliveriesOf(hook.id);
    expect(delivery).toMatchObject({ status: "pending", attempts: 1 });
    expect((await attemptsOf(delivery!.id))[0]).toMatchObject({ statusCode: 302 });
  });

  it("records a timeout as an attempt error and schedules a retry", async () => {
    const r = await receiver({ replies: ["hang"] });
    const { hook } = await webhookWithEvent(r.url);
    const clock = manualClock();
    await createWebhookWorker({ now: clock.now, backoff, timeoutMs: 200 }).runPass();
    const [delivery] = await deliveriesOf(hook.id);
    expect(delivery).toMatchObject({ status: "pending", attempts: 1, lockedUntil: null });
    const [attempt] = await attemptsOf(delivery!.id);
    expect(attempt).toMatchObject({ attempt: 1, statusCode: null, error: "Timed out after 0.2 s" });
    expect(attempt!.durationMs).toBeGreaterThanOrEqual(150);
  });

  it("records an unreachable receiver as a short error, never a stack trace", async () => {
    const r = await receiver();
    await r.close();
    const { hook } = await webhookWithEvent(r.url);
    await createWebhookWorker({ backoff }).runPass();
    const [attempt] = await attemptsOf((await deliveriesOf(hook.id))[0]!.id);
    expect(attempt).toMatchObject({ statusCode: null, error: "Connection refused (ECONNREFUSED)" });
  });

  it("lets exactly one of two racing claims take a due delivery", async () => {
    await webhookWithEvent("https://unused.example/hook");
    const other = openDatabase(getEnv().DATABASE_URL);
    try {
      const now = new Date();
      const lockedUntil = new Date(now.getTime() + 60_000);
      // Both processes saw the row as due before either claimed it.
      const [seenByFirst] = await listDueDeliveries(getDb(), { now, limit: 10 });
      const [seenBySecond] = await listDueDeliveries(other.db, { now, limit: 10 });
      expect(seenBySecond!.id).toBe(seenByFirst!.id);
      expect(await claimDelivery(getDb(), { id: seenByFirst!.id, now, lockedUntil })).toBe(true);
      expect(await claimDelivery(other.db, { id: seenBySecond!.id, now, lockedUntil })).toBe(false);
      // Once the claim lapses (its process died mid-send), another may take it.
      const later = new Date(lockedUntil.getTime() + 1);
      expect(await claimDelivery(other.db, { id: seenBySecond!.id, now: later, lockedUntil: new Date(later.getTime() + 60_000) })).toBe(true);
    } finally {
      other.sqlite.close();
    }
  });

  it("holds a disabled webhook's deliveries until it is enabled again", async () => {
    const r = await receiver();
    const { admin, hook } = await webhookWithEvent(r.url);
    await setWebhookActive(admin, { id: hook.id, active: false });
    expect((await createWebhookWorker().runPass()).attempted).toBe(0);
    await setWebhookActive(admin, { id: hook.id, active: true });
    expect((await createWebhookWorker().runPass()).attempted).toBe(1);
    expect(r.received).toHaveLength(1);
  });

  it("drops the result of a send whose webhook was deleted meanwhile", async () => {
    let release: () => void = () => undefined;
    const fetchImpl: typeof fetch = () => new Promise((resolve) => (release = () => resolve(new Response("ok", { status: 200 }))));
    const { admin, hook } = await webhookWithEvent("https://slow.example/hook");
    const pass = createWebhookWorker({ fetchImpl }).runPass();
    await vi.waitFor(async () => expect((await deliveriesOf(hook.id))[0]!.lockedUntil).not.toBeNull());
    await deleteWebhook(admin, { id: hook.id });
    release();
    await expect(pass).resolves.toEqual({ attempted: 1, succeeded: 1 });
    expect(await getDb().select().from(webhookAttempts)).toHaveLength(0);
  });

  it("runs a pass as soon as the outbox is kicked, in a started worker", async () => {
    const r = await receiver();
    startWebhookWorker({ pollMs: 60_000 });
    await webhookWithEvent(r.url);
    kickWebhookWorker();
    await vi.waitFor(() => expect(r.received).toHaveLength(1), { timeout: 5_000 });
    await stopWebhookWorker();
  });
});

describe("backoff", () => {
  it("waits the configured delays, repeats the last one, and stops at the attempt limit", () => {
    const at = new Date(0);
    const policy: BackoffPolicy = { delaysMs: [10, 30], maxAttempts: 4 };
    expect([1, 2, 3, 4].map((attempt) => nextRetryAt({ attempt, at, backoff: policy })?.getTime() ?? null)).toEqual([10, 30, 30, null]);
  });
});
