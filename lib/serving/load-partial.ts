import "server-only";
import { getDb, type DbOrTx } from "@/db";
import { findEnvironmentBySlug, findPointer } from "@/lib/serving/queries";
import { partialLabelSelector } from "@/lib/serving/selector";
import { findLatestVersion, findPromptByName, findVersion } from "@/lib/prompts/server";
import { templateError, type PartialLoader, type PartialTarget, type SyncPartialLoader } from "@/lib/core/templates";

/**
 * Reads `{{> name}}`, `{{> name@3}}` and `{{> name@production}}` from the workspace's prompts: a bare name (or
 * `@latest`) is the latest version, a number that version, any other label what that environment serves, the same
 * reading as the delivery API's. Only text prompts can be included; unknown names and labels return null, which
 * the renderer reports as an unknown partial.
 */
export function readWorkspacePartial(tx: DbOrTx, { workspaceId, ref }: { workspaceId: string; ref: PartialTarget }): string | null {
  const { name, label } = ref;
  const prompt = findPromptByName(tx, { workspaceId, name });
  if (!prompt || prompt.archivedAt) return null;
  if (prompt.type !== "text") {
    throw templateError({ message: `Partial "${name}" is a chat prompt; only text prompts can be included.`, details: { partial: name } });
  }
  const selector = label === null ? ({ kind: "latest" } as const) : partialLabelSelector(label);
  let version: number | null;
  if (selector.kind === "latest") version = findLatestVersion(tx, { promptId: prompt.id })?.version ?? null;
  else if (selector.kind === "version") version = selector.version;
  else {
    const environment = findEnvironmentBySlug(tx, { workspaceId, slug: selector.slug });
    version = environment ? (findPointer(tx, { environmentId: environment.id, promptId: prompt.id })?.version ?? null) : null;
  }
  if (version === null) return null;
  return findVersion(tx, { promptId: prompt.id, version })?.template ?? null;
}

/** The renderer's loader over the workspace's prompts (see readWorkspacePartial). */
export function workspacePartialLoader({ workspaceId }: { workspaceId: string }): PartialLoader {
  return async (ref) => readWorkspacePartial(getDb(), { workspaceId, ref });
}

/** The same reading, synchronous and memoised, for collecting variables (inside a transaction if `tx` is one). */
export function workspaceSyncPartialLoader(tx: DbOrTx, { workspaceId }: { workspaceId: string }): SyncPartialLoader {
  const cache = new Map<string, string | null>();
  return (ref) => {
    const key = `${ref.name}@${ref.label ?? ""}`;
    if (!cache.has(key)) cache.set(key, readWorkspacePartial(tx, { workspaceId, ref }));
    return cache.get(key) ?? null;
  };
}
