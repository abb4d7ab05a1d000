import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { OptimizationRun } from "@/components/optimizer/optimization-run";
import { isAppError } from "@/lib/core/errors";
import { requirePageAuth } from "@/lib/platform/auth/context";
import { can } from "@/lib/platform/auth/policy";
import { userPrincipal } from "@/lib/platform/auth/principal";
import { describeOptimization } from "@/lib/optimizer/server";

export const metadata: Metadata = { title: "Optimization" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function OptimizationPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePageAuth("prompts:read");
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  let run;
  try {
    run = await describeOptimization(userPrincipal(ctx), { runId: id });
  } catch (error) {
    if (isAppError(error) && error.status === 404) notFound();
    throw error;
  }
  return <OptimizationRun initial={run} can={{ run: can(ctx.role, "optimizations:run"), write: can(ctx.role, "prompts:write") }} />;
}
