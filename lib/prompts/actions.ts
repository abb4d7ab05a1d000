"use server";

import { revalidatePath } from "next/cache";
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

function changed<T>(result: T): T {
  revalidatePath("/prompts", "layout");
  return result;
}

export const createPromptAction = authorizedAction({ permission: "prompts:write", schema: createPromptSchema }, (input, ctx) =>
  changed(createPrompt(ctx, input)),
);

export const saveVersionAction = authorizedAction({ permission: "prompts:write", schema: saveVersionSchema }, (input, ctx) =>
  changed(saveVersion(ctx, input)),
);

export const restoreVersionAction = authorizedAction({ permission: "prompts:write", schema: restoreVersionSchema }, (input, ctx) =>
  changed(restoreVersion(ctx, input)),
);

export const renamePromptAction = authorizedAction({ permission: "prompts:write", schema: renamePromptSchema }, (input, ctx) =>
  changed(renamePrompt(ctx, input)),
);

export const archivePromptAction = authorizedAction({ permission: "prompts:write", schema: archivePromptSchema }, (input, ctx) =>
  changed(setPromptArchived(ctx, input)),
);

export const updatePromptDetailsAction = authorizedAction(
  { permission: "prompts:write", schema: updatePromptDetailsSchema },
  (input, ctx) => changed(updatePromptDetails(ctx, input)),
);
