import "server-only";
import { and, desc, eq, isNull, max } from "drizzle-orm";
import { getDb } from "@/db";
import { prompts, promptVersions } from "@/db/schema";

/** Active prompts of a workspace, newest change first, with their latest version number (derived, never stored). */
export function listPromptSummaries({ workspaceId, limit = 100 }: { workspaceId: string; limit?: number }) {
  const latest = getDb()
    .select({ promptId: promptVersions.promptId, version: max(promptVersions.version).as("latest_version") })
    .from(promptVersions)
    .groupBy(promptVersions.promptId)
    .as("latest");
  return getDb()
    .select({
      id: prompts.id,
      name: prompts.name,
      type: prompts.type,
      description: prompts.description,
      tags: prompts.tags,
      updatedAt: prompts.updatedAt,
      latestVersion: latest.version,
    })
    .from(prompts)
    .leftJoin(latest, eq(latest.promptId, prompts.id))
    .where(and(eq(prompts.workspaceId, workspaceId), isNull(prompts.archivedAt)))
    .orderBy(desc(prompts.updatedAt))
    .limit(limit)
    .all();
}
