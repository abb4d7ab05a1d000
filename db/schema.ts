import { sql } from "drizzle-orm";
import { check, index, integer, real, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";

// Every id is a random UUID string; every time is a JS Date stored as integer milliseconds.
const id = () =>
  text("id")
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID());
const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .$defaultFn(() => new Date());

import { ROLES, type Role } from "../lib/core/roles";

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

/**
 * Where a version came from when it was not written here. An imported version is authored by the member who
 * imported it, at the time of the import; the file's own author and time are kept only as this record.
 */
export interface VersionProvenance {
  source: "import";
  /** The author the file named (an email), or null. Not a member of this workspace, necessarily. */
  author: string | null;
  /** The creation time the file gave, as written. */
  createdAt: string;
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

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: id(),
    /** Null for instance-level events such as first-run setup. */
    workspaceId: text("workspace_id").references(() => workspaces.id),
    /** The member who acted, also when they acted through one of their API keys. */
    actorUserId: text("actor_user_id").references(() => users.id),
    /** The API key the change was made with, if any (its creator is actorUserId). */
    actorApiKeyId: text("actor_api_key_id").references((): AnySQLiteColumn => apiKeys.id),
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

/**
 * Where a prompt is served: Development, Staging and Production are created with every workspace (by a
 * trigger, so no code path can forget them); admins add custom ones. The slug is the `label` of the API.
 */
export const environments = sqliteTable(
  "environments",
  {
    id: id(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    /** A protected environment only moves through an approved promotion request (or a lead's rollback). */
    isProtected: integer("is_protected", { mode: "boolean" }).notNull().default(false),
    position: integer("position").notNull().default(100),
    /** Eval gate: the candidate must reach this pass rate on this dataset before approval (enforced once evals exist). */
    gateDatasetId: text("gate_dataset_id"),
    gateMinPassRate: integer("gate_min_pass_rate"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("environments_workspace_slug").on(t.workspaceId, t.slug)],
);
export type Environment = typeof environments.$inferSelect;

/** What each environment serves now: at most one version per (environment, prompt). `latest` is derived, never stored. */
export const environmentPointers = sqliteTable(
  "environment_pointers",
  {
    environmentId: text("environment_id")
      .notNull()
      .references(() => environments.id),
    promptId: text("prompt_id")
      .notNull()
      .references(() => prompts.id),
    version: integer("version").notNull(),
    deploymentId: text("deployment_id").notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    uniqueIndex("environment_pointers_env_prompt").on(t.environmentId, t.promptId),
    index("environment_pointers_prompt").on(t.promptId),
  ],
);
export type EnvironmentPointer = typeof environmentPointers.$inferSelect;

export const DEPLOYMENT_KINDS = ["deploy", "promotion", "rollback"] as const;
export type DeploymentKind = (typeof DEPLOYMENT_KINDS)[number];

/** Append-only history of every move of an environment. */
export const deployments = sqliteTable(
  "deployments",
  {
    id: id(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    environmentId: text("environment_id")
      .notNull()
      .references(() => environments.id),
    promptId: text("prompt_id")
      .notNull()
      .references(() => prompts.id),
    kind: text("kind", { enum: DEPLOYMENT_KINDS }).notNull(),
    fromVersion: integer("from_version"),
    toVersion: integer("to_version").notNull(),
    requestedById: text("requested_by_id").references(() => users.id),
    /** Shown to people: a user's name or "API key <name>". */
    requestedByLabel: text("requested_by_label").notNull(),
    approvedById: text("approved_by_id").references(() => users.id),
    approvedByLabel: text("approved_by_label"),
    promotionRequestId: text("promotion_request_id"),
    comment: text("comment").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [
    index("deployments_prompt_created").on(t.promptId, t.createdAt),
    index("deployments_environment_created").on(t.environmentId, t.createdAt),
  ],
);
export type Deployment = typeof deployments.$inferSelect;

export const PROMOTION_STATUSES = ["pending", "approved", "rejected", "withdrawn", "stale"] as const;
export type PromotionStatus = (typeof PROMOTION_STATUSES)[number];

export const promotionRequests = sqliteTable(
  "promotion_requests",
  {
    id: id(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    promptId: text("prompt_id")
      .notNull()
      .references(() => prompts.id),
    environmentId: text("environment_id")
      .notNull()
      .references(() => environments.id),
    version: integer("version").notNull(),
    /** The version the environment served when the request was made; approval is stale if it has moved since. */
    baseVersion: integer("base_version"),
    requestedById: text("requested_by_id").references(() => users.id),
    requestedByApiKeyId: text("requested_by_api_key_id"),
    requestedByLabel: text("requested_by_label").notNull(),
    comment: text("comment").notNull().default(""),
    status: text("status", { enum: PROMOTION_STATUSES }).notNull().default("pending"),
    decidedById: text("decided_by_id").references(() => users.id),
    decidedByLabel: text("decided_by_label"),
    decisionReason: text("decision_reason"),
    decidedAt: integer("decided_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("promotion_requests_workspace_status").on(t.workspaceId, t.status, t.createdAt),
    index("promotion_requests_prompt").on(t.promptId, t.createdAt),
  ],
);
export type PromotionRequest = typeof promotionRequests.$inferSelect;

export const API_KEY_SCOPES = ["read", "read-write"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** Delivery API keys: only a SHA-256 of the secret is stored; the secret is shown once. */
export const apiKeys = sqliteTable(
  "api_keys",
  {
    id: id(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    name: text("name").notNull(),
    scope: text("scope", { enum: API_KEY_SCOPES }).notNull(),
    /** The first characters of the secret, to recognise a key in lists ("pos_3f9a…"). */
    prefix: text("prefix").notNull(),
    secretHash: text("secret_hash").notNull().unique(),
    /** The member the key belongs to: requests made with it are theirs, within their current role. */
    createdById: text("created_by_id").references(() => users.id),
    createdAt: createdAt(),
    lastUsedAt: integer("last_used_at", { mode: "timestamp_ms" }),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("api_keys_workspace").on(t.workspaceId)],
);
export type ApiKey = typeof apiKeys.$inferSelect;

/** Admin-registered URLs that get a signed POST on every deployment change. */
export const webhooks = sqliteTable(
  "webhooks",
  {
    id: id(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    url: text("url").notNull(),
    description: text("description").notNull().default(""),
    /** HMAC signing secret, AES-256-GCM sealed (the studio must read it back to sign). */
    secretCiphertext: text("secret_ciphertext").notNull(),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdById: text("created_by_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("webhooks_workspace").on(t.workspaceId)],
);
export type Webhook = typeof webhooks.$inferSelect;

export const WEBHOOK_DELIVERY_STATUSES = ["pending", "succeeded", "failed"] as const;

/** An outbox: one row per (event, webhook), written in the same transaction as the deployment it reports. */
export const webhookDeliveries = sqliteTable(
  "webhook_deliveries",
  {
    id: id(),
    webhookId: text("webhook_id")
      .notNull()
      .references(() => webhooks.id),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    event: text("event").notNull(),
    payload: text("payload").notNull(),
    status: text("status", { enum: WEBHOOK_DELIVERY_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }).notNull(),
    /** Set while a worker is sending it, so two processes never send the same attempt. */
    lockedUntil: integer("locked_until", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("webhook_deliveries_due").on(t.status, t.nextAttemptAt),
    index("webhook_deliveries_webhook").on(t.webhookId, t.createdAt),
  ],
);
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;

export const webhookAttempts = sqliteTable(
  "webhook_attempts",
  {
    id: id(),
    deliveryId: text("delivery_id")
      .notNull()
      .references(() => webhookDeliveries.id),
    attempt: integer("attempt").notNull(),
    statusCode: integer("status_code"),
    error: text("error"),
    durationMs: integer("duration_ms").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("webhook_attempts_delivery").on(t.deliveryId, t.attempt)],
);
export type WebhookAttempt = typeof webhookAttempts.$inferSelect;

/**
 * One row whose `epoch` triggers bump whenever anything the delivery API serves changes (a pointer moves, a
 * version is added, a prompt is renamed or archived, a key is revoked). Every process compares it with the epoch
 * its cache was filled at, so caches stay correct when several servers share the database file.
 */
export const deliveryState = sqliteTable("delivery_state", {
  id: integer("id").primaryKey(),
  epoch: integer("epoch").notNull(),
});

export const RUN_STATUSES = ["succeeded", "failed", "cancelled"] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** The settings a playground column sent with its call (the version's model config, as the column changed it). */
export interface RunSettings {
  temperature?: number;
  maxOutputTokens?: number;
  topP?: number;
  stopSequences?: string[];
}

/** A tool call a model made, as the playground shows it (tools have no implementation in the playground). */
export interface RunToolCall {
  toolCallId: string;
  toolName: string;
  input: unknown;
}

/**
 * One model call made from the playground: one column of one "Run". Written once, when the call ends (success,
 * error or cancel). `version` is null for a run of the editor's unsaved draft, whose content is then kept in
 * `draft_content` (a saved version's content is already in prompt_versions, so it is not copied).
 */
export const playgroundRuns = sqliteTable(
  "playground_runs",
  {
    id: id(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    promptId: text("prompt_id")
      .notNull()
      .references(() => prompts.id),
    /** The columns started by one press of Run share a batch id, so the whole comparison can be reopened. */
    batchId: text("batch_id").notNull(),
    /** 1-based position of the column in its batch. */
    columnIndex: integer("column_index").notNull(),
    version: integer("version"),
    /** SHA-256 of the normalised content (template or messages and model config), for drafts and versions alike. */
    contentHash: text("content_hash").notNull(),
    draftContent: text("draft_content", { mode: "json" }).$type<{
      type: PromptType;
      template: string | null;
      messages: ChatMessageRecord[] | null;
      modelConfig: ModelConfig;
    }>(),
    modelId: text("model_id").notNull(),
    settings: text("settings", { mode: "json" }).$type<RunSettings>().notNull(),
    variables: text("variables", { mode: "json" }).$type<Record<string, string>>().notNull(),
    /** Every message sent: the rendered prompt, then the follow-up turns of a continued conversation. */
    input: text("input", { mode: "json" }).$type<ChatMessageRecord[]>().notNull(),
    /** How many of `input` came from the prompt; the rest are the conversation's follow-up turns. */
    promptMessageCount: integer("prompt_message_count").notNull(),
    output: text("output").notNull().default(""),
    toolCalls: text("tool_calls", { mode: "json" }).$type<RunToolCall[]>().notNull().default(sql`'[]'`),
    status: text("status", { enum: RUN_STATUSES }).notNull(),
    finishReason: text("finish_reason"),
    inputTokens: integer("input_tokens"),
    outputTokens: integer("output_tokens"),
    usageEstimated: integer("usage_estimated", { mode: "boolean" }).notNull().default(false),
    /** USD; null when the model's price is unknown. */
    costUsd: real("cost_usd"),
    timeToFirstTokenMs: integer("time_to_first_token_ms"),
    latencyMs: integer("latency_ms"),
    errorCode: text("error_code"),
    /** The safe message the user saw; never a stack trace or a provider secret. */
    errorMessage: text("error_message"),
    userId: text("user_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("playground_runs_prompt_created").on(t.promptId, t.createdAt),
    index("playground_runs_batch").on(t.batchId, t.columnIndex),
    check("playground_runs_status_valid", sql`${t.status} in ('succeeded','failed','cancelled')`),
    check("playground_runs_draft_or_version", sql`(${t.version} is null) = (${t.draftContent} is not null)`),
  ],
);
export type PlaygroundRun = typeof playgroundRuns.$inferSelect;

/** Named values for a prompt's variables, saved from the playground and loaded back into it. */
export const variableSets = sqliteTable(
  "variable_sets",
  {
    id: id(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    promptId: text("prompt_id")
      .notNull()
      .references(() => prompts.id),
    name: text("name").notNull(),
    values: text("values", { mode: "json" }).$type<Record<string, string>>().notNull(),
    createdById: text("created_by_id").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" })
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (t) => [uniqueIndex("variable_sets_prompt_name").on(t.promptId, t.name)],
);
export type VariableSet = typeof variableSets.$inferSelect;

// ---------------------------------------------------------------------------------------------------------------
// Datasets and evaluations

/** A scorer as configured for a run (or suggested by a dataset). `params` are validated per type by lib/evals. */
export interface ScorerConfig {
  /** Stable key within the run, e.g. "contains-1"; results and charts group by it. */
  key: string;
  type: string;
  /** Shown in tables and charts, e.g. `contains "refund"`. */
  label: string;
  params: Record<string, unknown>;
  /** Minimum score (0..1) for a pass, when the scorer's own verdict is not already pass/fail. */
  threshold?: number;
  /** Inverts the verdict (promptfoo's `not-` prefix): passes when the check fails. Errors stay errors. */
  negate?: boolean;
}

/** A named list of test cases. */
export const datasets = sqliteTable(
  "datasets",
  {
    id: id(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    /** Scorers offered by default when a run is started on this dataset (e.g. from a promptfoo import). */
    defaultScorers: text("default_scorers", { mode: "json" }).$type<ScorerConfig[]>().notNull().default(sql`'[]'`),
    archivedAt: integer("archived_at", { mode: "timestamp_ms" }),
    createdById: text("created_by_id").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" })
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (t) => [uniqueIndex("datasets_workspace_name").on(t.workspaceId, t.name)],
);
export type Dataset = typeof datasets.$inferSelect;

/** One test case. Edits are audited; runs copy the case's contents (eval_run_cases), so results outlive edits. */
export const datasetCases = sqliteTable(
  "dataset_cases",
  {
    id: id(),
    datasetId: text("dataset_id")
      .notNull()
      .references(() => datasets.id),
    /** Display order, 1-based; gaps are allowed. */
    position: integer("position").notNull(),
    variables: text("variables", { mode: "json" }).$type<Record<string, string>>().notNull(),
    expectedOutput: text("expected_output"),
    tags: text("tags", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    note: text("note").notNull().default(""),
    /**
     * Checks that belong to this case alone (promptfoo's per-test `assert`), applied after the run's scorers. Their
     * keys are unique within the case; results group them by key like any other scorer.
     */
    assertions: text("assertions", { mode: "json" }).$type<ScorerConfig[]>().notNull().default(sql`'[]'`),
    /** The playground run this case was saved from, if any. */
    sourceRunId: text("source_run_id").references(() => playgroundRuns.id),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" })
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (t) => [index("dataset_cases_dataset_position").on(t.datasetId, t.position)],
);
export type DatasetCase = typeof datasetCases.$inferSelect;

export const EVAL_RUN_STATUSES = ["queued", "running", "interrupted", "cancelled", "completed", "failed"] as const;
export type EvalRunStatus = (typeof EVAL_RUN_STATUSES)[number];

/**
 * One evaluation: every target (a prompt version) over every case of a dataset snapshot, scored by `scorers`.
 * A worker holds a run while `heartbeat_at` is fresh; a run whose worker died is found "running" with a stale
 * heartbeat, marked "interrupted", and can be resumed without repeating finished cases.
 */
export const evalRuns = sqliteTable(
  "eval_runs",
  {
    id: id(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    datasetId: text("dataset_id")
      .notNull()
      .references(() => datasets.id),
    name: text("name").notNull().default(""),
    status: text("status", { enum: EVAL_RUN_STATUSES }).notNull().default("queued"),
    /** Model id for every target; null = each version's own model config. */
    modelId: text("model_id"),
    scorers: text("scorers", { mode: "json" }).$type<ScorerConfig[]>().notNull(),
    concurrency: integer("concurrency").notNull().default(4),
    caseTimeoutMs: integer("case_timeout_ms").notNull().default(60_000),
    maxRetries: integer("max_retries").notNull().default(3),
    /** targets × cases, fixed when the run is created. */
    totalCases: integer("total_cases").notNull(),
    /** "ui", "api" or "cli": where the run was started. */
    source: text("source").notNull().default("ui"),
    errorMessage: text("error_message"),
    createdById: text("created_by_id").references(() => users.id),
    /** Set when an API key started the run (the CI gate). */
    apiKeyId: text("api_key_id").references(() => apiKeys.id),
    createdAt: createdAt(),
    startedAt: integer("started_at", { mode: "timestamp_ms" }),
    finishedAt: integer("finished_at", { mode: "timestamp_ms" }),
    heartbeatAt: integer("heartbeat_at", { mode: "timestamp_ms" }),
    /** Which server process holds the run (random per process). */
    workerId: text("worker_id"),
  },
  (t) => [
    index("eval_runs_workspace_created").on(t.workspaceId, t.createdAt),
    index("eval_runs_dataset_created").on(t.datasetId, t.createdAt),
    index("eval_runs_status").on(t.status),
    check(
      "eval_runs_status_valid",
      sql`${t.status} in ('queued','running','interrupted','cancelled','completed','failed')`,
    ),
  ],
);
export type EvalRun = typeof evalRuns.$inferSelect;

/**
 * What a run evaluates: a prompt version, resolved when the run is created. `environment_id` is set when the
 * target was chosen as "what <environment> serves", so charts can show the quality each environment serves.
 */
export const evalRunTargets = sqliteTable(
  "eval_run_targets",
  {
    id: id(),
    runId: text("run_id")
      .notNull()
      .references(() => evalRuns.id),
    /** 1-based order of the target in the run. */
    position: integer("position").notNull(),
    promptId: text("prompt_id")
      .notNull()
      .references(() => prompts.id),
    version: integer("version").notNull(),
    environmentId: text("environment_id").references(() => environments.id),
    /** The model this target calls (the run's model or the version's own), resolved at creation. */
    modelId: text("model_id").notNull(),
  },
  (t) => [
    uniqueIndex("eval_run_targets_run_position").on(t.runId, t.position),
    index("eval_run_targets_prompt_version").on(t.promptId, t.version),
  ],
);
export type EvalRunTarget = typeof evalRunTargets.$inferSelect;

/** The exact contents of each case as the run used it (copied when the run is created). */
export const evalRunCases = sqliteTable(
  "eval_run_cases",
  {
    id: id(),
    runId: text("run_id")
      .notNull()
      .references(() => evalRuns.id),
    /** The dataset case it was copied from; may since have been edited or deleted. */
    caseId: text("case_id"),
    position: integer("position").notNull(),
    variables: text("variables", { mode: "json" }).$type<Record<string, string>>().notNull(),
    expectedOutput: text("expected_output"),
    tags: text("tags", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    assertions: text("assertions", { mode: "json" }).$type<ScorerConfig[]>().notNull().default(sql`'[]'`),
  },
  (t) => [uniqueIndex("eval_run_cases_run_position").on(t.runId, t.position)],
);
export type EvalRunCase = typeof evalRunCases.$inferSelect;

export const EVAL_RESULT_STATUSES = ["passed", "failed", "error", "unscored"] as const;
export type EvalResultStatus = (typeof EVAL_RESULT_STATUSES)[number];

/**
 * One case run against one target, committed the moment it completes. Unique on (target, case): a case is never
 * counted twice, and a resumed run skips every pair that already has a row.
 */
export const evalResults = sqliteTable(
  "eval_results",
  {
    id: id(),
    runId: text("run_id")
      .notNull()
      .references(() => evalRuns.id),
    targetId: text("target_id")
      .notNull()
      .references(() => evalRunTargets.id),
    runCaseId: text("run_case_id")
      .notNull()
      .references(() => evalRunCases.id),
    /**
     * "passed" when every scorer passed, "failed" when one did not, "error" when the call or a scorer errored,
     * "unscored" when the case had no scorer at all (neither pass nor fail; pass rates leave it out).
     */
    status: text("status", { enum: EVAL_RESULT_STATUSES }).notNull(),
    /** Mean of the scorers' scores (0..1); null for an error or an unscored case. */
    score: real("score"),
    /** The rendered prompt as sent (text, or chat messages as JSON). */
    renderedInput: text("rendered_input").notNull().default(""),
    output: text("output").notNull().default(""),
    inputTokens: integer("input_tokens"),
    outputTokens: integer("output_tokens"),
    costUsd: real("cost_usd"),
    latencyMs: integer("latency_ms"),
    /** Model calls made, retries included. */
    attempts: integer("attempts").notNull().default(1),
    errorCode: text("error_code"),
    errorMessage: text("error_message"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("eval_results_target_case").on(t.targetId, t.runCaseId),
    index("eval_results_run_status").on(t.runId, t.status),
    // Covering: a run target's pass rate, mean score, cost and latency read from the index, not the wide rows
    // (outputs, rendered prompts) of every result.
    index("eval_results_target_summary").on(t.targetId, t.status, t.score, t.costUsd, t.latencyMs),
    check("eval_results_status_valid", sql`${t.status} in ('passed','failed','error','unscored')`),
  ],
);
export type EvalResult = typeof evalResults.$inferSelect;

/** Each scorer's verdict on one result: a row per scorer, so per-scorer aggregates are plain SQL GROUP BYs. */
export const evalScores = sqliteTable(
  "eval_scores",
  {
    id: id(),
    resultId: text("result_id")
      .notNull()
      .references(() => evalResults.id),
    runId: text("run_id")
      .notNull()
      .references(() => evalRuns.id),
    targetId: text("target_id")
      .notNull()
      .references(() => evalRunTargets.id),
    scorerKey: text("scorer_key").notNull(),
    /** 0..1; null when the scorer errored (e.g. a judge reply that could not be parsed). */
    score: real("score"),
    passed: integer("passed", { mode: "boolean" }).notNull(),
    reason: text("reason").notNull().default(""),
    error: integer("error", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [
    uniqueIndex("eval_scores_result_scorer").on(t.resultId, t.scorerKey),
    index("eval_scores_target_scorer").on(t.targetId, t.scorerKey),
    index("eval_scores_run_scorer").on(t.runId, t.scorerKey),
    // Covering, for the dashboards: per-scorer rates per target, and a result's judge verdicts (human vs judge).
    index("eval_scores_target_summary").on(t.targetId, t.scorerKey, t.passed, t.score),
    index("eval_scores_result_summary").on(t.resultId, t.runId, t.scorerKey, t.score, t.passed, t.error),
  ],
);
export type EvalScore = typeof evalScores.$inferSelect;

// ---------------------------------------------------------------------------------------------------------------
// Production generations, end-user feedback, review queues and ratings

/** A generation an application made with a deployed prompt, reported through `POST /api/v1/generations`. */
export const generations = sqliteTable(
  "generations",
  {
    id: id(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    promptId: text("prompt_id")
      .notNull()
      .references(() => prompts.id),
    version: integer("version").notNull(),
    /** The environment the application fetched the prompt from, when it said so. */
    environmentId: text("environment_id").references(() => environments.id),
    variables: text("variables", { mode: "json" }).$type<Record<string, string>>().notNull(),
    output: text("output").notNull(),
    modelId: text("model_id").notNull().default(""),
    inputTokens: integer("input_tokens"),
    outputTokens: integer("output_tokens"),
    costUsd: real("cost_usd"),
    latencyMs: integer("latency_ms"),
    metadata: text("metadata", { mode: "json" }).$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
    apiKeyId: text("api_key_id").references(() => apiKeys.id),
    /**
     * How many end-user feedback reports the generation has and their mean score. Kept by a trigger on
     * generation_feedback (which is append-only), so it cannot drift; the dashboard reads it from an index instead of
     * looking up every generation's feedback.
     */
    feedbackCount: integer("feedback_count").notNull().default(0),
    feedbackScore: real("feedback_score"),
    createdAt: createdAt(),
  },
  (t) => [
    index("generations_workspace_created").on(t.workspaceId, t.createdAt),
    index("generations_prompt_version_created").on(t.promptId, t.version, t.createdAt),
    index("generations_environment_created").on(t.environmentId, t.createdAt),
    // Covering, for end-user feedback by environment: one environment's time range of a workspace's generations
    // with every column the dashboard filters on and the feedback summary, so neither the wide rows (outputs,
    // variables) nor the feedback rows are read.
    index("generations_workspace_environment_feedback").on(t.workspaceId, t.environmentId, t.createdAt, t.promptId, t.modelId, t.feedbackScore),
    // The models a workspace's generations used (the model filter menu), one seek per distinct model.
    index("generations_workspace_model").on(t.workspaceId, t.modelId),
  ],
);
export type Generation = typeof generations.$inferSelect;

/** End-user feedback on a generation (`POST /api/v1/feedback`). */
export const generationFeedback = sqliteTable(
  "generation_feedback",
  {
    id: id(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    generationId: text("generation_id")
      .notNull()
      .references(() => generations.id),
    /** 0..1 after normalisation (the API accepts a score and an optional scale). */
    score: real("score").notNull(),
    comment: text("comment").notNull().default(""),
    metadata: text("metadata", { mode: "json" }).$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
    apiKeyId: text("api_key_id").references(() => apiKeys.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("generation_feedback_generation").on(t.generationId),
    // Covering: a generation's feedback scores without reading the feedback rows (comments, metadata).
    index("generation_feedback_generation_score").on(t.generationId, t.score),
    index("generation_feedback_workspace_created").on(t.workspaceId, t.createdAt),
  ],
);
export type GenerationFeedback = typeof generationFeedback.$inferSelect;

/** A rating scheme, per queue. Pairwise queues compare two outputs for the same input. */
export type RatingScheme =
  | { type: "thumbs" }
  | { type: "scale"; min: 1; max: 5 }
  | {
      type: "rubric";
      criteria: { name: string; description: string; scale: "1-5" | "yes-no" }[];
    }
  | { type: "pairwise" };

export const reviewQueues = sqliteTable(
  "review_queues",
  {
    id: id(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    name: text("name").notNull(),
    instructions: text("instructions").notNull().default(""),
    scheme: text("scheme", { mode: "json" }).$type<RatingScheme>().notNull(),
    /** How many different reviewers must rate each item before it is done. */
    reviewersPerItem: integer("reviewers_per_item").notNull().default(1),
    /** The filter the queue was built from, kept to show where its items came from. */
    sourceFilter: text("source_filter", { mode: "json" }).$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
    archivedAt: integer("archived_at", { mode: "timestamp_ms" }),
    createdById: text("created_by_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("review_queues_workspace_name").on(t.workspaceId, t.name)],
);
export type ReviewQueue = typeof reviewQueues.$inferSelect;

export const reviewQueueAssignees = sqliteTable(
  "review_queue_assignees",
  {
    queueId: text("queue_id")
      .notNull()
      .references(() => reviewQueues.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
  },
  (t) => [uniqueIndex("review_queue_assignees_pk").on(t.queueId, t.userId), index("review_queue_assignees_user").on(t.userId)],
);

export const REVIEW_SOURCE_TYPES = ["eval-result", "playground-run", "generation"] as const;
export type ReviewSourceType = (typeof REVIEW_SOURCE_TYPES)[number];

/**
 * An output to rate, copied from its source when added (so it reads the same after the source changes). For
 * pairwise queues `pair_*` holds the second output; `pair_swapped` (random, fixed when added) says whether the
 * source is shown on the right. Unique on (queue, source, pair source): nothing is added to a queue twice.
 */
export const reviewItems = sqliteTable(
  "review_items",
  {
    id: id(),
    queueId: text("queue_id")
      .notNull()
      .references(() => reviewQueues.id),
    position: integer("position").notNull(),
    sourceType: text("source_type", { enum: REVIEW_SOURCE_TYPES }).notNull(),
    sourceId: text("source_id").notNull(),
    /** '' when the item is not pairwise (SQLite treats NULLs as distinct in unique indexes). */
    pairSourceId: text("pair_source_id").notNull().default(""),
    promptId: text("prompt_id").references(() => prompts.id),
    version: integer("version"),
    environmentId: text("environment_id").references(() => environments.id),
    modelId: text("model_id").notNull().default(""),
    variables: text("variables", { mode: "json" }).$type<Record<string, string>>().notNull(),
    renderedPrompt: text("rendered_prompt").notNull().default(""),
    output: text("output").notNull(),
    pairVersion: integer("pair_version"),
    pairModelId: text("pair_model_id"),
    pairOutput: text("pair_output"),
    pairSwapped: integer("pair_swapped", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("review_items_queue_source").on(t.queueId, t.sourceType, t.sourceId, t.pairSourceId),
    index("review_items_queue_position").on(t.queueId, t.position),
    index("review_items_prompt_version").on(t.promptId, t.version),
    // The models a queue's items came from (the model filter menu), one seek per distinct model.
    index("review_items_queue_model").on(t.queueId, t.modelId),
  ],
);
export type ReviewItem = typeof reviewItems.$inferSelect;

/** The value a reviewer gave, by scheme. For pairwise, "A" is the item's source and "B" its pair, whatever the sides. */
export type RatingValue =
  | { type: "thumbs"; up: boolean }
  | { type: "scale"; value: number }
  | { type: "rubric"; criteria: Record<string, number> }
  | { type: "pairwise"; choice: "A" | "B" | "tie" };

/** One reviewer's rating of one item; unique per (item, reviewer), so a double submit updates, never adds. */
export const ratings = sqliteTable(
  "ratings",
  {
    id: id(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    queueId: text("queue_id")
      .notNull()
      .references(() => reviewQueues.id),
    itemId: text("item_id")
      .notNull()
      .references(() => reviewItems.id),
    reviewerId: text("reviewer_id")
      .notNull()
      .references(() => users.id),
    value: text("value", { mode: "json" }).$type<RatingValue>().notNull(),
    /** The rating normalised to 0..1 (thumbs 0/1, scale (v-1)/4, rubric mean); null for pairwise. */
    score: real("score"),
    comment: text("comment").notNull().default(""),
    tags: text("tags", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" })
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (t) => [
    uniqueIndex("ratings_item_reviewer").on(t.itemId, t.reviewerId),
    index("ratings_queue_reviewer").on(t.queueId, t.reviewerId),
    index("ratings_workspace_created").on(t.workspaceId, t.createdAt),
  ],
);
export type Rating = typeof ratings.$inferSelect;

/** One row per rubric criterion (or the single score of other schemes), for per-criterion SQL aggregates. */
export const ratingScores = sqliteTable(
  "rating_scores",
  {
    ratingId: text("rating_id")
      .notNull()
      .references(() => ratings.id),
    criterion: text("criterion").notNull(),
    /** The raw value on the criterion's own scale (1-5, or 0/1 for yes-no and thumbs). */
    value: real("value").notNull(),
    /** The value normalised to 0..1. */
    score: real("score").notNull(),
  },
  (t) => [
    uniqueIndex("rating_scores_rating_criterion").on(t.ratingId, t.criterion),
    index("rating_scores_criterion").on(t.criterion),
    // Covering, for the rubric charts: a rating's criterion scores without reading the rows.
    index("rating_scores_rating_criterion_score").on(t.ratingId, t.criterion, t.score),
  ],
);
export type RatingScore = typeof ratingScores.$inferSelect;

/** The workspace's list of feedback tags ("hallucination", "off-tone", "unsafe"…). */
export const feedbackTags = sqliteTable(
  "feedback_tags",
  {
    id: id(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id),
    name: text("name").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("feedback_tags_workspace_name").on(t.workspaceId, t.name)],
);
export type FeedbackTag = typeof feedbackTags.$inferSelect;
