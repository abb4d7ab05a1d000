import "server-only";
import type { z } from "zod";
import { getDb, type DbOrTx } from "@/db";
import { requireSameWorkspace } from "@/lib/platform/auth/policy";
import type { PromptContent } from "@/lib/core/vocabulary/prompt-content";
import { findPromptById } from "@/lib/prompts/server";
import { collectVariables, promptTemplates, type PromptVariables } from "@/lib/core/templates";
import { workspacePartialWalk } from "./load-partial";
import type { draftVariablesSchema } from "./schemas";

// The variables of a prompt as the studio runs it (the playground, evaluations, review): its own plus those of its
// partials, read from the workspace at the label or version each tag pins (lib/core/templates/collect-variables.ts).
// Derived on every call, never stored.

export type PromptVariablesReader = (args: { content: Pick<PromptContent, "template" | "messages">; promptName: string }) => Promise<PromptVariables>;

/** One reader per request: the versions of a page share their partial loads. */
export function promptVariablesReader(tx: DbOrTx, { workspaceId }: { workspaceId: string }): PromptVariablesReader {
  const withPartials = workspacePartialWalk(tx, { workspaceId });
  return ({ content, promptName }) => withPartials((loadPartial) => collectVariables({ templates: promptTemplates(content), loadPartial, promptName }));
}

/** The variables of a prompt's draft as the editor holds it, for the editor's footer and markers while typing. */
export async function inspectDraftVariables(caller: { workspaceId: string }, { promptId, body }: z.infer<typeof draftVariablesSchema>): Promise<PromptVariables> {
  const db = getDb();
  const prompt = await findPromptById(db, { promptId });
  requireSameWorkspace(caller, prompt, "That prompt");
  const content = body.type === "text" ? { template: body.template, messages: null } : { template: null, messages: body.messages };
  return promptVariablesReader(db, { workspaceId: caller.workspaceId })({ content, promptName: prompt.name });
}

/** A saved version's variables, its partials' included, for the editor's first render. */
export function loadVersionVariables(
  caller: { workspaceId: string },
  { content, promptName }: { content: Pick<PromptContent, "template" | "messages">; promptName: string },
): Promise<PromptVariables> {
  return promptVariablesReader(getDb(), caller)({ content, promptName });
}
