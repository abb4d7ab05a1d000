import "server-only";
import type { z } from "zod";
import { getDb } from "@/db";
import type { Prompt } from "@/db/schema";
import { requireSameWorkspace } from "@/lib/platform/auth/policy";
import { AppError } from "@/lib/core/errors";
import type { ChatMessage } from "@/lib/platform/models/types";
import type { PromptContent } from "@/lib/core/vocabulary/prompt-content";
import { findPromptById, findVersion } from "@/lib/prompts/server";
import { versionContent } from "@/lib/prompts";
import { toValidContent } from "@/lib/prompts/server";
import { contentHash } from "./content-hash";
import { workspacePartialLoader } from "@/lib/serving/server";
import { renderInput } from "@/lib/serving";
import type { previewInputSchema, RunColumnInput, runSourceSchema } from "./schemas";
import type { RunSettings } from "./types";

/** Everything a column's model call needs, checked and rendered; nothing has been sent yet. */
export interface PreparedRun {
  workspaceId: string;
  userId: string;
  promptId: string;
  batchId: string;
  column: number;
  /** null for the editor's unsaved draft. */
  version: number | null;
  content: PromptContent;
  contentHash: string;
  modelId: string;
  settings: RunSettings;
  variables: Record<string, string>;
  messages: ChatMessage[];
  promptMessageCount: number;
}

interface Caller {
  workspaceId: string;
  user: { id: string };
}

async function loadPrompt(caller: Caller, promptId: string): Promise<Prompt> {
  const prompt = await findPromptById(getDb(), { promptId });
  requireSameWorkspace(caller, prompt, "That prompt");
  return prompt;
}

/** The content a column runs: a version of this prompt, or a draft that must be a valid prompt of the same type. */
export async function resolveSource(prompt: Prompt, source: z.infer<typeof runSourceSchema>): Promise<{ version: number | null; content: PromptContent }> {
  if (source.kind === "version") {
    const row = await findVersion(getDb(), { promptId: prompt.id, version: source.version });
    if (!row) throw new AppError("not_found:prompt", `${prompt.name} has no version ${source.version}.`);
    return { version: row.version, content: versionContent(row) };
  }
  if (source.body.type !== prompt.type) {
    throw new AppError("bad_request:prompt", `${prompt.name} is a ${prompt.type} prompt; the draft is a ${source.body.type} prompt.`);
  }
  return { version: null, content: toValidContent(source.body, source.modelConfig) };
}

/**
 * Checks a column's request against the caller's workspace and renders its messages. Throws AppErrors (404 for
 * another workspace's prompt, 400 for a template that does not render), which the route answers as plain JSON
 * errors because no model call was made.
 */
export async function prepareRun(caller: Caller, input: RunColumnInput): Promise<PreparedRun> {
  const prompt = await loadPrompt(caller, input.promptId);
  const { version, content } = await resolveSource(prompt, input.source);
  const { messages, promptMessageCount } = await renderInput({
    content,
    variables: input.variables,
    followUps: input.followUps,
    loadPartial: workspacePartialLoader({ workspaceId: caller.workspaceId }),
    promptName: prompt.name,
  });
  return {
    workspaceId: caller.workspaceId,
    userId: caller.user.id,
    promptId: prompt.id,
    batchId: input.batchId,
    column: input.column,
    version,
    content,
    contentHash: contentHash(content),
    modelId: input.modelId,
    settings: input.settings,
    variables: input.variables,
    messages,
    promptMessageCount,
  };
}

/** The messages a column would send with these inputs, for the "Rendered messages" view before running. */
export async function previewRun(caller: Caller, input: z.infer<typeof previewInputSchema>): Promise<{ messages: ChatMessage[] }> {
  const prompt = await loadPrompt(caller, input.promptId);
  const { content } = await resolveSource(prompt, input.source);
  const { messages } = await renderInput({
    content,
    variables: input.variables,
    followUps: input.followUps,
    loadPartial: workspacePartialLoader({ workspaceId: caller.workspaceId }),
    promptName: prompt.name,
  });
  return { messages };
}
