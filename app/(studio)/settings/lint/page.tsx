import type { Metadata } from "next";
import { LintSeveritiesForm } from "@/components/settings/lint-severities-form";
import { LINT_RULES, RULE_IDS } from "@/lib/core/lint";
import { requirePageAuth } from "@/lib/platform/auth/context";
import { can } from "@/lib/platform/auth/policy";
import { loadLintSeverities } from "@/lib/platform/lint-settings/lint-severities";

export const metadata: Metadata = { title: "Lint rules" };

/** Every rule with its rationale (what `promptops lint` SARIF links to); admins set the workspace's severities. */
export default async function LintSettingsPage() {
  const ctx = await requirePageAuth("prompts:read");
  const severities = await loadLintSeverities({ workspaceId: ctx.workspaceId });
  return (
    <div className="flex flex-col gap-4">
      <div>
        <h2 className="text-base font-semibold">Lint rules</h2>
        <p className="mt-1 max-w-prose text-sm text-zinc-600 dark:text-zinc-400">
          The prompt linter runs in the editor, on every promotion request and in <code>npx promptops lint</code>. An error blocks a
          protected environment whose gates require no linter errors. Silence one rule in a prompt with{" "}
          <code>{"{{! lint-disable <rule-id>: <reason> }}"}</code>; the reason is kept in the audit log.
        </p>
      </div>
      <LintSeveritiesForm
        canEdit={can(ctx.role, "settings:manage")}
        rules={RULE_IDS.map((id) => ({ ...LINT_RULES[id], chosen: severities[id] ?? LINT_RULES[id].severity }))}
      />
    </div>
  );
}
