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

export async function loadPlaygroundData(ctx: AuthContext, { prompt, runId }: { prompt: Prompt; runId?: string | null }): Promise<PlaygroundData> {
  const readVariables = promptVariablesReader(getDb(), { workspaceId: ctx.workspaceId });
  const [providers, reopened, allVersions, variableSets] = await Promise.all([
    resolveWorkspaceProviders({ workspaceId: ctx.workspaceId }),
    runId ? loadReopenedBatch(ctx, { runId, promptId: prompt.id }) : null,
    listVersions({ promptId: prompt.id }),
    listPromptVariableSets(ctx, { promptId: prompt.id }),
  ]);
  const wanted = new Set(reopened?.columns.flatMap((c) => (c.source.kind === "version" ? [c.source.version] : [])) ?? []);
  // One after the other: the reader shares the partials it has read between versions.
  const versions: PlaygroundData["versions"] = [];
  for (const { version } of allVersions.filter((row, index) => index < PLAYGROUND_VERSION_LIMIT || wanted.has(row.version.version))) {
    versions.push({
      version: version.version,
      commitMessage: version.commitMessage,
      content: versionContent(version),
      variables: (await readVariables({ content: version, promptName: prompt.name })).variables,
    });
  }
  return {
    prompt: { id: prompt.id, name: prompt.name, type: prompt.type },
    versions,
    models: listCatalogModels({ providers }).map((m) => ({ id: m.id, label: m.label })),
    defaultModel: defaultModelId({ providers }),
    canRun: can(ctx.role, "playground:run"),
    variableSets,
    reopened: reopened && {
      ...reopened,
      draftVariables: reopened.draft ? (await readVariables({ content: reopened.draft, promptName: prompt.name })).variables : [],
    },
  };
}
