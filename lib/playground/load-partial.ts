import "server-only";
import { getDb } from "@/db";
import { findEnvironmentBySlug, findPointer } from "@/lib/deployments/queries";
import { findLatestVersion, findPromptByName, findVersion } from "@/lib/prompts/queries";
import { templateError, type PartialLoader } from "@/lib/templates";

/**
 * Loads `{{> name}}`, `{{> name@3}}` and `{{> name@production}}` from the workspace's prompts: a bare name is the
 * latest version, a number that version, any other label what that environment serves. Only text prompts can be
 * included; unknown names and labels return null, which the renderer reports as an unknown partial.
 */
export function workspacePartialLoader({ workspaceId }: { workspaceId: string }): PartialLoader {
  return async ({ name, label }) => {
    const db = getDb();
    const prompt = findPromptByName(db, { workspaceId, name });
    if (!prompt || prompt.archivedAt) return null;
    if (prompt.type !== "text") {
      throw templateError({ message: `Partial "${name}" is a chat prompt; only text prompts can be included.`, details: { partial: name } });
    }
    let version: number | null = null;
    if (label === null) version = findLatestVersion(db, { promptId: prompt.id })?.version ?? null;
    else if (/^\d+$/.test(label)) version = Number(label);
    else {
      const environment = findEnvironmentBySlug(db, { workspaceId, slug: label });
      version = environment ? (findPointer(db, { environmentId: environment.id, promptId: prompt.id })?.version ?? null) : null;
    }
    if (version === null) return null;
    return findVersion(db, { promptId: prompt.id, version })?.template ?? null;
  };
}
