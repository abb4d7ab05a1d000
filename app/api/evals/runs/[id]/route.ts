import { z } from "zod";
import { userPrincipal } from "@/lib/platform/auth/principal";
import { describeEvalRun } from "@/lib/evals/server";
import { json, otherMethods } from "@/lib/platform/http/route";
import { sessionRoute } from "@/lib/platform/http/session-route";

/** Status, progress and summary of a run; the detail page polls it while the run is going. */
export const GET = sessionRoute({ permission: "dashboards:read", params: z.object({ id: z.string() }) }, async ({ ctx, params }) =>
  json(await describeEvalRun(userPrincipal(ctx), params.id), { headers: { "Cache-Control": "no-store" } }),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
