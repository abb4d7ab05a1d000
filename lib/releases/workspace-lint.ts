import "server-only";
import { getDb } from "@/db";
import { LINT_RULES, RULE_IDS } from "@/lib/core/lint";
import { requirePermission } from "@/lib/platform/auth/policy";
import type { Principal } from "@/lib/platform/auth/principal";
import { listPrompts } from "@/lib/prompts/server";
import { findingMessage, lintVersion, loadWorkspaceLintContext } from "./lint-context";
import type { WorkspaceLint } from "./schemas";

// GET /api/v1/lint, what `promptops lint --workspace` reads: each active prompt's latest version linted as a
// promotion request would lint it (the workspace's datasets, environments and severities).

export const WORKSPACE_LINT_MAX = 1000;

export async function lintWorkspaceForApi(principal: Principal): Promise<WorkspaceLint> {
  requirePermission(principal, "prompts:read");
  const db = getDb();
  const { rows, total } = await listPrompts({ workspaceId: principal.workspaceId, order: "name", page: 1, pageSize: WORKSPACE_LINT_MAX });
  const workspace = await loadWorkspaceLintContext(db, { workspaceId: principal.workspaceId });
  const prompts: WorkspaceLint["prompts"] = [];
  for (const prompt of rows) {
    if (prompt.latestVersion === null) continue;
    const findings = await lintVersion(db, { workspaceId: principal.workspaceId, promptId: prompt.id, version: prompt.latestVersion, workspace });
    if (!findings) continue;
    prompts.push({
      name: prompt.name,
      version: prompt.latestVersion,
      findings: findings.map((f) => ({
        ruleId: f.ruleId,
        severity: f.severity,
        message: findingMessage(f),
        line: f.location.line,
        column: f.location.column,
        endLine: f.location.endLine,
        endColumn: f.location.endColumn,
        ...(f.silenced ? { silencedReason: f.silenced.reason } : {}),
      })),
    });
  }
  return {
    prompts,
    rules: RULE_IDS.map((id) => ({ id, severity: LINT_RULES[id].severity, summary: LINT_RULES[id].summary, rationale: LINT_RULES[id].rationale })),
    truncated: total > rows.length,
  };
}
