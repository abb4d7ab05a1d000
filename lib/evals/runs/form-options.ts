import "server-only";
import { getDb } from "@/db";
import type { ScorerConfig } from "@/db/schema";
import { requirePermission, requireSameWorkspace } from "@/lib/platform/auth/policy";
import type { Principal } from "@/lib/platform/auth/principal";
import { listVariableNames } from "@/lib/datasets/server";
import { listPointersForPrompts } from "@/lib/serving/server";
import { isAppError } from "@/lib/core/errors";
import { parseInput } from "@/lib/platform/http/route";
import { listCatalogModels } from "@/lib/platform/models/catalog";
import { findPromptById, listVersions } from "@/lib/prompts/server";
import { resolveWorkspaceProviders } from "@/lib/platform/providers/resolve-providers";
import { resolveTargetVersion } from "./manage-runs";
import { findRunDataset } from "./queries";
import { listRunnableDatasets, listRunnablePrompts } from "./read-runs";
import { compareVersions, type VersionVariables } from "./run-variables";
import { runVariablesInputSchema, type RunVariablesInput } from "./schemas";

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
export async function loadNewEvaluationOptions({ workspaceId }: { workspaceId: string }): Promise<NewEvaluationOptions> {
  const db = getDb();
  const prompts = await listRunnablePrompts({ workspaceId });
  const [pointers, providers, datasets, versionsOf] = await Promise.all([
    listPointersForPrompts(db, { promptIds: prompts.map((p) => p.id) }),
    resolveWorkspaceProviders({ workspaceId }),
    listRunnableDatasets({ workspaceId }),
    Promise.all(prompts.map((prompt) => listVersions({ promptId: prompt.id }))),
  ]);
  return {
    datasets,
    prompts: prompts
      .map((prompt, i) => ({
        id: prompt.id,
        name: prompt.name,
        versions: versionsOf[i]!
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

export type TargetVariables = (VersionVariables & { error?: undefined }) | { error: string };

/**
 * Each chosen target's variables (its partials' included) against the dataset's columns, so the form lists them and
 * says which the dataset lacks before a run is started. A target that cannot be resolved says why instead.
 */
export async function previewRunVariables(principal: Principal, raw: RunVariablesInput): Promise<{ targets: TargetVariables[] }> {
  requirePermission(principal, "evals:run");
  const input = parseInput(runVariablesInputSchema, raw);
  const db = getDb();
  const dataset = await findRunDataset(db, { datasetId: input.datasetId });
  requireSameWorkspace(principal, dataset, "That dataset");
  const prompt = await findPromptById(db, { promptId: input.promptId });
  requireSameWorkspace(principal, prompt, "That prompt");
  const columns = new Set(await listVariableNames(db, { datasetId: dataset.id }));
  const targets: TargetVariables[] = [];
  for (const target of input.targets) {
    try {
      const { row } = await resolveTargetVersion(db, principal, prompt, target);
      targets.push((await compareVersions(db, { workspaceId: principal.workspaceId, prompt, versions: [row], columns }))[0]!);
    } catch (error) {
      if (isAppError(error) && error.status < 500) targets.push({ error: error.message });
      else throw error;
    }
  }
  return { targets };
}
