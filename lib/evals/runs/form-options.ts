import "server-only";
import { getDb } from "@/db";
import type { ScorerConfig } from "@/db/schema";
import { listPointersForPrompts } from "@/lib/deployments/queries";
import { listCatalogModels } from "@/lib/models/catalog";
import { listVersions } from "@/lib/prompts/queries";
import { resolveWorkspaceProviders } from "@/lib/providers/resolve-providers";
import { listRunnableDatasets, listRunnablePrompts } from "./queries";

/** Versions offered per prompt in the form; older ones can still be run through the API. */
const VERSION_LIMIT = 30;

export interface NewEvaluationOptions {
  /** casesWithAssertions: cases scored by their own assertions even when the run has no scorer. */
  datasets: { id: string; name: string; caseCount: number; casesWithAssertions: number; defaultScorers: ScorerConfig[] }[];
  prompts: {
    id: string;
    name: string;
    versions: { version: number; commitMessage: string; model: string | null }[];
    /** Environments serving a version of this prompt: slug, name and the version. */
    environments: { slug: string; name: string; version: number }[];
  }[];
  models: { id: string; label: string }[];
}

/** What the "New evaluation" form offers: datasets with their default scorers, prompts with versions and labels, models. */
export function loadNewEvaluationOptions({ workspaceId }: { workspaceId: string }): NewEvaluationOptions {
  const db = getDb();
  const prompts = listRunnablePrompts({ workspaceId });
  const pointers = listPointersForPrompts(db, { promptIds: prompts.map((p) => p.id) });
  const providers = resolveWorkspaceProviders({ workspaceId });
  return {
    datasets: listRunnableDatasets({ workspaceId }),
    prompts: prompts
      .map((prompt) => ({
        id: prompt.id,
        name: prompt.name,
        versions: listVersions({ promptId: prompt.id })
          .slice(0, VERSION_LIMIT)
          .map(({ version }) => ({ version: version.version, commitMessage: version.commitMessage, model: version.modelConfig.model ?? null })),
        environments: pointers
          .filter((p) => p.promptId === prompt.id)
          .map((p) => ({ slug: p.slug, name: p.name, version: p.version })),
      }))
      .filter((prompt) => prompt.versions.length > 0),
    models: listCatalogModels({ providers }).map((m) => ({ id: m.id, label: m.label })),
  };
}
