import { userPrincipal } from "@/lib/platform/auth/principal";
import { createEvalRun } from "@/lib/evals/server";
import { createEvalRunSchema } from "@/lib/evals";
import { BODY_LIMITS } from "@/lib/core/limits";
import { json, otherMethods } from "@/lib/platform/http/route";
import { sessionRoute } from "@/lib/platform/http/session-route";

/** Starts an evaluation from the studio's form (signed-in members with evals:run). */
export const POST = sessionRoute(
  { permission: "evals:run", body: { json: createEvalRunSchema.omit({ source: true }), maxBytes: BODY_LIMITS.json } },
  async ({ ctx, body }) => json(createEvalRun(userPrincipal(ctx), { ...body, source: "ui" }), { status: 201 }),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
