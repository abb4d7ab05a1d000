import type { Role } from "@/lib/core/roles";
import { MainNav } from "./main-nav";
import { ShellNav } from "./shell-nav";
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
      {/* The first thing Tab reaches: past the sidebar straight to the page (WCAG 2.4.1). */}
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus:font-medium focus:text-indigo-700 focus:shadow dark:focus:bg-zinc-900 dark:focus:text-indigo-300"
      >
        Skip to main content
      </a>
      {demoActive && (
        <div role="status" className="bg-amber-100 px-4 py-1.5 text-center text-xs text-amber-900 dark:bg-amber-900/40 dark:text-amber-200">
          Demo accounts are active (shared password). Disable them before you put real prompts or keys here.
        </div>
      )}
      <div className="flex flex-1 flex-col md:flex-row">
        <ShellNav>
          <WorkspaceSwitcher current={workspace.id} workspaces={workspaces} />
          <MainNav badges={badges} />
          <div className="mt-auto flex flex-col gap-3 border-t border-zinc-200 pt-3 dark:border-zinc-800">
            <ThemeToggle />
            <UserMenu name={user.name} email={user.email} role={role} />
          </div>
        </ShellNav>
        {/* tabIndex -1: the skip link moves focus here, not only the scroll position. */}
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-4 py-4 md:px-8 md:py-6">
          {children}
        </main>
      </div>
    </div>
  );
}
