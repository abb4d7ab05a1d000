import "server-only";
import type { DbOrTx } from "@/db";
import { lintPrompt, type LintContext, type LintFinding } from "@/lib/core/lint";
import type { PromotionLintReport } from "@/lib/core/vocabulary/compliance";
import { findCatalogModel } from "@/lib/platform/models/catalog";
import { readLintSeverities } from "@/lib/platform/lint-settings/lint-severities";
import { listVariableNames } from "@/lib/datasets/server";
import { promptDatasetIds } from "@/lib/evals/server";
import { findVersion } from "@/lib/prompts/server";
import { listEnvironments, listPointersForPrompts } from "@/lib/serving/server";

// The server side of the prompt linter (issue 19): everything the rules need that the editor's markers do not have.
// The promotion request, the no-lint-errors gate and `GET /api/v1/lint` all lint through here, so they agree.

/** What every prompt of a workspace shares in its lint context: read once, however many prompts are linted. */
export interface WorkspaceLintContext {
  environments: Awaited<ReturnType<typeof listEnvironments>>;
  severities: LintContext["severities"];
}

export async function loadWorkspaceLintContext(db: DbOrTx, { workspaceId }: { workspaceId: string }): Promise<WorkspaceLintContext> {
  const [environments, severities] = await Promise.all([listEnvironments(db, { workspaceId }), readLintSeverities(db, { workspaceId })]);
  return { environments, severities };
}

/** What the linter knows of one prompt in its workspace. `protectedTarget`: it is about to be served in a protected environment. */
export async function lintContextFor(
  db: DbOrTx,
  { workspace, promptId, model, protectedTarget = false }: { workspace: WorkspaceLintContext; promptId: string; model?: string; protectedTarget?: boolean },
): Promise<LintContext> {
  const [pointers, datasetIds] = await Promise.all([listPointersForPrompts(db, { promptIds: [promptId] }), promptDatasetIds(db, { promptId })]);
  const protectedIds = new Set(workspace.environments.filter((e) => e.isProtected).map((e) => e.id));
  const datasetColumns = await Promise.all(datasetIds.map((datasetId) => listVariableNames(db, { datasetId })));
  return {
    datasetColumns,
    movingLabels: [...workspace.environments.map((e) => e.slug), "latest"],
    servedInProtectedEnvironment: protectedTarget || pointers.some((p) => protectedIds.has(p.environmentId)),
    contextWindow: model ? (findCatalogModel(model)?.contextWindow ?? null) : null,
    severities: workspace.severities,
  };
}

/**
 * Lints one stored version with its workspace's context; null when the version does not exist. `workspace`: the
 * shared part, when the caller lints many prompts (GET /api/v1/lint) and has read it once.
 */
export async function lintVersion(
  db: DbOrTx,
  {
    workspaceId,
    promptId,
    version,
    protectedTarget,
    workspace,
  }: { workspaceId: string; promptId: string; version: number; protectedTarget?: boolean; workspace?: WorkspaceLintContext },
): Promise<LintFinding[] | null> {
  const row = await findVersion(db, { promptId, version });
  if (!row) return null;
  const shared = workspace ?? (await loadWorkspaceLintContext(db, { workspaceId }));
  const context = await lintContextFor(db, { workspace: shared, promptId, model: row.modelConfig.model, protectedTarget });
  return lintPrompt({ type: row.type, template: row.template, messages: row.messages, modelConfig: row.modelConfig }, context);
}

/** A finding's message as reports and the API show it: a chat prompt's says which message it is in. */
export function findingMessage(finding: LintFinding): string {
  return finding.location.message === null ? finding.message : `Message ${finding.location.message + 1}: ${finding.message}`;
}

/** The stored shape: counts of active findings, and every finding with its line (silenced ones keep their reason). */
export function lintReportOf(findings: readonly LintFinding[], now = Date.now()): PromotionLintReport {
  const active = findings.filter((f) => !f.silenced);
  return {
    errors: active.filter((f) => f.severity === "error").length,
    warnings: active.filter((f) => f.severity === "warning").length,
    findings: findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      message: findingMessage(f),
      line: f.location.line,
      ...(f.silenced ? { silencedReason: f.silenced.reason } : {}),
    })),
    checkedAt: now,
  };
}
