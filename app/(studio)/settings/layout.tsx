import { SettingsNav } from "@/components/settings/settings-nav";
import { requirePageAuth } from "@/lib/platform/auth/context";
import { can } from "@/lib/platform/auth/policy";

export default async function SettingsLayout({ children }: { children: React.ReactNode }) {
  const ctx = await requirePageAuth();
  const sections = [
    { href: "/settings/members", label: "Members", visible: can(ctx.role, "members:read") },
    { href: "/settings/api-keys", label: "API keys", visible: can(ctx.role, "apikeys:manage") },
    { href: "/settings/environments", label: "Environments", visible: can(ctx.role, "settings:manage") },
    { href: "/settings/providers", label: "Model providers", visible: can(ctx.role, "settings:manage") },
    { href: "/settings/webhooks", label: "Webhooks", visible: can(ctx.role, "settings:manage") },
    { href: "/settings/lint", label: "Lint rules", visible: can(ctx.role, "prompts:read") },
    { href: "/settings/audit", label: "Audit log", visible: can(ctx.role, "audit:read") },
    { href: "/settings/account", label: "Account", visible: true },
  ].filter((s) => s.visible);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-xl font-semibold tracking-tight">Settings</h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{ctx.workspace.name}</p>
      </div>
      <SettingsNav sections={sections} />
      <div>{children}</div>
    </div>
  );
}
