import { requireAuth } from "@/lib/auth/context";
import { userPrincipal } from "@/lib/auth/principal";
import { listEvalRunResultsForApi } from "@/lib/evals/runs/api";
import { json, route } from "@/lib/http/route";

/** A page of a run's results: `?filter=all|failures|errors|passed&page=&pageSize=`. */
export const GET = route(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const ctx = await requireAuth("dashboards:read");
  const query = Object.fromEntries(new URL(request.url).searchParams);
  return json(listEvalRunResultsForApi(userPrincipal(ctx), id, query), { headers: { "Cache-Control": "no-store" } });
});
