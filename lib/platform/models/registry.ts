// The one way to turn a model id into a callable model. Everything that talks to a model (playground,
// eval runner, benchmarks) goes through getLanguageModel so provider wiring lives in one place.

import { createAnthropic } from "@ai-sdk/anthropic";
import { createOpenAI } from "@ai-sdk/openai";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import type { LanguageModelV3 } from "@ai-sdk/provider";
import { AppError } from "@/lib/core/errors";
import { isOfflineModelName, OFFLINE_MODEL_NAMES, OfflineModel } from "./offline-model";
import type { ProviderConfig } from "./types";

export interface ParsedModelId {
  providerId: string;
  modelName: string;
}

/** Splits "<providerId>:<modelName>" at the first ':' (model names may contain ':' or '/'). */
export function parseModelId(modelId: string): ParsedModelId {
  const separator = modelId.indexOf(":");
  const providerId = separator > 0 ? modelId.slice(0, separator).trim() : "";
  const modelName = separator > 0 ? modelId.slice(separator + 1).trim() : "";
  if (!providerId || !modelName) {
    throw new AppError(
      "bad_request:model",
      `"${modelId}" is not a valid model id. Use "<provider>:<model>", for example "openai:gpt-4o" or "offline:demo".`,
    );
  }
  return { providerId, modelName };
}

// Providers the studio knows how to set up, so "openai:gpt-4o" without a key gets a helpful message
// instead of "unknown provider".
const setupHints: Record<string, { label: string; hint: string }> = {
  offline: { label: "the offline demo model", hint: "The offline provider is missing from the configuration." },
  openai: { label: "OpenAI", hint: "Set OPENAI_API_KEY to enable it." },
  anthropic: { label: "Anthropic", hint: "Set ANTHROPIC_API_KEY to enable it." },
  compat: { label: "an OpenAI-compatible server", hint: "Set OPENAI_COMPATIBLE_BASE_URL to enable it." },
};

/** The configured provider a model id refers to; throws the user-facing error when there is none. */
export function findProviderForModel(modelId: string, { providers }: { providers: ProviderConfig[] }): ProviderConfig {
  const { providerId } = parseModelId(modelId);
  const provider = providers.find((candidate) => candidate.id === providerId);
  if (provider) return provider;

  const setup = setupHints[providerId];
  if (setup) {
    throw new AppError(
      "unavailable:provider",
      `No API key is configured for ${setup.label}, so "${modelId}" cannot be used. ${setup.hint}`,
      { details: { providerId } },
    );
  }
  const known = providers.map((candidate) => candidate.id).join(", ");
  throw new AppError(
    "bad_request:model",
    `Unknown provider "${providerId}" in model id "${modelId}". Configured providers: ${known || "none"}.`,
    { details: { providerId } },
  );
}

// Setting up a provider's SDK model costs about 0.4 ms, a visible share of a playground run's time to first
// token. Models hold no per-call state, so one instance per exact configuration (key and base URL included) is
// reused; a changed configuration is a new key, so it never serves a stale key or URL.
const modelCache = new Map<string, LanguageModelV3>();
const MODEL_CACHE_SIZE = 200;

export function getLanguageModel(
  modelId: string,
  { providers, offlineChunkDelayMs }: { providers: ProviderConfig[]; offlineChunkDelayMs?: number },
): LanguageModelV3 {
  const { modelName } = parseModelId(modelId);
  const provider = findProviderForModel(modelId, { providers });
  const key = JSON.stringify([provider.kind, provider.id, provider.baseUrl ?? null, provider.apiKey ?? null, modelName, offlineChunkDelayMs ?? null]);
  const cached = modelCache.get(key);
  if (cached) return cached;
  const model = buildLanguageModel({ provider, modelId, modelName, offlineChunkDelayMs });
  if (modelCache.size >= MODEL_CACHE_SIZE) modelCache.delete(modelCache.keys().next().value!);
  modelCache.set(key, model);
  return model;
}

function buildLanguageModel({
  provider,
  modelId,
  modelName,
  offlineChunkDelayMs,
}: {
  provider: ProviderConfig;
  modelId: string;
  modelName: string;
  offlineChunkDelayMs: number | undefined;
}): LanguageModelV3 {
  switch (provider.kind) {
    case "offline":
      if (!isOfflineModelName(modelName)) {
        throw new AppError(
          "bad_request:model",
          `The offline provider has the models ${OFFLINE_MODEL_NAMES.map((name) => `"${name}"`).join(", ")}; "${modelId}" does not exist.`,
        );
      }
      return new OfflineModel({ name: modelName, ...(offlineChunkDelayMs === undefined ? {} : { chunkDelayMs: offlineChunkDelayMs }) });

    case "openai":
      // Chat Completions (not the Responses API) so OpenAI and OpenAI-compatible servers behave alike.
      return createOpenAI({
        apiKey: requireKey(provider),
        ...(provider.baseUrl ? { baseURL: provider.baseUrl } : {}),
      }).chat(modelName);

    case "anthropic":
      return createAnthropic({
        apiKey: requireKey(provider),
        ...(provider.baseUrl ? { baseURL: provider.baseUrl } : {}),
      }).languageModel(modelName);

    case "openai-compatible":
      if (!provider.baseUrl) {
        throw new AppError("unavailable:provider", `${provider.label} has no base URL configured.`);
      }
      return createOpenAICompatible({
        name: provider.id,
        baseURL: provider.baseUrl,
        // Without include_usage most servers send no token counts on streams, and cost tracking needs them.
        includeUsage: true,
        ...(provider.apiKey ? { apiKey: provider.apiKey } : {}),
      }).chatModel(modelName);
  }
}

// The SDKs fall back to process.env when apiKey is missing; refuse instead so configuration stays explicit.
function requireKey(provider: ProviderConfig): string {
  if (!provider.apiKey) {
    throw new AppError("unavailable:provider", `No API key is configured for ${provider.label}.`, {
      details: { providerId: provider.id },
    });
  }
  return provider.apiKey;
}
