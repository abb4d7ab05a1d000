import { describe, expect, it } from "vitest";
import { thrown } from "@/lib/testing/app-error";
import { OfflineModel } from "./offline-model";
import { providersFromEnv } from "./providers-from-env";
import { findProviderForModel, getLanguageModel, parseModelId } from "./registry";
import type { ProviderConfig } from "./types";

const offlineOnly: ProviderConfig[] = [{ id: "offline", kind: "offline", label: "Offline demo model" }];
const all: ProviderConfig[] = [
  ...offlineOnly,
  { id: "openai", kind: "openai", label: "OpenAI", apiKey: "sk-test" },
  { id: "anthropic", kind: "anthropic", label: "Anthropic", apiKey: "sk-ant-test" },
  { id: "ollama", kind: "openai-compatible", label: "Ollama", baseUrl: "http://127.0.0.1:11434/v1", models: ["llama3.2"] },
];

describe("parseModelId", () => {
  it("splits at the first colon so model names may contain ':' and '/'", () => {
    expect(parseModelId("openai:gpt-4o")).toEqual({ providerId: "openai", modelName: "gpt-4o" });
    expect(parseModelId("ollama:llama3.2:3b")).toEqual({ providerId: "ollama", modelName: "llama3.2:3b" });
    expect(parseModelId("compat:meta-llama/Llama-3-8b")).toEqual({
      providerId: "compat",
      modelName: "meta-llama/Llama-3-8b",
    });
  });

  it.each(["gpt-4o", ":gpt-4o", "openai:", ""])("rejects %j", (id) => {
    const error = thrown(() => parseModelId(id));
    expect(error.code).toBe("bad_request:model");
    expect(error.message).toContain("<provider>:<model>");
  });
});

describe("getLanguageModel", () => {
  it("returns the offline model", () => {
    const model = getLanguageModel("offline:demo", { providers: offlineOnly });
    expect(model).toBeInstanceOf(OfflineModel);
  });

  it("builds SDK models for every configured provider kind", () => {
    const openai = getLanguageModel("openai:gpt-4o", { providers: all });
    expect(openai.specificationVersion).toBe("v3");
    expect(openai.modelId).toBe("gpt-4o");
    expect(openai.provider).toBe("openai.chat"); // chat completions, not the Responses API

    const anthropic = getLanguageModel("anthropic:claude-haiku-4-5", { providers: all });
    expect(anthropic.modelId).toBe("claude-haiku-4-5");
    expect(anthropic.provider).toContain("anthropic");

    const compat = getLanguageModel("ollama:llama3.2:3b", { providers: all });
    expect(compat.modelId).toBe("llama3.2:3b");
    expect(compat.provider).toContain("ollama");
  });

  it("rejects an unknown provider as a bad request", () => {
    const error = thrown(() => getLanguageModel("mystery:model-1", { providers: all }));
    expect(error.code).toBe("bad_request:model");
    expect(error.message).toContain('Unknown provider "mystery"');
    expect(error.message).toContain("offline, openai, anthropic, ollama");
  });

  it("explains that a known provider has no key configured", () => {
    const openai = thrown(() => getLanguageModel("openai:gpt-4o", { providers: offlineOnly }));
    expect(openai.code).toBe("unavailable:provider");
    expect(openai.message).toContain("No API key is configured for OpenAI");
    expect(openai.message).toContain("OPENAI_API_KEY");

    const anthropic = thrown(() => getLanguageModel("anthropic:claude-sonnet-4-5", { providers: offlineOnly }));
    expect(anthropic.code).toBe("unavailable:provider");
    expect(anthropic.message).toContain("ANTHROPIC_API_KEY");
  });

  it("refuses a configured provider without a key instead of reading process.env", () => {
    const error = thrown(() =>
      getLanguageModel("openai:gpt-4o", { providers: [{ id: "openai", kind: "openai", label: "OpenAI" }] }),
    );
    expect(error.code).toBe("unavailable:provider");
  });

  it("rejects unknown offline models, naming the ones there are", () => {
    const error = thrown(() => getLanguageModel("offline:gpt-4o", { providers: offlineOnly }));
    expect(error.code).toBe("bad_request:model");
    expect(error.message).toBe('The offline provider has the models "demo", "ticket-triage", "ticket-triage-null"; "offline:gpt-4o" does not exist.');
  });

  it("returns the simulated task models of the offline provider, which answer a ticket with a label", async () => {
    const ticket = "[T-0007] I was charged twice for my subscription this month.";
    const prompt = [{ role: "user" as const, content: [{ type: "text" as const, text: `Label the ticket as billing, bug, feature or praise. Answer with the label only.\n${ticket}` }] }];
    for (const id of ["offline:ticket-triage", "offline:ticket-triage-null"]) {
      const model = getLanguageModel(id, { providers: offlineOnly, offlineChunkDelayMs: 0 });
      expect(model.modelId).toBe(id.slice("offline:".length));
      const result = await model.doGenerate({ prompt, seed: 0 });
      const text = result.content.flatMap((part) => (part.type === "text" ? [part.text] : [])).join("");
      expect(["billing", "bug", "feature", "praise"]).toContain(text);
    }
  });

  it("finds the provider config for labels in error messages", () => {
    expect(findProviderForModel("ollama:llama3.2", { providers: all }).label).toBe("Ollama");
  });
});

describe("providersFromEnv", () => {
  it("always includes the offline provider", () => {
    expect(providersFromEnv({})).toEqual([{ id: "offline", kind: "offline", label: "Offline demo model" }]);
  });

  it("adds providers for the keys that are set, ignoring blank values", () => {
    const providers = providersFromEnv({
      OPENAI_API_KEY: "sk-1",
      OPENAI_BASE_URL: "http://localhost:9999/v1",
      ANTHROPIC_API_KEY: "  ",
      OPENAI_COMPATIBLE_BASE_URL: "http://127.0.0.1:11434/v1",
      OPENAI_COMPATIBLE_ID: "ollama",
      OPENAI_COMPATIBLE_LABEL: "Ollama",
      OPENAI_COMPATIBLE_MODELS: "llama3.2, qwen2.5:7b ,,",
    });
    expect(providers).toEqual([
      { id: "offline", kind: "offline", label: "Offline demo model" },
      { id: "openai", kind: "openai", label: "OpenAI", apiKey: "sk-1", baseUrl: "http://localhost:9999/v1" },
      {
        id: "ollama",
        kind: "openai-compatible",
        label: "Ollama",
        baseUrl: "http://127.0.0.1:11434/v1",
        models: ["llama3.2", "qwen2.5:7b"],
      },
    ]);
  });

  it("uses defaults for the openai-compatible provider", () => {
    const compat = providersFromEnv({ OPENAI_COMPATIBLE_BASE_URL: "http://x/v1", OPENAI_COMPATIBLE_API_KEY: "k" })[1];
    expect(compat).toEqual({
      id: "compat",
      kind: "openai-compatible",
      label: "OpenAI-compatible",
      baseUrl: "http://x/v1",
      apiKey: "k",
      models: [],
    });
  });
});

describe("model reuse", () => {
  it("reuses the model of an unchanged configuration and builds a new one when its key or URL changes", () => {
    const compat = (apiKey: string, baseUrl = "http://127.0.0.1:1/v1"): ProviderConfig[] => [
      { id: "local", kind: "openai-compatible", label: "Local", baseUrl, apiKey, models: ["m"] },
    ];
    const first = getLanguageModel("local:m", { providers: compat("key-1") });
    expect(getLanguageModel("local:m", { providers: compat("key-1") })).toBe(first);
    expect(getLanguageModel("local:m", { providers: compat("key-2") })).not.toBe(first);
    expect(getLanguageModel("local:m", { providers: compat("key-1", "http://127.0.0.1:2/v1") })).not.toBe(first);
    expect(getLanguageModel("local:other", { providers: compat("key-1") })).not.toBe(first);
  });
});
