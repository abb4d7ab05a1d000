import { sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

// Every id is a random UUID string; every time is a JS Date stored as integer milliseconds.
const id = () =>
  text("id")
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID());
const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .$defaultFn(() => new Date());

import { ROLES, type Role } from "../lib/auth/roles";

export { ROLES, type Role };

export const PROMPT_TYPES = ["text", "chat"] as const;
export type PromptType = (typeof PROMPT_TYPES)[number];

export const PROVIDER_KINDS = ["openai", "anthropic", "openai-compatible"] as const;

export const users = sqliteTable("users", {
  id: id(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  passwordHash: text("password_hash").notNull(),
  /** Account-wide switch: a disabled account can neither sign in nor use a live session. */
  disabledAt: integer("disabled_at", { mode: "timestamp_ms" }),
  createdAt: createdAt(),
});
export type User = typeof users.$inferSelect;

export const workspaces = sqliteTable("workspaces", {
  id: id(),
  name: text("name").notNull(),
  slug: text("slug").notNull().unique(),
  isDemo: integer("is_demo", { mode: "boolean" }).notNull().default(false),
  createdAt: createdAt(),
});
export type Workspace = typeof workspaces.$inferSelect;

export const memberships = sqliteTable(
  "memberships",
  {
    id: id(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    role: text("role", { enum: ROLES }).notNull(),
    /** Disabling a member removes their access to this workspace without touching others. */
    disabledAt: integer("disabled_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("memberships_workspace_user").on(t.workspaceId, t.userId),
    index("memberships_user").on(t.userId),
    check("memberships_role_valid", sql`${t.role} in ('admin','lead','editor','reviewer','viewer')`),
  ],
);
export type Membership = typeof memberships.$inferSelect;

/** Server-side record of each signed-in browser; the JWT only carries this id, so revoking the row ends it. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    lastSeenAt: integer("last_seen_at", { mode: "timestamp_ms" }).notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user").on(t.userId)],
);
export type Session = typeof sessions.$inferSelect;

/** Failed sign-ins per key ("account:<email>" or "ip:<address>") within a sliding window. */
export const loginAttempts = sqliteTable("login_attempts", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull(),
  windowStartedAt: integer("window_started_at", { mode: "timestamp_ms" }).notNull(),
});

export const prompts = sqliteTable(
  "prompts",
  {
    id: id(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    /** Unique per workspace; "/" separates folders, e.g. "support/triage". */
    name: text("name").notNull(),
    /** Fixed at creation; every version repeats it and a trigger keeps the two equal. */
    type: text("type", { enum: PROMPT_TYPES }).notNull(),
    description: text("description").notNull().default(""),
    tags: text("tags", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    archivedAt: integer("archived_at", { mode: "timestamp_ms" }),
    createdById: text("created_by_id").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" })
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (t) => [
    uniqueIndex("prompts_workspace_name").on(t.workspaceId, t.name),
    index("prompts_workspace_updated").on(t.workspaceId, t.updatedAt),
    check("prompts_type_valid", sql`${t.type} in ('text','chat')`),
  ],
);
export type Prompt = typeof prompts.$inferSelect;

export interface ChatMessageRecord {
  role: "system" | "user" | "assistant";
  content: string;
}

export interface ModelConfig {
  model?: string;
  temperature?: number;
  maxOutputTokens?: number;
  topP?: number;
  stopSequences?: string[];
  responseFormat?: { type: "text" } | { type: "json"; schema?: Record<string, unknown> };
  tools?: { name: string; description?: string; parameters: Record<string, unknown> }[];
}

/** Immutable: the database refuses UPDATE and DELETE on this table (see the triggers migration). */
export const promptVersions = sqliteTable(
  "prompt_versions",
  {
    id: id(),
    promptId: text("prompt_id")
      .notNull()
      .references(() => prompts.id),
    version: integer("version").notNull(),
    type: text("type", { enum: PROMPT_TYPES }).notNull(),
    template: text("template"),
    messages: text("messages", { mode: "json" }).$type<ChatMessageRecord[]>(),
    modelConfig: text("model_config", { mode: "json" }).$type<ModelConfig>().notNull().default(sql`'{}'`),
    commitMessage: text("commit_message").notNull(),
    authorId: text("author_id").references(() => users.id),
    parentVersion: integer("parent_version"),
    createdAt: createdAt(),
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

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: id(),
    /** Null for instance-level events such as first-run setup. */
    workspaceId: text("workspace_id").references(() => workspaces.id),
    actorUserId: text("actor_user_id").references(() => users.id),
    /** Who did it as shown to people, kept even if the actor is later renamed or is not a user (an API key). */
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    objectType: text("object_type").notNull(),
    objectId: text("object_id"),
    before: text("before", { mode: "json" }),
    after: text("after", { mode: "json" }),
    createdAt: createdAt(),
  },
  (t) => [index("audit_log_workspace_created").on(t.workspaceId, t.createdAt)],
);
export type AuditEntry = typeof auditLog.$inferSelect;

/** Model providers configured in a workspace's settings; keys are AES-256-GCM ciphertext, never sent to a browser. */
export const providerConfigs = sqliteTable(
  "provider_configs",
  {
    id: id(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    /** Prefix of model ids served by this provider, e.g. "ollama" in "ollama:llama3.1". */
    slug: text("slug").notNull(),
    kind: text("kind", { enum: PROVIDER_KINDS }).notNull(),
    label: text("label").notNull(),
    baseUrl: text("base_url"),
    apiKeyCiphertext: text("api_key_ciphertext"),
    models: text("models", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" })
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (t) => [uniqueIndex("provider_configs_workspace_slug").on(t.workspaceId, t.slug)],
);
export type ProviderConfigRow = typeof providerConfigs.$inferSelect;
