import type { Metadata } from "next";
import { EnvironmentsSettings } from "@/components/settings/environments-settings";
import { getDb } from "@/db";
import { requirePageAuth } from "@/lib/platform/auth/context";
import { listDatasets } from "@/lib/datasets/server";
import { listEnvironments } from "@/lib/serving/server";

export const metadata: Metadata = { title: "Environments" };

export default async function EnvironmentsPage() {
  const ctx = await requirePageAuth("settings:manage");
  const environments = listEnvironments(getDb(), { workspaceId: ctx.workspaceId });
  const datasets = listDatasets({ workspaceId: ctx.workspaceId }).map((d) => ({ id: d.id, name: d.name }));
  return (
    <EnvironmentsSettings
      datasets={datasets}
      environments={environments.map((e) => ({ id: e.id, slug: e.slug, name: e.name, isProtected: e.isProtected, gateDatasetId: e.gateDatasetId, gateMinPassRate: e.gateMinPassRate }))}
    />
  );
}
