"use server";

import { authorizedAction } from "@/lib/platform/http/action";
import {
  createPrompt,
  renamePrompt,
  restoreVersion,
  saveVersion,
  setPromptArchived,
  updatePromptDetails,
} from "@/lib/prompts/manage-prompts";
import {
  archivePromptSchema,
  createPromptSchema,
  renamePromptSchema,
  restoreVersionSchema,
  saveVersionSchema,
  updatePromptDetailsSchema,
} from "@/lib/prompts/schemas";

/** Every change to a prompt shows on the prompts list and the prompt's pages. */
const PROMPT_PAGES = [{ path: "/prompts", type: "layout" }] as const;

export const createPromptAction = authorizedAction({ permission: "prompts:write", schema: createPromptSchema, revalidate: PROMPT_PAGES }, (input, ctx) =>
  createPrompt(ctx, input),
);

export const saveVersionAction = authorizedAction({ permission: "prompts:write", schema: saveVersionSchema, revalidate: PROMPT_PAGES }, (input, ctx) =>
  saveVersion(ctx, input),
);

export const restoreVersionAction = authorizedAction({ permission: "prompts:write", schema: restoreVersionSchema, revalidate: PROMPT_PAGES }, (input, ctx) =>
  restoreVersion(ctx, input),
);

export const renamePromptAction = authorizedAction({ permission: "prompts:write", schema: renamePromptSchema, revalidate: PROMPT_PAGES }, (input, ctx) =>
  renamePrompt(ctx, input),
);

export const archivePromptAction = authorizedAction({ permission: "prompts:write", schema: archivePromptSchema, revalidate: PROMPT_PAGES }, (input, ctx) =>
  setPromptArchived(ctx, input),
);

export const updatePromptDetailsAction = authorizedAction(
  { permission: "prompts:write", schema: updatePromptDetailsSchema, revalidate: PROMPT_PAGES },
  (input, ctx) => updatePromptDetails(ctx, input),
);
