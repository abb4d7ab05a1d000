// POST /api/v1/generations and /api/v1/feedback over real HTTP, every response checked against the OpenAPI document.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { first } from "@/db/first";
import { generationFeedback, generations } from "@/db/schema";
import { revokeApiKey } from "@/lib/platform/api-keys/manage-api-keys";
import { addApiKey, addTextPrompt, deploy, makeDeliveryWorkspace } from "@/lib/testing/delivery";
import { setUpDeliveryApi } from "@/lib/testing/delivery-api";

const api = setUpDeliveryApi();

beforeAll(async () => {
  const prompt = await addTextPrompt(api.ws, "support/triage", ["Triage {{customer}}", "Triage {{customer}} kindly"]);
  await deploy(api.ws, { promptId: prompt.id, environment: "production", version: 2 });
});

const post = (path: string, key: string | undefined, body: unknown, contract: { breaksContract?: true } = {}) =>
  api.request("POST", path, { ...(key ? { key } : {}), body, ...contract });

describe("generations and feedback", () => {
  it("round-trips a generation (by label) and end-user feedback on it", async () => {
    const created = await post("/api/v1/generations", api.writeKey, {
      prompt: "support/triage",
      label: "production",
      variables: { customer: "Ana" },
      output: "Billing: refund issued.",
      model: "openai:gpt-4o-mini",
      usage: { inputTokens: 1000, outputTokens: 100 },
      latencyMs: 420,
      metadata: { sessionId: "s-1" },
    });
    expect(created.status).toBe(201);
    const { id, version } = created.body as { id: string; version: number };
    expect(version).toBe(2);
    const before = Date.now();
    const row = (await first(getDb().select().from(generations).where(eq(generations.id, id))))!;
    // Every column as stored (SQLite writes it with a statement of its own, Postgres with the builder).
    expect(row).toMatchObject({
      workspaceId: api.ws.workspaceId,
      version: 2,
      variables: { customer: "Ana" },
      output: "Billing: refund issued.",
      modelId: "openai:gpt-4o-mini",
      inputTokens: 1000,
      outputTokens: 100,
      latencyMs: 420,
      metadata: { sessionId: "s-1" },
      feedbackCount: 0,
      feedbackScore: null,
    });
    expect(row.environmentId).not.toBeNull();
    expect(row.apiKeyId).not.toBeNull();
    expect(row.costUsd).toBeGreaterThan(0);
    expect(row.createdAt).toBeInstanceOf(Date);
    expect(before - row.createdAt.getTime()).toBeLessThan(60_000);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

    const feedback = await post("/api/v1/feedback", api.writeKey, { generationId: id, score: 4, scale: "1-5", comment: "Helpful", metadata: { channel: "widget" } });
    expect(feedback.status).toBe(201);
    expect(feedback.body).toMatchObject({ score: 0.75 });
    expect(await getDb().select().from(generationFeedback).where(eq(generationFeedback.generationId, id))).toMatchObject([{ score: 0.75, comment: "Helpful" }]);

    const byVersion = await post("/api/v1/generations", api.writeKey, { prompt: "support/triage", version: 1, output: "ok" });
    expect(byVersion.status).toBe(201);
    const bare = (await first(getDb().select().from(generations).where(eq(generations.id, (byVersion.body as { id: string }).id))))!;
    expect(bare).toMatchObject({ version: 1, environmentId: null, variables: {}, modelId: "", inputTokens: null, costUsd: null, latencyMs: null, metadata: {} });
    // Time-ordered ids: the later report sorts after the earlier one.
    expect(bare.id > id).toBe(true);
  });

  it("answers 401 without a key or with a revoked one, and 403 to a read key", async () => {
    const body = { prompt: "support/triage", version: 1, output: "x" };
    expect((await post("/api/v1/generations", undefined, body)).status).toBe(401);
    const revoked = await addApiKey(api.ws, "read-write", "old app");
    await revokeApiKey(api.ws.admin, { apiKeyId: revoked.id });
    expect((await post("/api/v1/generations", revoked.secret, body)).status).toBe(401);
    const refused = await post("/api/v1/feedback", api.readKey, { generationId: "x", score: 1 });
    expect(refused.status).toBe(403);
  });

  it("answers 404 for another workspace's generation and 400 for bad bodies", async () => {
    const other = await makeDeliveryWorkspace();
    await addTextPrompt(other, "other/prompt", ["Hi"]);
    const otherKey = (await addApiKey(other, "read-write")).secret;
    const theirs = await post("/api/v1/generations", otherKey, { prompt: "other/prompt", version: 1, output: "hello" });
    const stranger = await post("/api/v1/feedback", api.writeKey, { generationId: (theirs.body as { id: string }).id, score: 1 });
    expect(stranger.status).toBe(404);
    expect((await post("/api/v1/generations", api.writeKey, { prompt: "support/triage", version: 1, label: "production", output: "x" })).body).toMatchObject({
      error: { code: "bad_request:api", message: expect.stringContaining("either version or label") },
    });
    expect((await post("/api/v1/generations", api.writeKey, { prompt: "support/triage", version: 9, output: "x" })).status).toBe(404);
    expect((await post("/api/v1/generations", api.writeKey, { prompt: "support/triage", version: 1, output: "x", extra: true }, { breaksContract: true })).status).toBe(400);
    const mine = await post("/api/v1/generations", api.writeKey, { prompt: "support/triage", version: 1, output: "x" });
    const outOfScale = await post("/api/v1/feedback", api.writeKey, { generationId: (mine.body as { id: string }).id, score: 7, scale: "1-5" });
    expect(outOfScale.body).toEqual({ error: { code: "bad_request:feedback", message: "A score of 7 is outside the 1-5 scale." } });
  });

  it("answers 413 for a body over 1 MiB", async () => {
    const huge = await post("/api/v1/generations", api.writeKey, { prompt: "support/triage", version: 1, output: "x".repeat(1024 * 1024 + 10) }, { breaksContract: true });
    expect(huge.status).toBe(413);
    expect(huge.body).toEqual({ error: { code: "too_large:api", message: "The request body is larger than 1 MiB." } });
  });
});
