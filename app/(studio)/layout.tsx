import { AppShell } from "@/components/shell/app-shell";
import { getDb } from "@/db";
import { demoAccountsActive } from "@/db/seed";
import { requirePageAuth } from "@/lib/auth/context";
import { can } from "@/lib/auth/policy";
import { countPendingRequests } from "@/lib/deployments/queries";

export const dynamic = "force-dynamic";

export default async function StudioLayout({ children }: { children: React.ReactNode }) {
  const ctx = await requirePageAuth();
  return (
    <AppShell
      user={ctx.user}
      role={ctx.role}
      workspace={ctx.workspace}
      workspaces={ctx.workspaces}
      demoActive={demoAccountsActive(getDb())}
      badges={{ "/approvals": can(ctx.role, "deployments:approve") ? countPendingRequests({ workspaceId: ctx.workspaceId }) : 0 }}
    >
      {children}
    </AppShell>
  );
}
