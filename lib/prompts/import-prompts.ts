import "server-only";
import type { DbOrTx } from "@/db";
import { transaction } from "@/db/transaction";
import type { AuthContext } from "@/lib/platform/auth/context";
import { AppError } from "@/lib/core/errors";
import type { ImportError, PortablePrompt, PortableVersion } from "@/lib/prompts/portable/types";
import { promptFilePath } from "@/lib/prompts/portable/prompt-path";
import type { PromptContent } from "@/lib/core/vocabulary/prompt-content";
import { writeImportedPrompt } from "./manage-prompts";
import { findPromptByName, listVersions } from "./queries";
import { sameContent, versionContent } from "./same-content";

export interface ImportSummary {
  created: string[];
  updated: { name: string; added: number[] }[];
  unchanged: string[];
}

function contentOf(type: PromptContent["type"], v: PortableVersion): PromptContent {
  return { type, template: v.template ?? null, messages: v.messages ?? null, modelConfig: v.modelConfig };
}

/**
 * What importing would do to one prompt, or why it cannot: an existing prompt accepts files whose versions it
 * already has (identical) followed by new ones that continue its numbering, like a fast-forward in git.
 */
async function plan(tx: DbOrTx, ctx: AuthContext, incoming: PortablePrompt) {
  const file = promptFilePath(incoming.name);
  const existing = await findPromptByName(tx, { workspaceId: ctx.workspaceId, name: incoming.name });
  if (!existing) return { kind: "create" as const, incoming, errors: [] as ImportError[] };
  const errors: ImportError[] = [];
  if (existing.type !== incoming.type) {
    errors.push({ file, field: "type", message: `"${incoming.name}" exists here as a ${existing.type} prompt.` });
    return { kind: "append" as const, incoming, prompt: existing, add: [], errors };
  }
  const current = new Map((await listVersions({ promptId: existing.id }, tx)).map((v) => [v.version.version, v.version]));
  const latest = Math.max(0, ...current.keys());
  const add: PortableVersion[] = [];
  incoming.versions.forEach((v, i) => {
    const have = current.get(v.version);
    if (have && !sameContent(versionContent(have), contentOf(incoming.type, v))) {
      errors.push({ file, field: `versions[${i}]`, message: `v${v.version} differs from v${v.version} here; versions are immutable.` });
    } else if (!have && v.version <= latest) {
      errors.push({ file, field: `versions[${i}]`, message: `v${v.version} is missing here, so the history cannot be matched.` });
    } else if (!have) {
      add.push(v);
    }
  });
  if (add.length && add[0]!.version !== latest + 1) {
    errors.push({ file, field: "versions", message: `New versions must continue from v${latest}; the file's next is v${add[0]!.version}.` });
  }
  return { kind: "append" as const, incoming, prompt: existing, add, errors };
}

/** Imports already-parsed prompt files all or nothing: every conflict is reported and nothing is written. */
export async function importPrompts(ctx: AuthContext, incoming: PortablePrompt[]): Promise<ImportSummary> {
  return transaction(async (tx) => {
    const plans: Awaited<ReturnType<typeof plan>>[] = [];
    for (const p of incoming) plans.push(await plan(tx, ctx, p));
    const errors = plans.flatMap((p) => p.errors);
    if (errors.length) {
      throw new AppError("conflict:import", `Nothing was imported: ${errors.length} problem${errors.length > 1 ? "s" : ""} found.`, {
        details: { errors },
      });
    }
    const summary: ImportSummary = { created: [], updated: [], unchanged: [] };
    for (const p of plans) {
      const toAdd = p.kind === "create" ? p.incoming.versions : p.add;
      const { prompt } = await writeImportedPrompt(tx, ctx, {
        existing: p.kind === "create" ? null : p.prompt,
        create: { name: p.incoming.name, type: p.incoming.type, description: p.incoming.description, tags: p.incoming.tags, archived: p.incoming.archived },
        versions: toAdd.map((v) => ({
          version: v.version,
          content: contentOf(p.incoming.type, v),
          message: v.message,
          provenance: { author: v.author, createdAt: v.createdAt },
        })),
      });
      if (p.kind === "create") summary.created.push(prompt.name);
      else if (toAdd.length) summary.updated.push({ name: prompt.name, added: toAdd.map((v) => v.version) });
      else summary.unchanged.push(prompt.name);
    }
    return summary;
  });
}
