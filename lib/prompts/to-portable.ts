import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { prompts } from "@/db/schema";
import type { PortablePrompt } from "@/lib/prompts/portable/types";
import { findPromptByName, listVersions } from "./queries";

/** A prompt as the portable format holds it: every version oldest first, or only the latest. */
async function toPortable(prompt: typeof prompts.$inferSelect, scope: "all" | "latest"): Promise<PortablePrompt> {
  const versions = (await listVersions({ promptId: prompt.id })).reverse();
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

export async function loadPortablePrompt({ workspaceId, name, scope }: { workspaceId: string; name: string; scope: "all" | "latest" }): Promise<PortablePrompt | null> {
  const prompt = await findPromptByName(getDb(), { workspaceId, name });
  return prompt ? toPortable(prompt, scope) : null;
}

export async function loadPortableWorkspace({ workspaceId, scope }: { workspaceId: string; scope: "all" | "latest" }): Promise<PortablePrompt[]> {
  const rows = await getDb().select().from(prompts).where(eq(prompts.workspaceId, workspaceId)).orderBy(asc(prompts.name));
  // One prompt at a time: a workspace may hold thousands, and a query each at once would only queue for the database.
  const portable: PortablePrompt[] = [];
  for (const prompt of rows) portable.push(await toPortable(prompt, scope));
  return portable;
}
