import "server-only";
import type { z } from "zod";
import type { DbOrTx } from "@/db";
import { only } from "@/db/first";
import { transaction } from "@/db/transaction";
import type { Prompt, PromptVersion, VersionProvenance } from "@/db/schema";
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

function insertPrompt(tx: DbOrTx, values: typeof prompts.$inferInsert): Promise<Prompt> {
  return only(tx.insert(prompts).values(values).returning());
}

function updatePrompt(
  tx: DbOrTx,
  { promptId, ...set }: { promptId: string; name?: string; description?: string; tags?: string[]; archivedAt?: Date | null; updatedAt?: Date },
) {
  return only(
    tx
      .update(prompts)
      .set({ ...set, updatedAt: set.updatedAt ?? new Date() })
      .where(eq(prompts.id, promptId))
      .returning(),
  );
}

function insertVersion(tx: DbOrTx, values: typeof promptVersions.$inferInsert): Promise<PromptVersion> {
  return only(tx.insert(promptVersions).values(values).returning());
}

async function loadPrompt(tx: DbOrTx, ctx: PromptWriter, promptId: string): Promise<Prompt> {
  const prompt = await findPromptById(tx, { promptId });
  requireSameWorkspace(ctx, prompt, "That prompt");
  return prompt;
}

async function refuseTakenName(tx: DbOrTx, ctx: PromptWriter, name: string): Promise<void> {
  if (await findPromptByName(tx, { workspaceId: ctx.workspaceId, name })) {
    throw new AppError("conflict:prompt", `A prompt named "${name}" already exists in this workspace (it may be archived).`);
  }
}

export async function createPrompt(ctx: PromptWriter, input: z.infer<typeof createPromptSchema>): Promise<{ id: string; name: string }> {
  return transaction(async (tx) => {
    const prompt = await createPromptInTransaction(tx, ctx, input);
    return { id: prompt.id, name: prompt.name };
  });
}

/** createPrompt inside the caller's transaction (seeds). */
export async function createPromptInTransaction(tx: DbOrTx, ctx: PromptWriter, input: z.infer<typeof createPromptSchema>): Promise<Prompt> {
  await refuseTakenName(tx, ctx, input.name);
  const prompt = await insertPrompt(tx, { workspaceId: ctx.workspaceId, createdById: ctx.user?.id ?? null, ...input });
  await recordAuditBy(tx, ctx, {
    action: "prompt.created",
    objectType: "prompt",
    objectId: prompt.id,
    after: { name: prompt.name, type: prompt.type, description: prompt.description, tags: prompt.tags },
  });
  return prompt;
}

export async function renamePrompt(ctx: PromptWriter, input: z.infer<typeof renamePromptSchema>): Promise<{ name: string }> {
  return transaction(async (tx) => {
    const prompt = await loadPrompt(tx, ctx, input.promptId);
    if (prompt.name === input.name) return { name: prompt.name };
    await refuseTakenName(tx, ctx, input.name);
    await updatePrompt(tx, { promptId: prompt.id, name: input.name });
    await recordAuditBy(tx, ctx, {
      action: "prompt.renamed",
      objectType: "prompt",
      objectId: prompt.id,
      before: { name: prompt.name },
      after: { name: input.name },
    });
    return { name: input.name };
  });
}

export async function setPromptArchived(ctx: PromptWriter, input: z.infer<typeof archivePromptSchema>): Promise<{ changed: boolean }> {
  return transaction(async (tx) => {
    const prompt = await loadPrompt(tx, ctx, input.promptId);
    if (Boolean(prompt.archivedAt) === input.archived) return { changed: false };
    await updatePrompt(tx, { promptId: prompt.id, archivedAt: input.archived ? new Date() : null });
    await recordAuditBy(tx, ctx, {
      action: input.archived ? "prompt.archived" : "prompt.unarchived",
      objectType: "prompt",
      objectId: prompt.id,
      after: { name: prompt.name },
    });
    return { changed: true };
  });
}

export async function updatePromptDetails(ctx: PromptWriter, input: z.infer<typeof updatePromptDetailsSchema>): Promise<{ changed: boolean }> {
  return transaction(async (tx) => {
    const prompt = await loadPrompt(tx, ctx, input.promptId);
    const tags = [...new Set(input.tags)];
    await updatePrompt(tx, { promptId: prompt.id, description: input.description, tags });
    await recordAuditBy(tx, ctx, {
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
async function appendVersion(
  tx: DbOrTx,
  ctx: PromptWriter,
  { prompt, content, commitMessage, expectedParentVersion, action, provenance }: {
    prompt: Prompt;
    content: PromptContent;
    commitMessage: string;
    expectedParentVersion: number | null;
    action: string;
    provenance?: VersionProvenance;
  },
): Promise<SaveResult> {
  if (content.type !== prompt.type) {
    throw new AppError("bad_request:prompt", `"${prompt.name}" is a ${prompt.type} prompt; its type is fixed at creation.`);
  }
  const latest = await findLatestVersion(tx, { promptId: prompt.id });
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
  const version = await insertVersion(tx, {
    promptId: prompt.id,
    version: (latest?.version ?? 0) + 1,
    type: content.type,
    template: content.template,
    messages: content.messages,
    modelConfig: content.modelConfig,
    commitMessage,
    authorId: ctx.user?.id ?? null,
    parentVersion: latest?.version ?? null,
    provenance: provenance ?? null,
  });
  await updatePrompt(tx, { promptId: prompt.id, updatedAt: version.createdAt });
  await recordAuditBy(tx, ctx, {
    action,
    objectType: "prompt",
    objectId: prompt.id,
    before: latest ? { version: latest.version } : null,
    after: { name: prompt.name, version: version.version, message: commitMessage },
  });
  return { created: true, version: version.version };
}

/** saveVersion inside the caller's transaction, for content already validated (seeds): the same parent and audit rules. */
export async function saveVersionInTransaction(
  tx: DbOrTx,
  ctx: PromptWriter,
  input: { promptId: string; content: PromptContent; commitMessage: string; expectedParentVersion: number | null; provenance?: VersionProvenance },
): Promise<SaveResult> {
  return appendVersion(tx, ctx, { prompt: await loadPrompt(tx, ctx, input.promptId), ...input, action: "prompt.version_saved" });
}

export async function saveVersion(ctx: PromptWriter, input: z.infer<typeof saveVersionSchema>): Promise<SaveResult> {
  const content = toValidContent(input.body, input.modelConfig);
  return transaction(async (tx) =>
    appendVersion(tx, ctx, {
      prompt: await loadPrompt(tx, ctx, input.promptId),
      content,
      commitMessage: input.commitMessage,
      expectedParentVersion: input.expectedParentVersion,
      action: "prompt.version_saved",
    }),
  );
}

export async function restoreVersion(ctx: PromptWriter, input: z.infer<typeof restoreVersionSchema>): Promise<SaveResult> {
  return transaction(async (tx) => {
    const prompt = await loadPrompt(tx, ctx, input.promptId);
    const source = await findVersion(tx, { promptId: prompt.id, version: input.version });
    if (!source) throw new AppError("not_found:prompt", `v${input.version} of "${prompt.name}" does not exist.`);
    return appendVersion(tx, ctx, {
      prompt,
      content: versionContent(source),
      commitMessage: `Restore v${source.version}`,
      expectedParentVersion: input.expectedParentVersion,
      action: "prompt.version_restored",
    });
  });
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
export async function writeImportedPrompt(
  tx: DbOrTx,
  ctx: PromptWriter,
  input: {
    existing: Prompt | null;
    create: { name: string; type: Prompt["type"]; description: string; tags: string[]; archived?: boolean };
    versions: ImportedVersion[];
    from?: string;
  },
): Promise<{ prompt: Prompt; added: PromptVersion[] }> {
  const prompt =
    input.existing ??
    (await insertPrompt(tx, {
      workspaceId: ctx.workspaceId,
      name: input.create.name,
      type: input.create.type,
      description: input.create.description,
      tags: input.create.tags,
      archivedAt: input.create.archived ? new Date() : null,
      createdById: ctx.user?.id ?? null,
    }));
  let parent: number | null = input.existing ? (input.versions[0]?.version ?? 1) - 1 : null;
  const added: PromptVersion[] = [];
  for (const v of input.versions) {
    added.push(
      await insertVersion(tx, {
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
  if (added.length) await updatePrompt(tx, { promptId: prompt.id });
  if (added.length || !input.existing) {
    await recordAuditBy(tx, ctx, {
      action: "prompt.imported",
      objectType: "prompt",
      objectId: prompt.id,
      after: { name: prompt.name, versions: added.map((v) => v.version), ...(input.from ? { from: input.from } : {}) },
    });
  }
  return { prompt, added };
}
