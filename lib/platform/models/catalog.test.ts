import { describe, expect, it } from "vitest";
import { defaultModelId, estimateCostUsd, findCatalogModel, listCatalogModels } from "./catalog";
import type { ProviderConfig } from "./types";

describe("estimateCostUsd", () => {
  it("prices a call from per-million-token list prices", () => {
    // gpt-4o: $2.50 in, $10 out per million tokens.
    expect(estimateCostUsd({ modelId: "openai:gpt-4o", inputTokens: 1_000_000, outputTokens: 0 })).toBeCloseTo(2.5);
    expect(estimateCostUsd({ modelId: "openai:gpt-4o", inputTokens: 2_000, outputTokens: 500 })).toBeCloseTo(0.01);
    expect(
      estimateCostUsd({ modelId: "anthropic:claude-sonnet-4-5", inputTokens: 1_000, outputTokens: 1_000 }),
    ).toBeCloseTo(0.018);
  });

  it("is free for the offline model and unknown (null) for uncatalogued models", () => {
    expect(estimateCostUsd({ modelId: "offline:demo", inputTokens: 500, outputTokens: 500 })).toBe(0);
    expect(estimateCostUsd({ modelId: "openai:gpt-9", inputTokens: 1, outputTokens: 1 })).toBeNull();
    expect(estimateCostUsd({ modelId: "ollama:llama3.2", inputTokens: 1, outputTokens: 1 })).toBeNull();
  });
});

describe("catalog", () => {
  it("labels the offline model", () => {
    expect(findCatalogModel("offline:demo")).toMatchObject({ label: "Offline demo model", inputPricePerMTok: 0 });
  });

  it("lists only models reachable with the configured providers", () => {
    const offline: ProviderConfig = { id: "offline", kind: "offline", label: "Offline demo model" };
    expect(listCatalogModels({ providers: [offline] }).map((model) => model.id)).toEqual(["offline:demo", "offline:ticket-triage", "offline:ticket-triage-null"]);

    const ids = listCatalogModels({
      providers: [
        offline,
        { id: "openai", kind: "openai", label: "OpenAI", apiKey: "k" },
        { id: "anthropic", kind: "anthropic", label: "Anthropic", apiKey: "k" },
      ],
    }).map((model) => model.id);
    expect(ids).toEqual([
      "offline:demo",
      "offline:ticket-triage",
      "offline:ticket-triage-null",
      "openai:gpt-4o",
      "openai:gpt-4o-mini",
      "openai:gpt-4.1",
      "openai:gpt-4.1-mini",
      "openai:o4-mini",
      "anthropic:claude-sonnet-4-5",
      "anthropic:claude-haiku-4-5",
      "anthropic:claude-opus-4-1",
    ]);
  });

  it("lists an openai-compatible provider's configured models with no price and unknown context", () => {
    const models = listCatalogModels({
      providers: [{ id: "ollama", kind: "openai-compatible", label: "Ollama", baseUrl: "http://x", models: ["llama3.2:3b"] }],
    });
    expect(models).toEqual([
      {
        id: "ollama:llama3.2:3b",
        providerId: "ollama",
        providerKind: "openai-compatible",
        label: "llama3.2:3b (Ollama)",
        contextWindow: null,
        inputPricePerMTok: 0,
        outputPricePerMTok: 0,
      },
    ]);
  });
});

describe("default model", () => {
  const offline = { id: "offline", kind: "offline" as const, label: "Offline demo model" };

  it("is the offline demo model when no provider is configured", () => {
    expect(defaultModelId({ providers: [offline] })).toBe("offline:demo");
    expect(defaultModelId({ providers: [] })).toBe("offline:demo");
  });

  it("is the first model of the first real provider once one is configured", () => {
    const compat = { id: "ollama", kind: "openai-compatible" as const, label: "Ollama", baseUrl: "http://x/v1", models: ["llama3.1"] };
    expect(defaultModelId({ providers: [offline, compat] })).toBe("ollama:llama3.1");
    expect(defaultModelId({ providers: [offline, { id: "openai", kind: "openai" as const, label: "OpenAI", apiKey: "k" }] })).toBe("openai:gpt-4o");
  });

  it("skips an OpenAI-compatible server that lists no models", () => {
    const empty = { id: "vllm", kind: "openai-compatible" as const, label: "vLLM", baseUrl: "http://x/v1" };
    expect(defaultModelId({ providers: [offline, empty] })).toBe("offline:demo");
  });
});
