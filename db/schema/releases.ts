import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "./dialect";
import { createdAt, ref, timestamp, optionalRef } from "./columns";
import { users, workspaceScoped } from "./identity";
import { prompts } from "./prompts";
import type { ComplianceGates, GateOverride, PromotionLintReport } from "../../lib/core/vocabulary/compliance";

// Environments, what each serves (pointers), deployments and promotion requests. db/schema/index.ts gathers every group.

export const environments = sqliteTable(
  "environments",
  {
    ...workspaceScoped(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    /** A protected environment only moves through an approved promotion request (or a lead's rollback). */
    isProtected: integer("is_protected", { mode: "boolean" }).notNull().default(false),
    position: integer("position").notNull().default(100),
    /** Eval gate: the candidate must reach this pass rate on this dataset before approval (enforced once evals exist). */
    gateDatasetId: text("gate_dataset_id"),
    gateMinPassRate: integer("gate_min_pass_rate"),
    /** Compliance gates an approval must pass next to the eval gate (issue 19); {} requires none. */
    complianceGates: text("compliance_gates", { mode: "json" }).$type<ComplianceGates>().notNull().default(sql`'{}'`),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("environments_workspace_slug").on(t.workspaceId, t.slug)],
);
export type Environment = typeof environments.$inferSelect;

/** What each environment serves now: at most one version per (environment, prompt). `latest` is derived, never stored. */
export const environmentPointers = sqliteTable(
  "environment_pointers",
  {
    environmentId: ref("environment_id", () => environments.id),
    promptId: ref("prompt_id", () => prompts.id),
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
    ...workspaceScoped(),
    environmentId: ref("environment_id", () => environments.id),
    promptId: ref("prompt_id", () => prompts.id),
    kind: text("kind", { enum: DEPLOYMENT_KINDS }).notNull(),
    fromVersion: integer("from_version"),
    toVersion: integer("to_version").notNull(),
    requestedById: optionalRef("requested_by_id", () => users.id),
    /** Shown to people: a user's name or "API key <name>". */
    requestedByLabel: text("requested_by_label").notNull(),
    approvedById: optionalRef("approved_by_id", () => users.id),
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
    ...workspaceScoped(),
    promptId: ref("prompt_id", () => prompts.id),
    environmentId: ref("environment_id", () => environments.id),
    version: integer("version").notNull(),
    /** The version the environment served when the request was made; approval is stale if it has moved since. */
    baseVersion: integer("base_version"),
    requestedById: optionalRef("requested_by_id", () => users.id),
    requestedByApiKeyId: text("requested_by_api_key_id"),
    requestedByLabel: text("requested_by_label").notNull(),
    comment: text("comment").notNull().default(""),
    status: text("status", { enum: PROMOTION_STATUSES }).notNull().default("pending"),
    decidedById: optionalRef("decided_by_id", () => users.id),
    decidedByLabel: text("decided_by_label"),
    decisionReason: text("decision_reason"),
    decidedAt: timestamp("decided_at"),
    /** The linter's report on the version when the request was made (issue 19). */
    lintReport: text("lint_report", { mode: "json" }).$type<PromotionLintReport>(),
    /** Set when an admin approved although compliance gates failed: who, why and which. */
    gateOverride: text("gate_override", { mode: "json" }).$type<GateOverride>(),
    createdAt: createdAt(),
  },
  (t) => [
    index("promotion_requests_workspace_status").on(t.workspaceId, t.status, t.createdAt),
    index("promotion_requests_prompt").on(t.promptId, t.createdAt),
  ],
);
export type PromotionRequest = typeof promotionRequests.$inferSelect;
