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

/** What the linter knows of one prompt in its workspace. `protectedTarget`: it is about to be served in a protected environment. */
export async function lintContextFor(
  db: DbOrTx,
  { workspaceId, promptId, model, protectedTarget = false }: { workspaceId: string; promptId: string; model?: string; protectedTarget?: boolean },
): Promise<LintContext> {
  const [environments, pointers, datasetIds, severities] = await Promise.all([
    listEnvironments(db, { workspaceId }),
    listPointersForPrompts(db, { promptIds: [promptId] }),
    promptDatasetIds(db, { promptId }),
    readLintSeverities(db, { workspaceId }),
  ]);
  const protectedIds = new Set(environments.filter((e) => e.isProtected).map((e) => e.id));
  const datasetColumns = await Promise.all(datasetIds.map((datasetId) => listVariableNames(db, { datasetId })));
  return {
    datasetColumns,
    movingLabels: [...environments.map((e) => e.slug), "latest"],
    servedInProtectedEnvironment: protectedTarget || pointers.some((p) => protectedIds.has(p.environmentId)),
    contextWindow: model ? (findCatalogModel(model)?.contextWindow ?? null) : null,
    severities,
  };
}

/** Lints one stored version with its workspace's context; null when the version does not exist. */
export async function lintVersion(
  db: DbOrTx,
  { workspaceId, promptId, version, protectedTarget }: { workspaceId: string; promptId: string; version: number; protectedTarget?: boolean },
): Promise<LintFinding[] | null> {
  const row = await findVersion(db, { promptId, version });
  if (!row) return null;
  const context = await lintContextFor(db, { workspaceId, promptId, model: row.modelConfig.model, protectedTarget });
  return lintPrompt({ type: row.type, template: row.template, messages: row.messages, modelConfig: row.modelConfig }, context);
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
      message: f.location.message === null ? f.message : `Message ${f.location.message + 1}: ${f.message}`,
      line: f.location.line,
      ...(f.silenced ? { silencedReason: f.silenced.reason } : {}),
    })),
    checkedAt: now,
  };
}
