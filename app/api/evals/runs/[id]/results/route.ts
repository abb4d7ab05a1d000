import { z } from "zod";
import { userPrincipal } from "@/lib/platform/auth/principal";
import { listEvalRunResultsForApi } from "@/lib/evals/server";
import { json, otherMethods } from "@/lib/platform/http/route";
import { sessionRoute } from "@/lib/platform/http/session-route";

/** A page of a run's results: `?filter=all|failures|errors|passed&page=&pageSize=`. */
export const GET = sessionRoute({ permission: "dashboards:read", params: z.object({ id: z.string() }) }, async ({ request, ctx, params }) => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return json(await listEvalRunResultsForApi(userPrincipal(ctx), params.id, query), { headers: { "Cache-Control": "no-store" } });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
