import { afterEach, describe, expect, it } from "vitest";
import { createPromptClient } from "./create-prompt-client";
import { servePrompts, startStudioStub, textPromptBody, type StudioStub, type StubPrompt } from "./studio-stub";
import type { PromptClientEvent } from "./types";

const apiKey = "pk_test";
let stub: StudioStub | null = null;

afterEach(async () => {
  await stub?.close();
  stub = null;
});

async function setup({ ttlMs = 1_000 }: { ttlMs?: number } = {}) {
  const prompts = new Map<string, StubPrompt>([["support/triage", { body: textPromptBody("support/triage", { version: 3 }), etag: '"v3"' }]]);
  stub = await startStudioStub(servePrompts({ apiKey, prompts }));
  const clock = { now: 10_000 };
  const events: PromptClientEvent[] = [];
  const client = createPromptClient({ baseUrl: `${stub.url}/`, apiKey, ttlMs, now: () => clock.now, onEvent: (event) => events.push(event) });
  return { client, clock, events, prompts, requests: stub.requests };
}

describe("createPromptClient", () => {
  it("fetches a prompt from the network on first use, with the key and each name segment encoded", async () => {
    const { client, requests } = await setup();
    const result = await client.getPrompt("support/triage");

    expect(result.source).toBe("network");
    expect(result.prompt).toMatchObject({ name: "support/triage", version: 3, type: "text", template: "Hello {{name}}", isFallback: false });
    expect(requests).toHaveLength(1);
    expect(requests[0]?.path).toBe("/api/v1/prompts/support/triage");
    expect(requests[0]?.query.get("label")).toBe("production");
    expect(requests[0]?.headers.authorization).toBe(`Bearer ${apiKey}`);
    expect(requests[0]?.headers["if-none-match"]).toBeUndefined();
  });

  it("serves a fresh cached prompt without asking the studio", async () => {
    const { client, clock, requests } = await setup();
    await client.getPrompt("support/triage");
    clock.now += 999;
    const again = await client.getPrompt("support/triage");

    expect(again.source).toBe("cache");
    expect(again.prompt.version).toBe(3);
    expect(requests).toHaveLength(1);
  });

  it("after the TTL serves the stale copy at once and revalidates it in the background with If-None-Match", async () => {
    const { client, clock, events, requests } = await setup();
    await client.getPrompt("support/triage");
    clock.now += 1_000;

    const stale = await client.getPrompt("support/triage");
    expect(stale.source).toBe("stale");
    expect(stale.prompt.version).toBe(3);
    await client.settled();

    expect(requests).toHaveLength(2);
    expect(requests[1]?.headers["if-none-match"]).toBe('"v3"');
    expect(events).toContainEqual(expect.objectContaining({ type: "fetched", status: 304, background: true }));
    // The 304 refreshed the TTL: the next call is a cache hit without a request.
    clock.now += 999;
    expect((await client.getPrompt("support/triage")).source).toBe("cache");
    expect(requests).toHaveLength(2);
  });

  it("replaces the cached prompt when the revalidation answers 200 with a new version", async () => {
    const { client, clock, prompts, requests } = await setup();
    await client.getPrompt("support/triage");
    prompts.set("support/triage", { body: textPromptBody("support/triage", { version: 4, template: "Hi {{name}}" }), etag: '"v4"' });
    clock.now += 1_000;

    expect((await client.getPrompt("support/triage")).prompt.version).toBe(3);
    await client.settled();
    const replaced = await client.getPrompt("support/triage");

    expect(replaced).toMatchObject({ source: "cache", prompt: { version: 4, template: "Hi {{name}}" } });
    expect(requests).toHaveLength(2);
  });

  it("sends one request for concurrent first uses and one revalidation for concurrent stale reads", async () => {
    const { client, clock, requests } = await setup();
    const first = await Promise.all([client.getPrompt("support/triage"), client.getPrompt("support/triage"), client.getPrompt("support/triage")]);
    expect(first.map((r) => r.source)).toEqual(["network", "network", "network"]);
    expect(requests).toHaveLength(1);

    clock.now += 1_000;
    const stale = await Promise.all([client.getPrompt("support/triage"), client.getPrompt("support/triage")]);
    expect(stale.map((r) => r.source)).toEqual(["stale", "stale"]);
    await client.settled();
    expect(requests).toHaveLength(2);
  });

  it("caches each label and version separately and asks for the one requested", async () => {
    const { client, requests } = await setup();
    await client.getPrompt("support/triage", { label: "latest" });
    await client.getPrompt("support/triage", { version: 3 });
    await client.getPrompt("support/triage", { version: 3 });

    expect(requests.map((r) => r.query.toString())).toEqual(["label=latest", "version=3"]);
  });

  it("treats the default label and an explicit production label as the same cache entry", async () => {
    const { client, requests } = await setup();
    await client.getPrompt("support/triage");
    expect((await client.getPrompt("support/triage", { label: "production" })).source).toBe("cache");
    expect(requests).toHaveLength(1);
  });

  it("refuses a label and a version together without a request", async () => {
    const { client, requests } = await setup();
    await expect(client.getPrompt("support/triage", { label: "production", version: 3 })).rejects.toMatchObject({ code: "client:invalid_request" });
    expect(requests).toHaveLength(0);
  });
});
