import { sql } from "drizzle-orm";
import { index, integer, real, sqliteTable, text } from "./dialect";
import { createdAt, ref, optionalRef } from "./columns";
import { workspaceScoped } from "./identity";
import { prompts } from "./prompts";
import { apiKeys } from "./platform";
import { environments } from "./releases";

// Production generations and end-user feedback. db/schema/index.ts gathers every group.

// ---------------------------------------------------------------------------------------------------------------
// Production generations and end-user feedback

/** A generation an application made with a deployed prompt, reported through `POST /api/v1/generations`. */
export const generations = sqliteTable(
  "generations",
  {
    ...workspaceScoped(),
    promptId: ref("prompt_id", () => prompts.id),
    version: integer("version").notNull(),
    /** The environment the application fetched the prompt from, when it said so. */
    environmentId: optionalRef("environment_id", () => environments.id),
    variables: text("variables", { mode: "json" }).$type<Record<string, string>>().notNull(),
    output: text("output").notNull(),
    modelId: text("model_id").notNull().default(""),
    inputTokens: integer("input_tokens"),
    outputTokens: integer("output_tokens"),
    costUsd: real("cost_usd"),
    latencyMs: integer("latency_ms"),
    metadata: text("metadata", { mode: "json" }).$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
    apiKeyId: optionalRef("api_key_id", () => apiKeys.id),
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
    ...workspaceScoped(),
    generationId: ref("generation_id", () => generations.id),
    /** 0..1 after normalisation (the API accepts a score and an optional scale). */
    score: real("score").notNull(),
    comment: text("comment").notNull().default(""),
    metadata: text("metadata", { mode: "json" }).$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
    apiKeyId: optionalRef("api_key_id", () => apiKeys.id),
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
