import { requireAuth } from "@/lib/auth/context";
import { userPrincipal } from "@/lib/auth/principal";
import { describeEvalRunResult } from "@/lib/evals/runs/api";
import { json, route } from "@/lib/http/route";

export const GET = route(async (_request, { params }: { params: Promise<{ id: string; resultId: string }> }) => {
  const { id, resultId } = await params;
  const ctx = await requireAuth("dashboards:read");
  return json(describeEvalRunResult(userPrincipal(ctx), id, resultId));
});
