import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { prompts } from "@/db/schema";
import type { PortablePrompt } from "@/lib/prompts/portable/types";
import { findPromptByName, listVersions } from "./queries";

/** A prompt as the portable format holds it: every version oldest first, or only the latest. */
function toPortable(prompt: typeof prompts.$inferSelect, scope: "all" | "latest"): PortablePrompt {
  const versions = listVersions({ promptId: prompt.id }).reverse();
  const chosen = scope === "latest" ? versions.slice(-1) : versions;
  return {
    name: prompt.name,
    type: prompt.type,
    description: prompt.description,
    tags: prompt.tags,
    archived: prompt.archivedAt !== null,
    labels: {},
    versions: chosen.map(({ version: v, authorEmail }) => ({
      version: v.version,
      message: v.commitMessage,
      author: authorEmail,
      createdAt: v.createdAt.toISOString(),
      modelConfig: v.modelConfig,
      ...(v.type === "text" ? { template: v.template ?? "" } : { messages: v.messages ?? [] }),
    })),
  };
}

export function loadPortablePrompt({ workspaceId, name, scope }: { workspaceId: string; name: string; scope: "all" | "latest" }) {
  const prompt = findPromptByName(getDb(), { workspaceId, name });
  return prompt ? toPortable(prompt, scope) : null;
}

export function loadPortableWorkspace({ workspaceId, scope }: { workspaceId: string; scope: "all" | "latest" }): PortablePrompt[] {
  return getDb()
    .select()
    .from(prompts)
    .where(eq(prompts.workspaceId, workspaceId))
    .orderBy(asc(prompts.name))
    .all()
    .map((p) => toPortable(p, scope));
}
