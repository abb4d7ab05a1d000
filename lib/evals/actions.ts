"use server";

import { userPrincipal } from "@/lib/platform/auth/principal";
import { previewRunVariables } from "@/lib/evals/runs/form-options";
import { runVariablesInputSchema } from "@/lib/evals/runs/schemas";
import { authorizedAction } from "@/lib/platform/http/action";

/** The chosen versions' variables (their partials' included) against the dataset's columns; starts nothing. */
export const runVariablesAction = authorizedAction({ permission: "evals:run", schema: runVariablesInputSchema }, (input, ctx) =>
  previewRunVariables(userPrincipal(ctx), input),
);
