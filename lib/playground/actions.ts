"use server";

import { addCaseFromRun } from "@/lib/datasets/server";
import { addCaseFromRunSchema } from "@/lib/datasets";
import { userPrincipal } from "@/lib/platform/auth/principal";
import { authorizedAction } from "@/lib/platform/http/action";
import { findRunById } from "@/lib/playground/queries";
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

/** Saves a finished run as a test case (datasets' manage module writes it; the run is read here, above datasets). */
export const addCaseFromRunAction = authorizedAction(
  { permission: "datasets:write", schema: addCaseFromRunSchema, revalidate: [{ path: "/datasets", type: "layout" }] },
  (input, ctx) => addCaseFromRun(userPrincipal(ctx), input, (tx, runId) => findRunById(tx, { runId })),
);
