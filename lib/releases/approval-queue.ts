import "server-only";
import { getDb } from "@/db";
import { findVersion } from "@/lib/prompts/server";
import { versionContent } from "@/lib/prompts";
import { loadPromotionEvals } from "@/lib/evals/server";
import { checkGates, describeFailedGates } from "./compliance-gates";
import { findEnvironmentById, findPointer } from "@/lib/serving/server";
import { listPromotionRequests } from "@/lib/releases/queries";

/** Pending requests with what a reviewer needs to decide: both versions' content, staleness and the eval gate. */
export async function loadApprovalQueue({ workspaceId }: { workspaceId: string }) {
  const db = getDb();
  const requests = await listPromotionRequests(db, { workspaceId, status: "pending" });
  const pending = await Promise.all(
    requests.map(async (request) => {
      const served = (await findPointer(db, { environmentId: request.environmentId, promptId: request.promptId }))?.version ?? null;
      const [candidate, current, environment] = await Promise.all([
        findVersion(db, { promptId: request.promptId, version: request.version }),
        served === null ? undefined : findVersion(db, { promptId: request.promptId, version: served }),
        findEnvironmentById(db, { environmentId: request.environmentId }),
      ]);
      return {
        ...request,
        servedVersion: served,
        stale: served !== request.baseVersion,
        candidate: candidate ? versionContent(candidate) : null,
        candidateMessage: candidate?.commitMessage ?? "",
        candidateProvenance: candidate?.provenance ?? null,
        served: current ? versionContent(current) : null,
        ...(await gatesOf(environment, request)),
        evals: await loadPromotionEvals({ promptId: request.promptId, candidate: request.version, served, gateDatasetId: environment?.gateDatasetId ?? null }),
      };
    }),
  );
  const decided = (await listPromotionRequests(db, { workspaceId, limit: 50 })).filter((r) => r.status !== "pending").slice(0, 20);
  return { pending, decided };
}
/** Every gate evaluated now, as the approval would (the card shows each one's numbers and why it blocks). */
async function gatesOf(environment: Awaited<ReturnType<typeof findEnvironmentById>>, request: { promptId: string; version: number; environmentName: string }) {
  if (!environment) return { gate: { status: "none" } as const, gates: null, gateBlocks: [] as string[] };
  const gates = await checkGates(environment, { promptId: request.promptId, version: request.version }, getDb());
  return { gate: gates.eval, gates, gateBlocks: describeFailedGates(gates, request.version, request.environmentName) };
}

export type ApprovalQueue = Awaited<ReturnType<typeof loadApprovalQueue>>;
