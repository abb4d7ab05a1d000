import "server-only";
import type { LanguageModelV3 } from "@ai-sdk/provider";
import { findProviderForModel, getLanguageModel } from "@/lib/platform/models/registry";
import { resolveWorkspaceProviders } from "./resolve-providers";

export interface WorkspaceModel {
  model: LanguageModelV3;
  modelId: string;
  /** Names the provider in error messages ("Fixture server is rate-limiting requests"). */
  providerLabel: string;
}

/**
 * The model a workspace reaches under `modelId`, with the provider's label for messages. Throws the user-facing
 * AppError when the provider is unknown or not configured (no key). The playground and the eval runner both call
 * models through this and streamCompletion, so there is one way to call a model.
 */
export async function getWorkspaceModel({
  workspaceId,
  modelId,
  providers: resolved,
}: {
  workspaceId: string;
  modelId: string;
  /** The workspace's providers when the caller has them already (read before its transaction). */
  providers?: Awaited<ReturnType<typeof resolveWorkspaceProviders>>;
}): Promise<WorkspaceModel> {
  const providers = resolved ?? (await resolveWorkspaceProviders({ workspaceId }));
  const provider = findProviderForModel(modelId, { providers });
  return { model: getLanguageModel(modelId, { providers }), modelId, providerLabel: provider.label };
}
