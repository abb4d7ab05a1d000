"use server";

import { authorizedAction } from "@/lib/platform/http/action";
import { deleteVariableSet, saveVariableSet } from "@/lib/playground/manage-variable-sets";
import { previewRun } from "@/lib/playground/prepare-run";
import { deleteVariableSetSchema, previewInputSchema, saveVariableSetSchema } from "@/lib/playground/schemas";

export const previewRunAction = authorizedAction({ permission: "prompts:read", schema: previewInputSchema }, (input, ctx) => previewRun(ctx, input));

export const saveVariableSetAction = authorizedAction({ permission: "playground:run", schema: saveVariableSetSchema }, (input, ctx) =>
  saveVariableSet(ctx, input),
);

export const deleteVariableSetAction = authorizedAction({ permission: "playground:run", schema: deleteVariableSetSchema }, (input, ctx) =>
  deleteVariableSet(ctx, input),
);
