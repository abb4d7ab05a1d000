import { AppShell } from "@/components/shell/app-shell";
import { demoAccountsActive } from "@/lib/demo/seed-demo-workspace";
import { requirePageAuth } from "@/lib/platform/auth/context";
import { workWaitingFor } from "@/lib/home/work-waiting";

export const dynamic = "force-dynamic";

export default async function StudioLayout({ children }: { children: React.ReactNode }) {
  const ctx = await requirePageAuth();
  const waiting = await workWaitingFor({ workspaceId: ctx.workspaceId, role: ctx.role, userId: ctx.user.id });
  return (
    <AppShell
      user={ctx.user}
      role={ctx.role}
      workspace={ctx.workspace}
      workspaces={ctx.workspaces}
      demoActive={await demoAccountsActive()}
      badges={{ "/approvals": waiting.approvals, "/review": waiting.review }}
    >
      {children}
    </AppShell>
  );
}
