import "server-only";
import type { DbOrTx } from "@/db";
import { transaction } from "@/db/transaction";
import type { Prompt, PromptVersion } from "@/db/schema";
import { findEnvironmentBySlug, findPointer, listEnvironments, listPointersForPrompts } from "@/lib/serving/queries";
import { AppError, type ErrorCode } from "@/lib/core/errors";
import { findLatestVersion, findPromptByName, findVersion } from "@/lib/prompts/server";
import {
  TEMPLATE_LIMITS,
  analyseTemplate,
  collectPartials,
  collectVariables,
  partialKey,
  promptTemplates,
  templateError,
  type PartialTarget,
} from "@/lib/core/templates";
import { readDeliveryEpochIn } from "./epoch";
import type { ChatMessageRecord, ModelConfig, PromptType } from "@/lib/core/vocabulary/prompt-content";
import { partialLabelSelector, type VersionSelector } from "./selector";

/**
 * One served version with every partial it includes: what GET /api/v1/prompts/{name} answers. The kernel owns the
 * shape; lib/api/schemas.ts describes it in zod for the wire and checks at compile time that the two agree.
 */
export interface ResolvedPrompt {
  name: string;
  version: number;
  type: PromptType;
  template: string | null;
  messages: ChatMessageRecord[] | null;
  modelConfig: ModelConfig;
  variables: string[];
  partials: Record<string, string>;
  environments: string[];
  label: string | null;
  updatedAt: string;
}

export interface PromptTarget {
  name: string;
  selector: VersionSelector;
  label: string | null;
}

interface Problem {
  code: ErrorCode;
  message: string;
}

/** An active prompt of the workspace, or 404: archived prompts are not served. */
export async function requireServablePrompt(tx: DbOrTx, { workspaceId, name }: { workspaceId: string; name: string }): Promise<Prompt> {
  const prompt = await findPromptByName(tx, { workspaceId, name });
  if (!prompt || prompt.archivedAt) throw new AppError("not_found:prompt", `No prompt named "${name}" in this workspace.`);
  return prompt;
}

async function findSelectedVersion(tx: DbOrTx, prompt: Prompt, selector: VersionSelector): Promise<PromptVersion | Problem> {
  if (selector.kind === "latest") {
    return (await findLatestVersion(tx, { promptId: prompt.id })) ?? { code: "not_found:prompt", message: `"${prompt.name}" has no versions yet.` };
  }
  if (selector.kind === "version") {
    return (
      (await findVersion(tx, { promptId: prompt.id, version: selector.version })) ?? {
        code: "not_found:prompt",
        message: `"${prompt.name}" has no version ${selector.version}.`,
      }
    );
  }
  const environment = await findEnvironmentBySlug(tx, { workspaceId: prompt.workspaceId, slug: selector.slug });
  if (!environment) {
    const slugs = (await listEnvironments(tx, { workspaceId: prompt.workspaceId })).map((e) => e.slug);
    return {
      code: "not_found:environment",
      message: `"${selector.slug}" is not an environment of this workspace. Use one of ${slugs.join(", ")}, or "latest".`,
    };
  }
  const pointer = await findPointer(tx, { environmentId: environment.id, promptId: prompt.id });
  const version = pointer && (await findVersion(tx, { promptId: prompt.id, version: pointer.version }));
  return version ?? { code: "not_found:deployment", message: `${environment.name} (${environment.slug}) serves no version of "${prompt.name}".` };
}

function isProblem(value: PromptVersion | Problem): value is Problem {
  return "code" in value;
}

/** A partial's template text; null for an unknown name; an error saying why a known prompt cannot be included. */
type PartialSource = string | null | AppError;

async function loadPartialSource(tx: DbOrTx, workspaceId: string, ref: PartialTarget, fallback: VersionSelector): Promise<PartialSource> {
  const prompt = await findPromptByName(tx, { workspaceId, name: ref.name });
  if (!prompt) return null;
  const refuse = (reason: string) =>
    templateError({ message: `Partial "${partialKey(ref)}" cannot be included: ${reason}`, details: { partial: ref.name, label: ref.label } });
  if (prompt.archivedAt) return refuse(`"${prompt.name}" is archived.`);
  if (prompt.type !== "text") return refuse(`"${prompt.name}" is a chat prompt; only text prompts can be included.`);
  const version = await findSelectedVersion(tx, prompt, ref.label === null ? fallback : partialLabelSelector(ref.label));
  if (isProblem(version)) return refuse(version.message);
  return version.template ?? "";
}

/**
 * Reads every partial the templates reach, depth first in tag order (the order the renderer loads them in), so the
 * whole prompt comes from one transaction. Stops one past the renderer's partial limit: the renderer then
 * reports the limit.
 */
async function preloadPartials(tx: DbOrTx, workspaceId: string, roots: string[], fallback: VersionSelector): Promise<Map<string, PartialSource>> {
  const found = new Map<string, PartialSource>();
  const visit = async (source: string) => {
    for (const ref of analyseTemplate(source).partials) {
      const key = partialKey(ref);
      if (found.has(key)) continue;
      if (found.size > TEMPLATE_LIMITS.maxPartials) return;
      const loaded = await loadPartialSource(tx, workspaceId, ref, fallback);
      found.set(key, loaded);
      if (typeof loaded === "string") await visit(loaded);
    }
  };
  for (const root of roots) await visit(root);
  return found;
}

/**
 * Resolves a prompt at a label or version, with its partials. Everything is read in one transaction together with
 * the delivery epoch, so the result is a consistent snapshot that may be cached under that epoch: no write lands
 * between the reads. A read-only transaction: a cache miss takes no write lock, so another process's writer never
 * delays it.
 */
export async function resolvePrompt(workspaceId: string, target: PromptTarget): Promise<{ epoch: number; promptId: string; prompt: ResolvedPrompt }> {
  const snapshot = await transaction(
    async (tx) => {
      const epoch = await readDeliveryEpochIn(tx);
      const prompt = await requireServablePrompt(tx, { workspaceId, name: target.name });
      const version = await findSelectedVersion(tx, prompt, target.selector);
      if (isProblem(version)) throw new AppError(version.code, version.message);
      // A bare {{> name}} is read where the request reads: the same environment, else the latest version.
      const fallback: VersionSelector = target.selector.kind === "environment" ? target.selector : { kind: "latest" };
      const roots = version.messages ? version.messages.map((m) => m.content) : [version.template ?? ""];
      const partials = await preloadPartials(tx, workspaceId, roots, fallback);
      const environments = (await listPointersForPrompts(tx, { promptIds: [prompt.id] }))
        .filter((pointer) => pointer.version === version.version)
        .map((pointer) => pointer.slug);
      return { epoch, prompt, version, partials, environments };
    },
    { readOnly: true },
  );

  const { prompt, version, partials } = snapshot;
  const templates = promptTemplates(version);
  const loaded = await collectPartials({
    templates,
    promptName: prompt.name,
    loadPartial: async (ref) => {
      const source = partials.get(partialKey(ref));
      if (source === undefined) throw new Error(`partial "${partialKey(ref)}" was not preloaded`);
      if (source instanceof AppError) throw source;
      return source;
    },
  });

  // The studio's one definition of a prompt's variables, over the partials just checked (so it finds no problem).
  const { variables } = collectVariables({ templates, promptName: prompt.name, loadPartial: (ref) => loaded.get(partialKey(ref)) ?? null });

  return {
    epoch: snapshot.epoch,
    promptId: prompt.id,
    prompt: {
      name: prompt.name,
      version: version.version,
      type: version.type,
      template: version.template,
      messages: version.messages,
      modelConfig: version.modelConfig,
      variables: variables.map((variable) => variable.name),
      partials: Object.fromEntries(loaded),
      environments: snapshot.environments,
      label: target.label,
      updatedAt: version.createdAt.toISOString(),
    },
  };
}
