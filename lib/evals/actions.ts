"use server";

import { userPrincipal } from "@/lib/platform/auth/principal";
import { previewRunVariables } from "@/lib/evals/runs/form-options";
import { cancelEvalRun, createEvalRun, resumeEvalRun } from "@/lib/evals/runs/manage-runs";
import { createEvalRunSchema, runIdSchema, runVariablesInputSchema } from "@/lib/evals/runs/schemas";
import { actionGroup } from "@/lib/platform/http/action";

/** A run's page polls its progress itself; the list of evaluations shows a cancelled or resumed run. */
const run = actionGroup({ permission: "evals:run", revalidate: [{ path: "/evaluations" }], as: userPrincipal });

/**
 * Starting a run revalidates nothing: the form goes straight to the new run's page, rendered afresh, and the list
 * is a dynamic page that the client does not cache. A revalidation would make the action's answer carry a render of
 * the form page being left, 100-250 ms of the server's time on this machine for nothing (e2e/dos.spec.ts measures
 * the server's latency across that click).
 */
const start = actionGroup({ permission: "evals:run", as: userPrincipal });

/** Reads only: the chosen versions' variables (their partials' included) against the dataset's columns. */
const preview = actionGroup({ permission: "evals:run", as: userPrincipal });

export const runVariablesAction = preview(runVariablesInputSchema, previewRunVariables);

/** The studio's form starts a run; applications and CI start theirs with an API key (POST /api/v1/evals/runs). */
export const startEvalRunAction = start(createEvalRunSchema.omit({ source: true }), (principal, input) => createEvalRun(principal, { ...input, source: "ui" }));
export const cancelEvalRunAction = run(runIdSchema, cancelEvalRun);
export const resumeEvalRunAction = run(runIdSchema, resumeEvalRun);
