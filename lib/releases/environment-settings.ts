import "server-only";
import { getDb } from "@/db";
import { listDatasets } from "@/lib/datasets/server";
import { listEnvironments } from "@/lib/serving/server";

/** Settings → Environments: every environment with its protection and eval gate, and the datasets a gate can use. */
export async function loadEnvironmentSettings(caller: { workspaceId: string }) {
  const [environments, datasets] = await Promise.all([
    listEnvironments(getDb(), { workspaceId: caller.workspaceId }),
    listDatasets({ workspaceId: caller.workspaceId }),
  ]);
  return {
    environments: environments.map((e) => ({
      id: e.id,
      slug: e.slug,
      name: e.name,
      isProtected: e.isProtected,
      gateDatasetId: e.gateDatasetId,
      gateMinPassRate: e.gateMinPassRate,
      complianceGates: e.complianceGates ?? {},
    })),
    datasets: datasets.map((d) => ({ id: d.id, name: d.name })),
  };
}
