import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "./dialect";
import { id, createdAt, ref, updatedAt, timestamp, optionalRef } from "./columns";
import { users, workspaceScoped } from "./identity";
import { PROMPT_TYPES, type PromptType, type ChatMessageRecord, type ModelConfig } from "../../lib/core/vocabulary/prompt-content";

export { PROMPT_TYPES, type PromptType, type ChatMessageRecord, type ModelConfig };

// Prompts and their immutable versions. db/schema/index.ts gathers every group.

export const prompts = sqliteTable(
  "prompts",
  {
    ...workspaceScoped(),
    /** Unique per workspace; "/" separates folders, e.g. "support/triage". */
    name: text("name").notNull(),
    /** Fixed at creation; every version repeats it and a trigger keeps the two equal. */
    type: text("type", { enum: PROMPT_TYPES }).notNull(),
    description: text("description").notNull().default(""),
    tags: text("tags", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    archivedAt: timestamp("archived_at"),
    createdById: optionalRef("created_by_id", () => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("prompts_workspace_name").on(t.workspaceId, t.name),
    index("prompts_workspace_updated").on(t.workspaceId, t.updatedAt),
    check("prompts_type_valid", sql`${t.type} in ('text','chat')`),
  ],
);
export type Prompt = typeof prompts.$inferSelect;

/**
 * Where a version came from when it was not written here. An imported version is authored by the member who
 * imported it, at the time of the import; the file's own author and time are kept only as this record.
 */
export type VersionProvenance = ImportProvenance | OptimizationProvenance;

export interface ImportProvenance {
  source: "import";
  /** The author the file named (an email), or null. Not a member of this workspace, necessarily. */
  author: string | null;
  /** The creation time the file gave, as written. */
  createdAt: string;
}

/** A version saved from an optimization's best candidate: the evidence travels with it to the approval card. */
export interface OptimizationProvenance {
  source: "optimization";
  runId: string;
  strategy: string;
  seed: number;
  baseVersion: number;
  dataset: string;
  split: { train: number; validation: number; heldOut: number };
  heldOut: {
    cases: number;
    baseline: number;
    best: number;
    test: string;
    pValue: number | null;
    interval: { low: number; high: number; estimate: number } | null;
    verdict: string;
  };
}

/** Immutable: the database refuses UPDATE and DELETE on this table (see the triggers migration). */
export const promptVersions = sqliteTable(
  "prompt_versions",
  {
    id: id(),
    promptId: ref("prompt_id", () => prompts.id),
    version: integer("version").notNull(),
    type: text("type", { enum: PROMPT_TYPES }).notNull(),
    template: text("template"),
    messages: text("messages", { mode: "json" }).$type<ChatMessageRecord[]>(),
    modelConfig: text("model_config", { mode: "json" }).$type<ModelConfig>().notNull().default(sql`'{}'`),
    commitMessage: text("commit_message").notNull(),
    authorId: optionalRef("author_id", () => users.id),
    parentVersion: integer("parent_version"),
    createdAt: createdAt(),
    provenance: text("provenance", { mode: "json" }).$type<VersionProvenance>(),
  },
  (t) => [
    uniqueIndex("prompt_versions_prompt_version").on(t.promptId, t.version),
    check("prompt_versions_version_positive", sql`${t.version} >= 1`),
    check(
      "prompt_versions_body_matches_type",
      sql`(${t.type} = 'text' and ${t.template} is not null and ${t.messages} is null) or (${t.type} = 'chat' and ${t.messages} is not null and ${t.template} is null)`,
    ),
  ],
);
export type PromptVersion = typeof promptVersions.$inferSelect;
