import "server-only";
import { getDb, type DbOrTx } from "@/db";
import { findEnvironmentBySlug, findPointer } from "@/lib/serving/queries";
import { partialLabelSelector } from "@/lib/serving/selector";
import { findLatestVersion, findPromptByName, findVersion } from "@/lib/prompts/server";
import { isAppError } from "@/lib/core/errors";
import { templateError, type PartialLoader, type PartialTarget, type SyncPartialLoader } from "@/lib/core/templates";

/**
 * Reads `{{> name}}`, `{{> name@3}}` and `{{> name@production}}` from the workspace's prompts: a bare name (or
 * `@latest`) is the latest version, a number that version, any other label what that environment serves, the same
 * reading as the delivery API's. Only text prompts can be included; unknown names and labels return null, which
 * the renderer reports as an unknown partial.
 */
export async function readWorkspacePartial(tx: DbOrTx, { workspaceId, ref }: { workspaceId: string; ref: PartialTarget }): Promise<string | null> {
  const { name, label } = ref;
  const prompt = await findPromptByName(tx, { workspaceId, name });
  if (!prompt || prompt.archivedAt) return null;
  if (prompt.type !== "text") {
    throw templateError({ message: `Partial "${name}" is a chat prompt; only text prompts can be included.`, details: { partial: name } });
  }
  const selector = label === null ? ({ kind: "latest" } as const) : partialLabelSelector(label);
  let version: number | null;
  if (selector.kind === "latest") version = (await findLatestVersion(tx, { promptId: prompt.id }))?.version ?? null;
  else if (selector.kind === "version") version = selector.version;
  else {
    const environment = await findEnvironmentBySlug(tx, { workspaceId, slug: selector.slug });
    version = environment ? ((await findPointer(tx, { environmentId: environment.id, promptId: prompt.id }))?.version ?? null) : null;
  }
  if (version === null) return null;
  return (await findVersion(tx, { promptId: prompt.id, version }))?.template ?? null;
}

/** The renderer's loader over the workspace's prompts (see readWorkspacePartial). */
export function workspacePartialLoader({ workspaceId }: { workspaceId: string }): PartialLoader {
  return async (ref) => readWorkspacePartial(getDb(), { workspaceId, ref });
}

/** Runs a synchronous walk over partials (collectVariables) with what the workspace holds. */
export type SyncPartialWalk = <T>(walk: (loadPartial: SyncPartialLoader) => T) => Promise<T>;

/**
 * The same reading for a synchronous walk, memoised (inside a transaction if `tx` is one). The walk cannot wait for
 * the database, so it runs over what has been read so far: the partials it asks for that are not read yet count as
 * unknown in that run; they are read, and the walk runs again, until it asks for nothing new. The last run saw every
 * partial it reached, so its answer is the one a walk reading the database directly would give.
 */
export function workspacePartialWalk(tx: DbOrTx, { workspaceId }: { workspaceId: string }): SyncPartialWalk {
  const read = new Map<string, string | null | Error>();
  return async (walk) => {
    for (;;) {
      const wanted = new Map<string, PartialTarget>();
      const result = walk((ref) => {
        const key = `${ref.name}@${ref.label ?? ""}`;
        const source = read.get(key);
        if (source === undefined) {
          wanted.set(key, { name: ref.name, label: ref.label });
          return null;
        }
        if (source instanceof Error) throw source;
        return source;
      });
      if (wanted.size === 0) return result;
      for (const [key, ref] of wanted) read.set(key, await readWorkspacePartial(tx, { workspaceId, ref }).catch(keepTemplateError));
    }
  };
}

/** A partial a walk may not include (a chat prompt) is its answer for that partial; any other failure is thrown. */
function keepTemplateError(error: unknown): Error {
  if (isAppError(error) && error.code === "bad_request:template") return error;
  throw error;
}
