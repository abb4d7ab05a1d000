import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from "./dialect";
import { id, createdAt, ref, updatedAt, timestamp, optionalRef } from "./columns";
import { users, workspaceScoped, workspaces } from "./identity";

// Audit log, provider settings, API keys and webhooks (outbox, deliveries, attempts). db/schema/index.ts gathers every group.

export const PROVIDER_KINDS = ["openai", "anthropic", "openai-compatible"] as const;

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: id(),
    /** Null for instance-level events such as first-run setup. */
    workspaceId: optionalRef("workspace_id", () => workspaces.id),
    /** The member who acted, also when they acted through one of their API keys. */
    actorUserId: optionalRef("actor_user_id", () => users.id),
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
    ...workspaceScoped(),
    /** Prefix of model ids served by this provider, e.g. "ollama" in "ollama:llama3.1". */
    slug: text("slug").notNull(),
    kind: text("kind", { enum: PROVIDER_KINDS }).notNull(),
    label: text("label").notNull(),
    baseUrl: text("base_url"),
    apiKeyCiphertext: text("api_key_ciphertext"),
    models: text("models", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("provider_configs_workspace_slug").on(t.workspaceId, t.slug)],
);
export type ProviderConfigRow = typeof providerConfigs.$inferSelect;

/**
 * Where a prompt is served: Development, Staging and Production are created with every workspace (by a
 * trigger, so no code path can forget them); admins add custom ones. The slug is the `label` of the API.
 */
export const API_KEY_SCOPES = ["read", "read-write"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** Delivery API keys: only a SHA-256 of the secret is stored; the secret is shown once. */
export const apiKeys = sqliteTable(
  "api_keys",
  {
    ...workspaceScoped(),
    name: text("name").notNull(),
    scope: text("scope", { enum: API_KEY_SCOPES }).notNull(),
    /** The first characters of the secret, to recognise a key in lists ("pos_3f9a…"). */
    prefix: text("prefix").notNull(),
    secretHash: text("secret_hash").notNull().unique(),
    /** The member the key belongs to: requests made with it are theirs, within their current role. */
    createdById: optionalRef("created_by_id", () => users.id),
    createdAt: createdAt(),
    lastUsedAt: timestamp("last_used_at"),
    revokedAt: timestamp("revoked_at"),
  },
  (t) => [index("api_keys_workspace").on(t.workspaceId)],
);
export type ApiKey = typeof apiKeys.$inferSelect;

/** Admin-registered URLs that get a signed POST on every deployment change. */
export const webhooks = sqliteTable(
  "webhooks",
  {
    ...workspaceScoped(),
    url: text("url").notNull(),
    description: text("description").notNull().default(""),
    /** HMAC signing secret, AES-256-GCM sealed (the studio must read it back to sign). */
    secretCiphertext: text("secret_ciphertext").notNull(),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdById: optionalRef("created_by_id", () => users.id),
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
    webhookId: ref("webhook_id", () => webhooks.id),
    workspaceId: ref("workspace_id", () => workspaces.id),
    event: text("event").notNull(),
    payload: text("payload").notNull(),
    status: text("status", { enum: WEBHOOK_DELIVERY_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }).notNull(),
    /** Set while a worker is sending it, so two processes never send the same attempt. */
    lockedUntil: timestamp("locked_until"),
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
    deliveryId: ref("delivery_id", () => webhookDeliveries.id),
    attempt: integer("attempt").notNull(),
    statusCode: integer("status_code"),
    error: text("error"),
    durationMs: integer("duration_ms").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("webhook_attempts_delivery").on(t.deliveryId, t.attempt)],
);
export type WebhookAttempt = typeof webhookAttempts.$inferSelect;
