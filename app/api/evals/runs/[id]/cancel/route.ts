import { requireAuth } from "@/lib/auth/context";
import { userPrincipal } from "@/lib/auth/principal";
import { cancelEvalRun } from "@/lib/evals/runs/manage-runs";
import { json, route } from "@/lib/http/route";

export const POST = route(async (_request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const ctx = await requireAuth("evals:run");
  return json(cancelEvalRun(userPrincipal(ctx), { runId: id }));
});
