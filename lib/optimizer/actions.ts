"use server";

import { z } from "zod";
import { userPrincipal } from "@/lib/platform/auth/principal";
import { actionGroup } from "@/lib/platform/http/action";
import { cancelOptimization, saveBestAsVersion, startOptimization } from "./manage-optimizations";
import { startOptimizationSchema } from "./schemas";

// The Optimize tab's and the run page's actions: each is the manage module's function behind the session check, and
// that module checks the permission and the workspace again, so a replayed call from a lesser role is refused there.
// None revalidates: the form goes straight to the new run's page, the run page polls its own state
// (GET /api/optimizations/<id>), and the prompt pages that list runs and versions are dynamic, rendered afresh on
// every visit. A revalidation would only re-render the page being left.

const runIdSchema = z.object({ runId: z.string().uuid() }).strict();

const run = actionGroup({ permission: "optimizations:run", as: userPrincipal });
const write = actionGroup({ permission: "prompts:write", as: userPrincipal });

/** The studio's form starts a run; the CLI and CI start theirs with an API key. */
export const startOptimizationAction = run(startOptimizationSchema.omit({ source: true }), (principal, input) => startOptimization(principal, { ...input, source: "ui" }));
export const cancelOptimizationAction = run(runIdSchema, cancelOptimization);
export const saveBestAsVersionAction = write(runIdSchema, saveBestAsVersion);
