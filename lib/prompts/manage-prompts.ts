import "server-only";
import type { z } from "zod";
import { getDb, type DbOrTx } from "@/db";
import type { Prompt, PromptVersion } from "@/db/schema";
import { requireSameWorkspace } from "@/lib/platform/auth/policy";
import { recordAuditBy } from "@/lib/platform/audit/record";
import { AppError } from "@/lib/core/errors";
import type { PromptContent } from "@/lib/core/vocabulary/prompt-content";
import { eq } from "drizzle-orm";
import { prompts, promptVersions } from "@/db/schema";
import { findLatestVersion, findPromptById, findPromptByName, findVersion } from "./queries";
import { sameContent, versionContent } from "./same-content";
import type {
  archivePromptSchema,
  createPromptSchema,
  renamePromptSchema,
  restoreVersionSchema,
  saveVersionSchema,
  updatePromptDetailsSchema,
} from "./schemas";
import { toValidContent } from "./validate-content";

// The only module that writes prompts and versions (see README.md; the studio/one-writer lint rule enforces it).
// Callers have checked "prompts:write". Imports and seeds write through the *InTransaction functions below, so they
// get the same name rule and audit entries inside their own all-or-nothing transaction.

/** A signed-in member's AuthContext or an API key's Principal: both write through the same rules. */
export interface PromptWriter {
  workspaceId: string;
  user: { id: string; email: string } | null;
  apiKey?: { id: string; name: string } | null;
}

function insertPrompt(tx: DbOrTx, values: typeof prompts.$inferInsert) {
  return tx.insert(prompts).values(values).returning().get();
}

function updatePrompt(
  tx: DbOrTx,
  { promptId, ...set }: { promptId: string; name?: string; description?: string; tags?: string[]; archivedAt?: Date | null; updatedAt?: Date },
) {
  return tx
    .update(prompts)
    .set({ ...set, updatedAt: set.updatedAt ?? new Date() })
    .where(eq(prompts.id, promptId))
    .returning()
    .get();
}

function insertVersion(tx: DbOrTx, values: typeof promptVersions.$inferInsert) {
  return tx.insert(promptVersions).values(values).returning().get();
}

function loadPrompt(tx: DbOrTx, ctx: PromptWriter, promptId: string): Prompt {
  const prompt = findPromptById(tx, { promptId });
  requireSameWorkspace(ctx, prompt, "That prompt");
  return prompt;
}

function refuseTakenName(tx: DbOrTx, ctx: PromptWriter, name: string) {
  if (findPromptByName(tx, { workspaceId: ctx.workspaceId, name })) {
    throw new AppError("conflict:prompt", `A prompt named "${name}" already exists in this workspace (it may be archived).`);
  }
}

export function createPrompt(ctx: PromptWriter, input: z.infer<typeof createPromptSchema>) {
  return getDb().transaction(
    (tx) => {
      const prompt = createPromptInTransaction(tx, ctx, input);
      return { id: prompt.id, name: prompt.name };
    },
    { behavior: "immediate" },
  );
}

/** createPrompt inside the caller's transaction (seeds). */
export function createPromptInTransaction(tx: DbOrTx, ctx: PromptWriter, input: z.infer<typeof createPromptSchema>): Prompt {
  refuseTakenName(tx, ctx, input.name);
  const prompt = insertPrompt(tx, { workspaceId: ctx.workspaceId, createdById: ctx.user?.id ?? null, ...input });
  recordAuditBy(tx, ctx, {
    action: "prompt.created",
    objectType: "prompt",
    objectId: prompt.id,
    after: { name: prompt.name, type: prompt.type, description: prompt.description, tags: prompt.tags },
  });
  return prompt;
}

export function renamePrompt(ctx: PromptWriter, input: z.infer<typeof renamePromptSchema>) {
  return getDb().transaction(
    (tx) => {
      const prompt = loadPrompt(tx, ctx, input.promptId);
      if (prompt.name === input.name) return { name: prompt.name };
      refuseTakenName(tx, ctx, input.name);
      updatePrompt(tx, { promptId: prompt.id, name: input.name });
      recordAuditBy(tx, ctx, {
        action: "prompt.renamed",
        objectType: "prompt",
        objectId: prompt.id,
        before: { name: prompt.name },
        after: { name: input.name },
      });
      return { name: input.name };
    },
    { behavior: "immediate" },
  );
}

export function setPromptArchived(ctx: PromptWriter, input: z.infer<typeof archivePromptSchema>) {
  return getDb().transaction((tx) => {
    const prompt = loadPrompt(tx, ctx, input.promptId);
    if (Boolean(prompt.archivedAt) === input.archived) return { changed: false };
    updatePrompt(tx, { promptId: prompt.id, archivedAt: input.archived ? new Date() : null });
    recordAuditBy(tx, ctx, {
      action: input.archived ? "prompt.archived" : "prompt.unarchived",
      objectType: "prompt",
      objectId: prompt.id,
      after: { name: prompt.name },
    });
    return { changed: true };
  });
}

export function updatePromptDetails(ctx: PromptWriter, input: z.infer<typeof updatePromptDetailsSchema>) {
  return getDb().transaction((tx) => {
    const prompt = loadPrompt(tx, ctx, input.promptId);
    const tags = [...new Set(input.tags)];
    updatePrompt(tx, { promptId: prompt.id, description: input.description, tags });
    recordAuditBy(tx, ctx, {
      action: "prompt.details_updated",
      objectType: "prompt",
      objectId: prompt.id,
      before: { description: prompt.description, tags: prompt.tags },
      after: { description: input.description, tags },
    });
    return { changed: true };
  });
}

export interface SaveResult {
  created: boolean;
  version: number;
}

/** Appends a version unless it equals the latest; refuses with conflict:prompt when the draft's parent is stale. */
function appendVersion(
  tx: DbOrTx,
  ctx: PromptWriter,
  { prompt, content, commitMessage, expectedParentVersion, action }: {
    prompt: Prompt;
    content: PromptContent;
    commitMessage: string;
    expectedParentVersion: number | null;
    action: string;
  },
): SaveResult {
  if (content.type !== prompt.type) {
    throw new AppError("bad_request:prompt", `"${prompt.name}" is a ${prompt.type} prompt; its type is fixed at creation.`);
  }
  const latest = findLatestVersion(tx, { promptId: prompt.id });
  if ((latest?.version ?? null) !== expectedParentVersion) {
    throw new AppError(
      "conflict:prompt",
      `Someone saved v${latest?.version} while you were editing v${expectedParentVersion ?? 0}. Review their changes, then save again.`,
      {
        details: {
          latest: latest && {
            version: latest.version,
            commitMessage: latest.commitMessage,
            createdAt: latest.createdAt.toISOString(),
            content: versionContent(latest),
          },
        },
      },
    );
  }
  if (latest && sameContent(versionContent(latest), content)) return { created: false, version: latest.version };
  const version = insertVersion(tx, {
    promptId: prompt.id,
    version: (latest?.version ?? 0) + 1,
    type: content.type,
    template: content.template,
    messages: content.messages,
    modelConfig: content.modelConfig,
    commitMessage,
    authorId: ctx.user?.id ?? null,
    parentVersion: latest?.version ?? null,
  });
  updatePrompt(tx, { promptId: prompt.id, updatedAt: version.createdAt });
  recordAuditBy(tx, ctx, {
    action,
    objectType: "prompt",
    objectId: prompt.id,
    before: latest ? { version: latest.version } : null,
    after: { name: prompt.name, version: version.version, message: commitMessage },
  });
  return { created: true, version: version.version };
}

/** saveVersion inside the caller's transaction, for content already validated (seeds): the same parent and audit rules. */
export function saveVersionInTransaction(
  tx: DbOrTx,
  ctx: PromptWriter,
  input: { promptId: string; content: PromptContent; commitMessage: string; expectedParentVersion: number | null },
): SaveResult {
  return appendVersion(tx, ctx, { prompt: loadPrompt(tx, ctx, input.promptId), ...input, action: "prompt.version_saved" });
}

export function saveVersion(ctx: PromptWriter, input: z.infer<typeof saveVersionSchema>): SaveResult {
  const content = toValidContent(input.body, input.modelConfig);
  return getDb().transaction(
    (tx) =>
      appendVersion(tx, ctx, {
        prompt: loadPrompt(tx, ctx, input.promptId),
        content,
        commitMessage: input.commitMessage,
        expectedParentVersion: input.expectedParentVersion,
        action: "prompt.version_saved",
      }),
    { behavior: "immediate" },
  );
}

export function restoreVersion(ctx: PromptWriter, input: z.infer<typeof restoreVersionSchema>): SaveResult {
  return getDb().transaction(
    (tx) => {
      const prompt = loadPrompt(tx, ctx, input.promptId);
      const source = findVersion(tx, { promptId: prompt.id, version: input.version });
      if (!source) throw new AppError("not_found:prompt", `v${input.version} of "${prompt.name}" does not exist.`);
      return appendVersion(tx, ctx, {
        prompt,
        content: versionContent(source),
        commitMessage: `Restore v${source.version}`,
        expectedParentVersion: input.expectedParentVersion,
        action: "prompt.version_restored",
      });
    },
    { behavior: "immediate" },
  );
}

/** One version as an import brings it: its number in the file's history, its content, and the file's claims. */
export interface ImportedVersion {
  version: number;
  content: PromptContent;
  message: string;
  /** The file's author and time: claims anyone can write, kept only as provenance. */
  provenance?: { author: string | null; createdAt: string };
}

/**
 * Writes one imported prompt inside the caller's all-or-nothing transaction (the YAML/zip import, the promptfoo
 * import): creates it when `existing` is null, then appends the given versions, which the caller has checked continue
 * the prompt's numbering. The versions are the importer's, made now; one "prompt.imported" audit entry says which.
 */
export function writeImportedPrompt(
  tx: DbOrTx,
  ctx: PromptWriter,
  input: {
    existing: Prompt | null;
    create: { name: string; type: Prompt["type"]; description: string; tags: string[]; archived?: boolean };
    versions: ImportedVersion[];
    from?: string;
  },
): { prompt: Prompt; added: PromptVersion[] } {
  const prompt =
    input.existing ??
    insertPrompt(tx, {
      workspaceId: ctx.workspaceId,
      name: input.create.name,
      type: input.create.type,
      description: input.create.description,
      tags: input.create.tags,
      archivedAt: input.create.archived ? new Date() : null,
      createdById: ctx.user?.id ?? null,
    });
  let parent: number | null = input.existing ? (input.versions[0]?.version ?? 1) - 1 : null;
  const added: PromptVersion[] = [];
  for (const v of input.versions) {
    added.push(
      insertVersion(tx, {
        promptId: prompt.id,
        version: v.version,
        type: v.content.type,
        template: v.content.template,
        messages: v.content.messages,
        modelConfig: v.content.modelConfig,
        commitMessage: v.message,
        authorId: ctx.user?.id ?? null,
        parentVersion: parent,
        provenance: v.provenance ? { source: "import", author: v.provenance.author, createdAt: v.provenance.createdAt } : null,
      }),
    );
    parent = v.version;
  }
  if (added.length) updatePrompt(tx, { promptId: prompt.id });
  if (added.length || !input.existing) {
    recordAuditBy(tx, ctx, {
      action: "prompt.imported",
      objectType: "prompt",
      objectId: prompt.id,
      after: { name: prompt.name, versions: added.map((v) => v.version), ...(input.from ? { from: input.from } : {}) },
    });
  }
  return { prompt, added };
}
