import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb, type DbOrTx } from "@/db";
import { first } from "@/db/first";
import { transaction } from "@/db/transaction";
import { workspaces } from "@/db/schema";
import { LINT_RULES, RULE_IDS, SEVERITIES } from "@/lib/core/lint";
import type { LintSeverities } from "@/lib/core/vocabulary/compliance";
import type { AuthContext } from "@/lib/platform/auth/context";
import { requirePermission } from "@/lib/platform/auth/policy";
import { recordAuditBy } from "@/lib/platform/audit/record";

// A workspace's lint severities (issue 19): per rule, error / warning / info or off. The editor's markers, the
// promotion request, the no-lint-errors gate and `promptops lint --workspace` all lint with them. Only what differs
// from a rule's default is stored, so a default changed in lib/core/lint reaches every workspace that kept it.

const level = z.enum([...SEVERITIES, "off"]);
export const setLintSeveritiesSchema = z.object({
  severities: z.partialRecord(z.enum(RULE_IDS), level),
});

export async function readLintSeverities(db: DbOrTx, { workspaceId }: { workspaceId: string }): Promise<LintSeverities> {
  const row = await first(db.select({ severities: workspaces.lintSeverities }).from(workspaces).where(eq(workspaces.id, workspaceId)));
  return row?.severities ?? {};
}

/** For pages: the editor's markers and Settings → Lint rules. */
export const loadLintSeverities = ({ workspaceId }: { workspaceId: string }) => readLintSeverities(getDb(), { workspaceId });

export async function setLintSeverities(ctx: AuthContext, input: z.infer<typeof setLintSeveritiesSchema>) {
  requirePermission(ctx, "settings:manage");
  const severities: LintSeverities = {};
  for (const id of RULE_IDS) {
    const chosen = input.severities[id];
    if (chosen !== undefined && chosen !== LINT_RULES[id].severity) severities[id] = chosen;
  }
  return transaction(async (tx) => {
    const before = await readLintSeverities(tx, { workspaceId: ctx.workspaceId });
    await tx.update(workspaces).set({ lintSeverities: severities }).where(eq(workspaces.id, ctx.workspaceId));
    await recordAuditBy(tx, ctx, { action: "workspace.lint_severities_set", objectType: "workspace", objectId: ctx.workspaceId, before, after: severities });
    return { severities };
  });
}
