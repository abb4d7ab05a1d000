import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { findEnvironmentBySlug } from "@/lib/serving/queries";
import { addApiKey, addTextPrompt, deploy, makeDeliveryWorkspace, type DeliveryWorkspace } from "@/lib/testing/delivery";
import { startDeliveryServer, type TestDeliveryServer } from "@/lib/testing/delivery-server";
import { createDeliveryState } from "./state";

// Another better-sqlite3 connection to the same file plays the part of another server process.

let server: TestDeliveryServer;
let ws: DeliveryWorkspace;
let key: string;
let other: Database.Database;

beforeAll(async () => {
  server = await startDeliveryServer();
  ws = await makeDeliveryWorkspace();
  key = (await addApiKey(ws, "read")).secret;
  other = new Database(process.env.DATABASE_URL!);
  other.pragma("busy_timeout = 5000");
});

afterAll(async () => {
  other.close();
  await server.close();
});

const get = (path: string, call: { key?: string } = { key }) => server.request("GET", path, call);

describe("delivery cache", () => {
  it("serves repeated requests from memory", async () => {
    const prompt = await addTextPrompt(ws, "cached/one", ["one"]);
    await deploy(ws, { promptId: prompt.id, environment: "staging", version: 1 });
    const before = server.state.cache.size;
    await get("/api/v1/prompts/cached%2Fone?label=staging");
    expect(server.state.cache.size).toBe(before + 2);
    await get("/api/v1/prompts/cached%2Fone?label=staging");
    expect(server.state.cache.size).toBe(before + 2);
  });

  it("serves the new version as soon as another process moves the environment", async () => {
    const prompt = await addTextPrompt(ws, "moving/target", ["first", "second"]);
    await deploy(ws, { promptId: prompt.id, environment: "staging", version: 1 });
    expect((await get("/api/v1/prompts/moving%2Ftarget?label=staging")).body).toMatchObject({ version: 1, template: "first" });
    expect((await get("/api/v1/prompts/moving%2Ftarget?label=staging")).body).toMatchObject({ version: 1 });

    const staging = (await findEnvironmentBySlug(getDb(), { workspaceId: ws.workspaceId, slug: "staging" }))!;
    const moved = other
      .prepare("UPDATE environment_pointers SET version = 2, updated_at = ? WHERE environment_id = ? AND prompt_id = ?")
      .run(Date.now(), staging.id, prompt.id);
    expect(moved.changes).toBe(1);

    expect((await get("/api/v1/prompts/moving%2Ftarget?label=staging")).body).toMatchObject({ version: 2, template: "second" });
    const rendered = await server.request("POST", "/api/v1/prompts/moving%2Ftarget/render", { key, body: { label: "staging" } });
    expect(rendered.body).toMatchObject({ version: 2, text: "second" });
  });

  it("refuses a key revoked by another process on its next request", async () => {
    const { id, secret } = await addApiKey(ws, "read", "revoked elsewhere");
    const prompt = await addTextPrompt(ws, "keys/check", ["x"]);
    await deploy(ws, { promptId: prompt.id, environment: "staging", version: 1 });
    expect((await get("/api/v1/prompts/keys%2Fcheck?label=staging", { key: secret })).status).toBe(200);
    other.prepare("UPDATE api_keys SET revoked_at = ? WHERE id = ?").run(Date.now(), id);
    expect((await get("/api/v1/prompts/keys%2Fcheck?label=staging", { key: secret })).status).toBe(401);
  });

  it("keeps at most its configured number of responses", async () => {
    const small = await startDeliveryServer(createDeliveryState({ maxEntries: 3 }));
    try {
      const prompt = await addTextPrompt(ws, "bounded/cache", ["a", "b", "c", "d"]);
      for (const version of [1, 2, 3, 4]) expect((await small.request("GET", `/api/v1/prompts/bounded%2Fcache?version=${version}`, { key })).status).toBe(200);
      expect(small.state.cache.size).toBe(3);
      expect(prompt.name).toBe("bounded/cache");
    } finally {
      await small.close();
    }
  });
});

describe("rate limit", () => {
  it("answers 429 with Retry-After once a key has used its budget", async () => {
    const limited = await startDeliveryServer(createDeliveryState({ rateLimitPerMinute: 2 }));
    try {
      const prompt = await addTextPrompt(ws, "limited/one", ["x"]);
      await deploy(ws, { promptId: prompt.id, environment: "staging", version: 1 });
      const path = "/api/v1/prompts/limited%2Fone?label=staging";
      expect((await limited.request("GET", path, { key })).status).toBe(200);
      expect((await limited.request("GET", path, { key })).status).toBe(200);
      const refused = await limited.request("GET", path, { key });
      expect(refused.status).toBe(429);
      expect(refused.headers.get("retry-after")).toBe("30");
      expect(refused.body).toMatchObject({ error: { code: "rate_limited:apikey" } });
      const otherKey = (await addApiKey(ws, "read", "another app")).secret;
      expect((await limited.request("GET", path, { key: otherKey })).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
