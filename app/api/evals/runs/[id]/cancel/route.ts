import { z } from "zod";
import { userPrincipal } from "@/lib/platform/auth/principal";
import { cancelEvalRun } from "@/lib/evals/server";
import { json, otherMethods } from "@/lib/platform/http/route";
import { sessionRoute } from "@/lib/platform/http/session-route";

export const POST = sessionRoute({ permission: "evals:run", params: z.object({ id: z.string() }) }, async ({ ctx, params }) =>
  json(cancelEvalRun(userPrincipal(ctx), { runId: params.id })),
);

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
