import "server-only";
import { z } from "zod";
import { getDb } from "@/db";
import { transaction } from "@/db/transaction";
import type { Principal } from "@/lib/platform/auth/principal";
import { requirePermission } from "@/lib/platform/auth/policy";
import { appendCases, insertAuditedDataset } from "@/lib/datasets/server";
import { AppError } from "@/lib/core/errors";
import { parseInput } from "@/lib/platform/http/route";
import { findPromptByName, toValidContent, writeImportedPrompt } from "@/lib/prompts/server";
import { promptNameSchema } from "@/lib/prompts";
import { ensureDefaultJudgePrompt } from "../scorers/judge-prompt";
import { parsePromptfooConfig, type ImportPlan } from "./parse-config";

// Preview, then create: every prompt (v1), the dataset and its cases, all in one transaction with their audit
// entries; templates are validated and name clashes refused first, so a refused import leaves nothing behind.

export const promptfooImportSchema = z.object({
  text: z.string(),
  /** Folder for the imported prompts, e.g. "imported/support". */
  promptFolder: promptNameSchema,
  datasetName: z.string().trim().min(1).max(120),
  commit: z.boolean().default(false),
});

export interface PromptfooPreview {
  prompts: { name: string; type: "text" | "chat" }[];
  caseCount: number;
  defaultScorers: string[];
  caseAssertions: number;
  /** Cases with no assertion of their own; with no default scorer they run unscored unless the run adds one. */
  casesWithoutAssertions: number;
  warnings: string[];
}

function promptNames(plan: ImportPlan, folder: string): string[] {
  const used = new Set<string>();
  return plan.prompts.map((p, i) => {
    const slug = p.label.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[-._]+|[-._]+$/g, "").slice(0, 60).toLowerCase();
    let name = `${folder}/${slug || `prompt-${i + 1}`}`;
    if (used.has(name)) name = `${name}-${i + 1}`;
    used.add(name);
    return name;
  });
}

export function previewPromptfooImport(principal: Principal, raw: z.input<typeof promptfooImportSchema>): PromptfooPreview {
  requirePermission(principal, "datasets:write");
  const input = parseInput(promptfooImportSchema, raw);
  const plan = parsePromptfooConfig(input.text);
  return {
    prompts: promptNames(plan, input.promptFolder).map((name, i) => ({ name, type: plan.prompts[i]!.type })),
    caseCount: plan.cases.length,
    defaultScorers: plan.defaultScorers.map((s) => s.label),
    caseAssertions: plan.cases.reduce((n, c) => n + c.assertions.length, 0),
    casesWithoutAssertions: plan.cases.filter((c) => c.assertions.length === 0).length,
    warnings: plan.warnings,
  };
}

export async function commitPromptfooImport(
  principal: Principal,
  raw: z.input<typeof promptfooImportSchema>,
): Promise<{ datasetId: string; prompts: string[]; cases: number; warnings: string[] }> {
  requirePermission(principal, "datasets:write");
  requirePermission(principal, "prompts:write");
  const input = parseInput(promptfooImportSchema, raw);
  const plan = parsePromptfooConfig(input.text);
  const names = promptNames(plan, input.promptFolder);
  const db = getDb();
  for (const name of names) {
    if (await findPromptByName(db, { workspaceId: principal.workspaceId, name })) throw new AppError("conflict:prompt", `A prompt named "${name}" already exists; choose another folder.`);
  }
  const usesJudge = [...plan.defaultScorers, ...plan.cases.flatMap((c) => c.assertions)].some((s) => s.type === "llm-rubric");
  // Validated before the transaction: a template the registry would refuse stops the import with its message.
  const contents = plan.prompts.map((p) => toValidContent(p.type === "text" ? { type: "text", template: p.template ?? "" } : { type: "chat", messages: p.messages ?? [] }, {}));
  const about = plan.description ? `Imported from promptfoo: ${plan.description}`.slice(0, 2_000) : "Imported from a promptfoo config.";
  const dataset = await transaction(async (tx) => {
    for (const [i, content] of contents.entries()) {
      await writeImportedPrompt(tx, principal, {
        existing: null,
        create: { name: names[i]!, type: content.type, description: about, tags: ["promptfoo"] },
        versions: [{ version: 1, content, message: "Imported from promptfoo" }],
        from: "promptfoo",
      });
    }
    const created = await insertAuditedDataset(tx, principal, { name: input.datasetName, description: about, defaultScorers: plan.defaultScorers });
    await appendCases(tx, created, plan.cases.map((c) => ({ variables: c.variables, assertions: c.assertions, note: c.description.slice(0, 2_000), tags: ["promptfoo"] })));
    return created;
  });
  if (usesJudge) await ensureDefaultJudgePrompt(principal);
  return { datasetId: dataset.id, prompts: names, cases: plan.cases.length, warnings: plan.warnings };
}
