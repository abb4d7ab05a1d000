"use server";

import { authorizedAction } from "@/lib/platform/http/action";
import { inspectDraftVariables } from "./prompt-variables";
import { draftVariablesSchema } from "./schemas";

/** The variables of an unsaved draft, its partials' included, and what is wrong with its partials (read-only). */
export const draftVariablesAction = authorizedAction({ permission: "prompts:read", schema: draftVariablesSchema }, (input, ctx) =>
  inspectDraftVariables(ctx, input),
);
