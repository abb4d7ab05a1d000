import { requireAuth } from "@/lib/auth/context";
import { userPrincipal } from "@/lib/auth/principal";
import { describeEvalRun } from "@/lib/evals/runs/api";
import { json, route } from "@/lib/http/route";

/** Status, progress and summary of a run; the detail page polls it while the run is going. */
export const GET = route(async (_request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const ctx = await requireAuth("dashboards:read");
  return json(describeEvalRun(userPrincipal(ctx), id), { headers: { "Cache-Control": "no-store" } });
});
