import { redirect } from "next/navigation";
import { getAuthContext } from "@/lib/platform/auth/context";
import { landingPath } from "@/lib/home/landing";
import { workWaitingFor } from "@/lib/home/work-waiting";
import { needsFirstRunSetup } from "@/lib/platform/setup/first-admin";

export const dynamic = "force-dynamic";

export default async function Home() {
  if (await needsFirstRunSetup()) redirect("/setup");
  const ctx = await getAuthContext();
  if (!ctx) redirect("/login");
  redirect(landingPath(ctx.role, await workWaitingFor({ workspaceId: ctx.workspaceId, role: ctx.role, userId: ctx.user.id })));
}
