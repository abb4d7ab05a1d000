import { sql } from "drizzle-orm";
import { check, index, integer, real, sqliteTable, text, uniqueIndex } from "./dialect";
import { createdAt, ref, updatedAt, optionalRef } from "./columns";
import { users, workspaceScoped } from "./identity";
import { ChatMessageRecord, ModelConfig, PromptType, prompts } from "./prompts";
import type { RunSettings, RunToolCall } from "../../lib/core/vocabulary/run-settings";

import { RUN_STATUSES, type RunStatus } from "../../lib/core/vocabulary/run-statuses";

export { type RunSettings, type RunToolCall, RUN_STATUSES, type RunStatus };

// Playground runs and saved variable sets. db/schema/index.ts gathers every group.


/**
 * One model call made from the playground: one column of one "Run". Written once, when the call ends (success,
 * error or cancel). `version` is null for a run of the editor's unsaved draft, whose content is then kept in
 * `draft_content` (a saved version's content is already in prompt_versions, so it is not copied).
 */
export const playgroundRuns = sqliteTable(
  "playground_runs",
  {
    ...workspaceScoped(),
    promptId: ref("prompt_id", () => prompts.id),
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
    userId: optionalRef("user_id", () => users.id),
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
    ...workspaceScoped(),
    promptId: ref("prompt_id", () => prompts.id),
    name: text("name").notNull(),
    values: text("values", { mode: "json" }).$type<Record<string, string>>().notNull(),
    createdById: optionalRef("created_by_id", () => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("variable_sets_prompt_name").on(t.promptId, t.name)],
);
export type VariableSet = typeof variableSets.$inferSelect;
