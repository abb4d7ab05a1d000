import { afterEach, describe, expect, it } from "vitest";
import { createPromptClient } from "./create-prompt-client";
import { PromptClientError } from "./errors";
import { errorResponse, refusedUrl, servePrompts, startStudioStub, textPromptBody, type StubHandler, type StudioStub, type StubPrompt } from "./studio-stub";
import type { FallbackPrompt, PromptClientEvent } from "./types";

const apiKey = "pk_test";
const fallback: FallbackPrompt = { type: "text", template: "Fallback for {{name}}", modelConfig: { model: "local" } };
const stubs: StudioStub[] = [];

afterEach(async () => {
  await Promise.all(stubs.splice(0).map((stub) => stub.close()));
});

async function stubbed(handler: StubHandler) {
  const stub = await startStudioStub(handler);
  stubs.push(stub);
  return stub;
}

function clientFor(baseUrl: string, options: { timeoutMs?: number; key?: string } = {}) {
  const clock = { now: 0 };
  const events: PromptClientEvent[] = [];
  const client = createPromptClient({ baseUrl, apiKey: options.key ?? apiKey, ttlMs: 1_000, retryDelayMs: 500, timeoutMs: options.timeoutMs, now: () => clock.now, onEvent: (e) => events.push(e) });
  return { client, clock, events };
}

describe("when the studio cannot answer", () => {
  it("returns the fallback with the reason when the connection is refused", async () => {
    const { client, events } = clientFor(await refusedUrl());
    const result = await client.getPrompt("support/triage", { fallback });

    expect(result.source).toBe("fallback");
    expect(result.prompt).toMatchObject({ name: "support/triage", version: null, isFallback: true, type: "text", template: "Fallback for {{name}}", variables: ["name"], modelConfig: { model: "local" } });
    expect(result.error).toBeInstanceOf(PromptClientError);
    expect(result.error).toMatchObject({ code: "client:unreachable", status: null, unavailable: true });
    expect(result.error?.message).toMatch(/ECONNREFUSED/);
    expect(events).toContainEqual(expect.objectContaining({ type: "fallback_used", name: "support/triage" }));
  });

  it("throws a PromptClientError when the connection is refused and there is no fallback", async () => {
    const { client } = clientFor(await refusedUrl());
    const failure = client.getPrompt("support/triage");

    await expect(failure).rejects.toBeInstanceOf(PromptClientError);
    await expect(failure).rejects.toMatchObject({ code: "client:unreachable", status: null });
  });

  it("gives up after the timeout on a studio that never answers and returns the fallback", async () => {
    const stub = await stubbed(() => "hang");
    const { client } = clientFor(stub.url, { timeoutMs: 100 });
    const started = Date.now();
    const result = await client.getPrompt("support/triage", { fallback });

    expect(result).toMatchObject({ source: "fallback", error: { code: "client:timeout" } });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("returns the fallback on a 5xx and on a 429, keeping Retry-After", async () => {
    const stub = await stubbed((request) =>
      request.name === "busy" ? errorResponse(429, "rate_limited:api", "Slow down.", { "retry-after": "7" }) : { status: 502, body: "<html>Bad gateway</html>" },
    );
    const { client } = clientFor(stub.url);

    expect(await client.getPrompt("broken", { fallback })).toMatchObject({ source: "fallback", error: { code: "client:http_error", status: 502 } });
    expect(await client.getPrompt("busy", { fallback })).toMatchObject({ source: "fallback", error: { code: "rate_limited:api", status: 429, retryAfterMs: 7_000 } });
  });

  it("does not ask again for a prompt until the retry delay has passed", async () => {
    const stub = await stubbed(() => ({ status: 503 }));
    const { client, clock } = clientFor(stub.url);
    await client.getPrompt("support/triage", { fallback });
    clock.now += 499;
    expect((await client.getPrompt("support/triage", { fallback })).source).toBe("fallback");
    expect(stub.requests).toHaveLength(1);

    clock.now += 1;
    await client.getPrompt("support/triage", { fallback });
    expect(stub.requests).toHaveLength(2);
  });
});

describe("when the studio refuses", () => {
  it("throws the studio's code and message on a 404, even with a fallback", async () => {
    const stub = await stubbed(servePrompts({ apiKey, prompts: new Map() }));
    const { client } = clientFor(stub.url);

    await expect(client.getPrompt("support/missing", { fallback })).rejects.toMatchObject({
      name: "PromptClientError",
      code: "not_found:prompt",
      status: 404,
      message: 'Prompt "support/missing" not found.',
      unavailable: false,
    });
  });

  it("throws on a wrong API key rather than falling back", async () => {
    const stub = await stubbed(servePrompts({ apiKey, prompts: new Map() }));
    const { client } = clientFor(stub.url, { key: "pk_wrong" });

    await expect(client.getPrompt("support/triage", { fallback })).rejects.toMatchObject({ code: "unauthorized:api", status: 401 });
  });

  it("reads the studio's { error, code } error shape too", async () => {
    const stub = await stubbed(() => ({ status: 403, body: { error: "Not allowed here.", code: "forbidden:api" } }));
    const { client } = clientFor(stub.url);

    await expect(client.getPrompt("support/triage")).rejects.toMatchObject({ code: "forbidden:api", status: 403, message: "Not allowed here." });
  });
});

describe("with a stale copy in the cache", () => {
  async function cachedThen(next: StubHandler) {
    const prompts = new Map<string, StubPrompt>([["support/triage", { body: textPromptBody("support/triage", { version: 3 }), etag: '"v3"' }]]);
    let handler: StubHandler = servePrompts({ apiKey, prompts });
    const stub = await stubbed((request) => handler(request));
    const setup = clientFor(stub.url, { timeoutMs: 100 });
    await setup.client.getPrompt("support/triage");
    handler = next;
    setup.clock.now += 1_000;
    return { ...setup, stub };
  }

  it("keeps serving the stale copy when revalidation fails, and reports the failure as an event", async () => {
    const { client, events, stub } = await cachedThen(() => "hang");

    expect((await client.getPrompt("support/triage", { fallback })).source).toBe("stale");
    await client.settled();
    expect(events).toContainEqual(expect.objectContaining({ type: "fetch_failed", background: true, error: expect.objectContaining({ code: "client:timeout" }) }));
    expect(await client.getPrompt("support/triage", { fallback })).toMatchObject({ source: "stale", prompt: { version: 3 } });
    await client.settled();
    // Within the retry delay the failed revalidation is not repeated.
    expect(stub.requests).toHaveLength(2);
  });

  it("drops the copy when the studio says the prompt is gone, so the next call throws", async () => {
    const { client } = await cachedThen(() => errorResponse(404, "not_found:prompt", "Prompt not found."));

    expect((await client.getPrompt("support/triage")).source).toBe("stale");
    await client.settled();
    await expect(client.getPrompt("support/triage", { fallback })).rejects.toMatchObject({ code: "not_found:prompt" });
  });
});
