import "server-only";
import { AppError, toAppError } from "@/lib/core/errors";
import { listCatalogModels } from "@/lib/platform/models/catalog";
import { getLanguageModel } from "@/lib/platform/models/registry";
import { streamCompletion } from "@/lib/platform/models/stream-completion";
import { resolveWorkspaceProviders } from "./resolve-providers";

export type ProviderTestResult = { ok: true; modelId: string; latencyMs: number } | { ok: false; modelId: string | null; error: string };

/** Sends one tiny prompt to the provider's first model through the same path every run uses. */
export async function testProvider({ workspaceId, providerId }: { workspaceId: string; providerId: string }): Promise<ProviderTestResult> {
  const providers = await resolveWorkspaceProviders({ workspaceId });
  const provider = providers.find((p) => p.id === providerId);
  if (!provider) throw new AppError("not_found:provider", "That provider is not configured in this workspace.");
  const modelId = listCatalogModels({ providers: [provider] })[0]?.id ?? null;
  if (!modelId) return { ok: false, modelId, error: "List at least one model for this provider to test it." };
  try {
    const result = await streamCompletion({
      model: getLanguageModel(modelId, { providers, offlineChunkDelayMs: 0 }),
      modelId,
      providerLabel: provider.label,
      messages: [{ role: "user", content: "Reply with the single word OK." }],
      settings: { maxOutputTokens: 16 },
      timeoutMs: 15_000,
    });
    return { ok: true, modelId, latencyMs: Math.round(result.latencyMs) };
  } catch (error) {
    return { ok: false, modelId, error: toAppError(error).message };
  }
}
