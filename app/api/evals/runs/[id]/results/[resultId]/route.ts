import { z } from "zod";
import { userPrincipal } from "@/lib/platform/auth/principal";
import { describeEvalRunResult } from "@/lib/evals/server";
import { json, otherMethods } from "@/lib/platform/http/route";
import { sessionRoute } from "@/lib/platform/http/session-route";

export const GET = sessionRoute({ permission: "dashboards:read", params: z.object({ id: z.string(), resultId: z.string() }) }, async ({ ctx, params }) =>
  json(await describeEvalRunResult(userPrincipal(ctx), params.id, params.resultId)),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
