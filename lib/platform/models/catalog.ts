// What models the studio knows about: labels, context windows and list prices (USD per million tokens,
// public list prices as of late 2025; update here when providers change them).

import { NULL_TASK_MODEL_NAME, OFFLINE_MODEL_LABEL, OFFLINE_MODEL_NAME, OFFLINE_PROVIDER_ID, SIMULATED_TASK_MODEL_NAME } from "./offline-model";
import type { ProviderConfig, ProviderKind } from "./types";

export interface CatalogModel {
  /** "<providerId>:<modelName>", the id used everywhere else. */
  id: string;
  providerId: string;
  providerKind: ProviderKind;
  label: string;
  /** Tokens; null when unknown (models of an openai-compatible server). */
  contextWindow: number | null;
  inputPricePerMTok: number;
  outputPricePerMTok: number;
}

type KnownModel = Omit<CatalogModel, "id" | "providerId" | "providerKind"> & { name: string };

const knownModels: Record<Exclude<ProviderKind, "openai-compatible">, KnownModel[]> = {
  offline: [
    { name: "demo", label: OFFLINE_MODEL_LABEL, contextWindow: 32_000, inputPricePerMTok: 0, outputPricePerMTok: 0 },
    // Simulated prices (a small model's), so an optimization on the simulated task reports what it would cost.
    { name: SIMULATED_TASK_MODEL_NAME, label: "Offline ticket triage (simulated task)", contextWindow: 32_000, inputPricePerMTok: 0.15, outputPricePerMTok: 0.6 },
    { name: NULL_TASK_MODEL_NAME, label: "Offline ticket triage, ignores the prompt (null task)", contextWindow: 32_000, inputPricePerMTok: 0.15, outputPricePerMTok: 0.6 },
  ],
  openai: [
    { name: "gpt-4o", label: "GPT-4o", contextWindow: 128_000, inputPricePerMTok: 2.5, outputPricePerMTok: 10 },
    { name: "gpt-4o-mini", label: "GPT-4o mini", contextWindow: 128_000, inputPricePerMTok: 0.15, outputPricePerMTok: 0.6 },
    { name: "gpt-4.1", label: "GPT-4.1", contextWindow: 1_047_576, inputPricePerMTok: 2, outputPricePerMTok: 8 },
    { name: "gpt-4.1-mini", label: "GPT-4.1 mini", contextWindow: 1_047_576, inputPricePerMTok: 0.4, outputPricePerMTok: 1.6 },
    { name: "o4-mini", label: "o4-mini", contextWindow: 200_000, inputPricePerMTok: 1.1, outputPricePerMTok: 4.4 },
  ],
  anthropic: [
    { name: "claude-sonnet-4-5", label: "Claude Sonnet 4.5", contextWindow: 200_000, inputPricePerMTok: 3, outputPricePerMTok: 15 },
    { name: "claude-haiku-4-5", label: "Claude Haiku 4.5", contextWindow: 200_000, inputPricePerMTok: 1, outputPricePerMTok: 5 },
    { name: "claude-opus-4-1", label: "Claude Opus 4.1", contextWindow: 200_000, inputPricePerMTok: 15, outputPricePerMTok: 75 },
  ],
};

/** Default provider slug per kind; static catalog ids use it ("openai:gpt-4o"). */
export const defaultProviderIds: Record<Exclude<ProviderKind, "openai-compatible">, string> = {
  offline: "offline",
  openai: "openai",
  anthropic: "anthropic",
};

function toCatalogModel({ model, providerId, providerKind }: { model: KnownModel; providerId: string; providerKind: ProviderKind }): CatalogModel {
  const { name, ...rest } = model;
  return { id: `${providerId}:${name}`, providerId, providerKind, ...rest };
}

const staticCatalog: CatalogModel[] = (Object.keys(knownModels) as (keyof typeof knownModels)[]).flatMap((kind) =>
  knownModels[kind].map((model) => toCatalogModel({ model, providerId: defaultProviderIds[kind], providerKind: kind })),
);

export function findCatalogModel(modelId: string): CatalogModel | null {
  return staticCatalog.find((model) => model.id === modelId) ?? null;
}

/** USD cost of one call, or null when the price is unknown (uncatalogued or self-hosted models). */
export function estimateCostUsd({
  modelId,
  inputTokens,
  outputTokens,
}: {
  modelId: string;
  inputTokens: number;
  outputTokens: number;
}): number | null {
  const model = findCatalogModel(modelId);
  if (!model) return null;
  return (inputTokens * model.inputPricePerMTok + outputTokens * model.outputPricePerMTok) / 1_000_000;
}

/** Models usable with the configured providers, in provider order, for pickers. */
export function listCatalogModels({ providers }: { providers: ProviderConfig[] }): CatalogModel[] {
  return providers.flatMap((provider) => {
    if (provider.kind === "openai-compatible") {
      // A self-hosted server has no catalog: list what the operator configured, without prices.
      return (provider.models ?? []).map((name) => ({
        id: `${provider.id}:${name}`,
        providerId: provider.id,
        providerKind: provider.kind,
        label: `${name} (${provider.label})`,
        contextWindow: null,
        inputPricePerMTok: 0,
        outputPricePerMTok: 0,
      }));
    }
    return knownModels[provider.kind].map((model) =>
      toCatalogModel({ model, providerId: provider.id, providerKind: provider.kind }),
    );
  });
}

export const OFFLINE_MODEL_ID = `${OFFLINE_PROVIDER_ID}:${OFFLINE_MODEL_NAME}`;

/**
 * The model new prompts and runs start with: the first model of the first real provider configured,
 * and the offline demo model when there is none, so the studio always works without keys.
 */
export function defaultModelId({ providers }: { providers: ProviderConfig[] }): string {
  const real = listCatalogModels({ providers: providers.filter((p) => p.kind !== "offline") });
  return real[0]?.id ?? OFFLINE_MODEL_ID;
}
