import "server-only";
import { getDb } from "@/db";
import type { Prompt } from "@/db/schema";
import { AppError } from "@/lib/core/errors";
import { defaultModelId, listCatalogModels } from "@/lib/platform/models/catalog";
import { resolveWorkspaceProviders } from "@/lib/platform/providers/resolve-providers";
import { findPromptByName, listPromptNamesAndTags, listVersions } from "./queries";

// Read models for the pages that open one prompt by name: its own page and the playground's picker.

/** A prompt's page: the prompt (404 when the workspace has none of that name), its versions newest first, the
 * names the editor offers as partials (every other prompt), and the models the workspace's providers offer. */
export async function loadPromptPage(caller: { workspaceId: string }, name: string) {
  const prompt = await findPromptByName(getDb(), { workspaceId: caller.workspaceId, name });
  if (!prompt) throw new AppError("not_found:prompt", `No prompt named "${name}" in this workspace.`);
  const [versions, names, models] = await Promise.all([
    listVersions({ promptId: prompt.id }),
    listPromptNamesAndTags({ workspaceId: caller.workspaceId }),
    workspaceModels(caller),
  ]);
  return { prompt, versions, partialNames: names.map((p) => p.name).filter((n) => n !== prompt.name), ...models };
}

async function workspaceModels(caller: { workspaceId: string }) {
  const providers = await resolveWorkspaceProviders({ workspaceId: caller.workspaceId });
  return { models: listCatalogModels({ providers }).map((m) => ({ id: m.id, label: m.label })), defaultModel: defaultModelId({ providers }) };
}

/** The playground's picker: every prompt's name, and the chosen one if the workspace has it. */
export async function loadPromptPicker(caller: { workspaceId: string }, name: string | null): Promise<{ names: string[]; prompt: Prompt | null }> {
  const [names, prompt] = await Promise.all([
    listPromptNamesAndTags({ workspaceId: caller.workspaceId }),
    name ? findPromptByName(getDb(), { workspaceId: caller.workspaceId, name }) : undefined,
  ]);
  return { names: names.map((p) => p.name), prompt: prompt ?? null };
}
