"use server";

import { actionGroup } from "@/lib/platform/http/action";
import { createPrompt, renamePrompt, restoreVersion, saveVersion, setPromptArchived, updatePromptDetails } from "./manage-prompts";
import { archivePromptSchema, createPromptSchema, renamePromptSchema, restoreVersionSchema, saveVersionSchema, updatePromptDetailsSchema } from "./schemas";

/** Every change to a prompt shows on the prompts list and the prompt's pages. */
const write = actionGroup({ permission: "prompts:write", revalidate: [{ path: "/prompts", type: "layout" }] });

export const createPromptAction = write(createPromptSchema, createPrompt);
export const saveVersionAction = write(saveVersionSchema, saveVersion);
export const restoreVersionAction = write(restoreVersionSchema, restoreVersion);
export const renamePromptAction = write(renamePromptSchema, renamePrompt);
export const archivePromptAction = write(archivePromptSchema, setPromptArchived);
export const updatePromptDetailsAction = write(updatePromptDetailsSchema, updatePromptDetails);
