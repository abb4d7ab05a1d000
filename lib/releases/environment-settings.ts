import "server-only";
import { getDb } from "@/db";
import { listDatasets } from "@/lib/datasets/server";
import { listEnvironments } from "@/lib/serving/server";

/** Settings → Environments: every environment with its protection and eval gate, and the datasets a gate can use. */
export function loadEnvironmentSettings(caller: { workspaceId: string }) {
  return {
    environments: listEnvironments(getDb(), { workspaceId: caller.workspaceId }).map((e) => ({
      id: e.id,
      slug: e.slug,
      name: e.name,
      isProtected: e.isProtected,
      gateDatasetId: e.gateDatasetId,
      gateMinPassRate: e.gateMinPassRate,
    })),
    datasets: listDatasets({ workspaceId: caller.workspaceId }).map((d) => ({ id: d.id, name: d.name })),
  };
}
