// Exercises the real provider SDKs against the fixture server over real HTTP (no mocked fetch).

import { createServer } from "node:net";
import type { LanguageModelV3 } from "@ai-sdk/provider";
import { beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/core/errors";
import { setUpFixtureLlmServer } from "@/lib/testing/fixture-llm";
import { isCancelledError } from "./model-errors";
import { getLanguageModel } from "./registry";
import { streamCompletion, type StreamCompletionInput } from "./stream-completion";
import type { ProviderConfig } from "./types";

const server = setUpFixtureLlmServer();
let providers: ProviderConfig[];

beforeAll(() => {
  providers = [
    { id: "offline", kind: "offline", label: "Offline demo model" },
    { id: "fixture", kind: "openai-compatible", label: "Fixture LLM", baseUrl: server.url, models: ["echo"] },
    { id: "openai", kind: "openai", label: "OpenAI", apiKey: "sk-fixture-key", baseUrl: server.url },
  ];
});

const question = "What is the capital of France?";

function run(modelId: string, overrides: Partial<StreamCompletionInput> = {}) {
  const provider = providers.find((candidate) => modelId.startsWith(`${candidate.id}:`));
  return streamCompletion({
    model: getLanguageModel(modelId, { providers }),
    modelId,
    providerLabel: provider?.label ?? "unknown",
    messages: [
      { role: "system", content: "Answer briefly." },
      { role: "user", content: question },
    ],
    ...overrides,
  });
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error: unknown = await promise.then(
    () => new Error("expected the call to fail"),
    (caught: unknown) => caught,
  );
  if (!(error instanceof AppError)) throw error;
  // Users see these messages: never a key, never a stack trace.
  expect(error.message).not.toMatch(/sk-|\n\s+at /);
  return error;
}

describe("streamCompletion against the fixture server", () => {
  it("streams through an openai-compatible provider", async () => {
    const deltas: string[] = [];
    const before = server.requests;
    const result = await run("fixture:echo", {
      onDelta: (delta) => deltas.push(delta),
      settings: { temperature: 0.2 },
    });
    expect(server.requests).toBe(before + 1);
    expect(result.text).toBe(`Echo: ${question}`);
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.join("")).toBe(result.text);
    expect(result.finishReason).toBe("stop");
    expect(result.usage.outputTokens).toBe(deltas.length);
    expect(result.usage.inputTokens).toBeGreaterThan(0);
    expect(result.usageEstimated).toBe(false);
    expect(result.costUsd).toBeNull(); // self-hosted models have no known price
    expect(result.timeToFirstTokenMs).not.toBeNull();
    expect(result.timeToFirstTokenMs!).toBeLessThanOrEqual(result.latencyMs);
  });

  it("streams through the OpenAI provider pointed at the fixture, with cost", async () => {
    // "gpt-4o" is not a failure mode, so the fixture echoes; the catalog prices it.
    const result = await run("openai:gpt-4o");
    expect(result.text).toBe(`Echo: ${question}`);
    expect(result.usage.outputTokens).toBe(7);
    expect(result.usageEstimated).toBe(false);
    expect(result.costUsd).toBeCloseTo((result.usage.inputTokens * 2.5 + 7 * 10) / 1_000_000, 12);
  });

  it("measures time to first token separately from total latency", async () => {
    const result = await run("fixture:echo", {
      messages: [{ role: "user", content: "one two three four" }],
      // 150 ms before the first byte, then 40 ms between chunks.
      model: withHeaders({ "x-fixture-latency-ms": "150", "x-fixture-chunk-delay-ms": "40" }),
    });
    expect(result.text).toBe("Echo: one two three four");
    expect(result.timeToFirstTokenMs!).toBeGreaterThanOrEqual(140);
    expect(result.latencyMs - result.timeToFirstTokenMs!).toBeGreaterThanOrEqual(4 * 40 - 20);
  });

  it("respects maxOutputTokens", async () => {
    const result = await run("fixture:echo", { settings: { maxOutputTokens: 3 } });
    expect(result.text).toBe("Echo: What is ");
    expect(result.finishReason).toBe("length");
  });

  it("surfaces a 429 as rate_limited with Retry-After", async () => {
    for (const modelId of ["fixture:fail-429", "openai:fail-429"]) {
      const error = await failure(run(modelId));
      expect(error.code).toBe("rate_limited:model");
      expect(error.details?.retryAfterSeconds).toBe(7);
      expect(error.status).toBe(429);
      expect(error.toResponse().headers.get("retry-after")).toBe("7");
    }
  });

  it.each([
    { behaviour: "surfaces a 500 as an upstream error", modelId: "fixture:fail-500", code: "upstream:model", message: "Fixture LLM had a server error (HTTP 500)" },
    { behaviour: "surfaces a 401 as unauthorized without echoing the key", modelId: "openai:fail-401", code: "unauthorized:provider", message: "OpenAI rejected the API key" },
    { behaviour: "rejects a malformed stream with a clear upstream error instead of empty text", modelId: "fixture:malformed", code: "upstream:model", message: "malformed response" },
    { behaviour: "rejects a malformed stream with a clear upstream error instead of empty text", modelId: "openai:malformed", code: "upstream:model", message: "malformed response" },
    { behaviour: "maps context-length errors to a bad request", modelId: "openai:context-length", code: "bad_request:model", message: "too long for the model's context window" },
  ])("$behaviour ($modelId)", async ({ modelId, code, message }) => {
    const error = await failure(run(modelId));
    expect(error.code).toBe(code);
    expect(error.message).toContain(message);
  });

  it("times out a hanging provider", async () => {
    const started = performance.now();
    const error = await failure(run("fixture:hang", { timeoutMs: 300 }));
    expect(error.code).toBe("timeout:model");
    expect(error.message).toContain("did not answer within 300 ms");
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("reports caller cancellation distinctly from a timeout", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await failure(run("fixture:hang", { abortSignal: controller.signal, timeoutMs: 5_000 }));
    expect(error.code).toBe("bad_request:model");
    expect(isCancelledError(error)).toBe(true);
  });

  it("reports an unreachable provider", async () => {
    const port = await freePort();
    const unreachable: ProviderConfig[] = [
      { id: "down", kind: "openai-compatible", label: "Local server", baseUrl: `http://127.0.0.1:${port}/v1` },
    ];
    const error = await failure(
      streamCompletion({
        model: getLanguageModel("down:any", { providers: unreachable }),
        modelId: "down:any",
        providerLabel: "Local server",
        messages: [{ role: "user", content: "hi" }],
      }),
    );
    expect(error.code).toBe("unavailable:provider");
    expect(error.message).toContain("Provider unreachable");
  });

  it("hands a failing onDelta callback's error back unchanged", async () => {
    const boom = new Error("client went away");
    const error: unknown = await run("fixture:echo", {
      onDelta: () => {
        throw boom;
      },
    }).catch((caught: unknown) => caught);
    expect(error).toBe(boom);
  });
});

// streamCompletion has no headers option (the fixture headers are test-only), so wrap the model.
function withHeaders(headers: Record<string, string>): LanguageModelV3 {
  const model = getLanguageModel("fixture:echo", { providers });
  return {
    specificationVersion: model.specificationVersion,
    provider: model.provider,
    modelId: model.modelId,
    supportedUrls: model.supportedUrls,
    doGenerate: (options) => model.doGenerate({ ...options, headers: { ...options.headers, ...headers } }),
    doStream: (options) => model.doStream({ ...options, headers: { ...options.headers, ...headers } }),
  };
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const address = probe.address();
  const port = typeof address === "object" && address ? address.port : 0;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
