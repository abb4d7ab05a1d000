import { requireAuth } from "@/lib/auth/context";
import { userPrincipal } from "@/lib/auth/principal";
import { createEvalRun } from "@/lib/evals/runs/manage-runs";
import { createEvalRunSchema } from "@/lib/evals/runs/schemas";
import { json, parseJsonBody, route } from "@/lib/http/route";

/** Starts an evaluation from the studio's form (signed-in members with evals:run). */
export const POST = route(async (request) => {
  const input = await parseJsonBody(request, createEvalRunSchema.omit({ source: true }));
  const ctx = await requireAuth("evals:run");
  return json(createEvalRun(userPrincipal(ctx), { ...input, source: "ui" }), { status: 201 });
});
