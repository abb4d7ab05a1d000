import "server-only";
import type { AuthContext } from "@/lib/platform/auth/context";
import { can } from "@/lib/platform/auth/policy";
import { getDb } from "@/db";
import type { Prompt } from "@/db/schema";
import { defaultModelId, listCatalogModels } from "@/lib/platform/models/catalog";
import { listVersions } from "@/lib/prompts/server";
import { versionContent } from "@/lib/prompts";
import { resolveWorkspaceProviders } from "@/lib/platform/providers/resolve-providers";
import { listPromptVariableSets } from "./manage-variable-sets";
import { promptVariablesReader } from "@/lib/serving/server";
import { loadReopenedBatch } from "./run-history";
import type { PlaygroundData } from "./types";

/** Versions offered in a column's picker; older ones are one restore away in History. */
export const PLAYGROUND_VERSION_LIMIT = 50;

export function loadPlaygroundData(ctx: AuthContext, { prompt, runId }: { prompt: Prompt; runId?: string | null }): PlaygroundData {
  const providers = resolveWorkspaceProviders({ workspaceId: ctx.workspaceId });
  const readVariables = promptVariablesReader(getDb(), { workspaceId: ctx.workspaceId });
  const reopened = runId ? loadReopenedBatch(ctx, { runId, promptId: prompt.id }) : null;
  const wanted = new Set(reopened?.columns.flatMap((c) => (c.source.kind === "version" ? [c.source.version] : [])) ?? []);
  const versions = listVersions({ promptId: prompt.id })
    .filter((row, index) => index < PLAYGROUND_VERSION_LIMIT || wanted.has(row.version.version))
    .map(({ version }) => ({
      version: version.version,
      commitMessage: version.commitMessage,
      content: versionContent(version),
      variables: readVariables({ content: version, promptName: prompt.name }).variables,
    }));
  return {
    prompt: { id: prompt.id, name: prompt.name, type: prompt.type },
    versions,
    models: listCatalogModels({ providers }).map((m) => ({ id: m.id, label: m.label })),
    defaultModel: defaultModelId({ providers }),
    canRun: can(ctx.role, "playground:run"),
    variableSets: listPromptVariableSets(ctx, { promptId: prompt.id }),
    reopened: reopened && {
      ...reopened,
      draftVariables: reopened.draft ? readVariables({ content: reopened.draft, promptName: prompt.name }).variables : [],
    },
  };
}
