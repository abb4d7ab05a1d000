import Link from "next/link";
import type { Role } from "@/lib/auth/roles";
import { MainNav } from "./main-nav";
import { ThemeToggle } from "./theme-toggle";
import { UserMenu } from "./user-menu";
import { WorkspaceSwitcher } from "./workspace-switcher";

export function AppShell({
  user,
  role,
  workspace,
  workspaces,
  demoActive,
  badges,
  children,
}: {
  user: { name: string; email: string };
  role: Role;
  workspace: { id: string; name: string };
  workspaces: { id: string; name: string }[];
  demoActive: boolean;
  /** Counts shown beside navigation links, e.g. pending approvals for leads. */
  badges: Record<string, number>;
  children: React.ReactNode;
}) {
  return (
    <div className="flex min-h-screen flex-col">
      {demoActive && (
        <div role="status" className="bg-amber-100 px-4 py-1.5 text-center text-xs text-amber-900 dark:bg-amber-900/40 dark:text-amber-200">
          Demo accounts are active (shared password). Disable them before you put real prompts or keys here.
        </div>
      )}
      <div className="flex flex-1">
        <aside className="flex w-56 shrink-0 flex-col gap-5 border-r border-zinc-200 bg-white px-3 py-4 dark:border-zinc-800 dark:bg-zinc-900">
          <Link href="/prompts" className="px-3 text-sm font-semibold tracking-tight text-indigo-600 dark:text-indigo-400">
            PromptOps Studio
          </Link>
          <WorkspaceSwitcher current={workspace.id} workspaces={workspaces} />
          <MainNav badges={badges} />
          <div className="mt-auto flex flex-col gap-3 border-t border-zinc-200 pt-3 dark:border-zinc-800">
            <ThemeToggle />
            <UserMenu name={user.name} email={user.email} role={role} />
          </div>
        </aside>
        <main className="min-w-0 flex-1 px-8 py-6">{children}</main>
      </div>
    </div>
  );
}
