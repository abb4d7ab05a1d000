import type { Metadata } from "next";
import { EnvironmentsSettings } from "@/components/settings/environments-settings";
import { requirePageAuth } from "@/lib/platform/auth/context";
import { loadEnvironmentSettings } from "@/lib/releases/server";

export const metadata: Metadata = { title: "Environments" };

export default async function EnvironmentsPage() {
  const ctx = await requirePageAuth("settings:manage");
  const { environments, datasets } = await loadEnvironmentSettings(ctx);
  return <EnvironmentsSettings datasets={datasets} environments={environments} />;
}
