import "server-only";
import { getDb, type DbOrTx } from "@/db";
import type { AuthContext } from "@/lib/platform/auth/context";
import { actorOf, recordAudit } from "@/lib/platform/audit/record";
import { AppError } from "@/lib/core/errors";
import type { ImportError, PortablePrompt, PortableVersion } from "@/lib/prompts/portable/types";
import { promptFilePath } from "@/lib/prompts/portable/prompt-path";
import type { PromptContent } from "@/lib/core/vocabulary/prompt-content";
import { findPromptByName, insertPrompt, insertVersion, listVersions, updatePrompt } from "./queries";
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
function plan(tx: DbOrTx, ctx: AuthContext, incoming: PortablePrompt) {
  const file = promptFilePath(incoming.name);
  const existing = findPromptByName(tx, { workspaceId: ctx.workspaceId, name: incoming.name });
  if (!existing) return { kind: "create" as const, incoming, errors: [] as ImportError[] };
  const errors: ImportError[] = [];
  if (existing.type !== incoming.type) {
    errors.push({ file, field: "type", message: `"${incoming.name}" exists here as a ${existing.type} prompt.` });
    return { kind: "append" as const, incoming, prompt: existing, add: [], errors };
  }
  const current = new Map(listVersions({ promptId: existing.id }).map((v) => [v.version.version, v.version]));
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
export function importPrompts(ctx: AuthContext, incoming: PortablePrompt[]): ImportSummary {
  return getDb().transaction(
    (tx) => {
      const plans = incoming.map((p) => plan(tx, ctx, p));
      const errors = plans.flatMap((p) => p.errors);
      if (errors.length) {
        throw new AppError("conflict:import", `Nothing was imported: ${errors.length} problem${errors.length > 1 ? "s" : ""} found.`, {
          details: { errors },
        });
      }
      const summary: ImportSummary = { created: [], updated: [], unchanged: [] };
      for (const p of plans) {
        const prompt =
          p.kind === "create"
            ? insertPrompt(tx, {
                workspaceId: ctx.workspaceId,
                name: p.incoming.name,
                type: p.incoming.type,
                description: p.incoming.description,
                tags: p.incoming.tags,
                archivedAt: p.incoming.archived ? new Date() : null,
                createdById: ctx.user.id,
              })
            : p.prompt;
        const toAdd = p.kind === "create" ? p.incoming.versions : p.add;
        let parent: number | null = p.kind === "create" ? null : (toAdd[0]?.version ?? 1) - 1;
        for (const v of toAdd) {
          const content = contentOf(p.incoming.type, v);
          insertVersion(tx, {
            promptId: prompt.id,
            version: v.version,
            type: content.type,
            template: content.template,
            messages: content.messages,
            modelConfig: content.modelConfig,
            commitMessage: v.message,
            // The file's author and time are claims anyone can write: the version is the importer's, made now,
            // and the claims are kept only as provenance.
            authorId: ctx.user.id,
            parentVersion: parent,
            provenance: { source: "import", author: v.author, createdAt: v.createdAt },
          });
          parent = v.version;
        }
        if (toAdd.length) updatePrompt(tx, { promptId: prompt.id });
        if (p.kind === "create") summary.created.push(prompt.name);
        else if (toAdd.length) summary.updated.push({ name: prompt.name, added: toAdd.map((v) => v.version) });
        else summary.unchanged.push(prompt.name);
        if (toAdd.length || p.kind === "create") {
          recordAudit(tx, {
            workspaceId: ctx.workspaceId,
            actor: actorOf(ctx),
            action: "prompt.imported",
            objectType: "prompt",
            objectId: prompt.id,
            after: { name: prompt.name, versions: toAdd.map((v) => v.version) },
          });
        }
      }
      return summary;
    },
    { behavior: "immediate" },
  );
}
