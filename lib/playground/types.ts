// Shapes the playground's server code hands to the browser. Client-safe: no server imports.
import type { RunSettings, RunStatus, RunToolCall } from "@/db/schema";
import type { ChatMessage } from "@/lib/platform/models/types";
import type { PromptContent } from "@/lib/core/vocabulary/prompt-content";
import type { PromptVariable } from "@/lib/core/templates";

export type { RunSettings, RunStatus, RunToolCall };

export interface RunStats {
  finishReason: string | null;
  inputTokens: number | null;
  outputTokens: number | null;
  /** True when the provider reported no token counts and they were estimated. */
  usageEstimated: boolean;
  /** USD; null when the model's price is unknown. */
  costUsd: number | null;
  timeToFirstTokenMs: number | null;
  latencyMs: number | null;
}

export interface RunErrorView {
  message: string;
  code: string;
  /** From a provider's 429: when to try again. */
  retryAfterSeconds: number | null;
}

/** The result of checking a JSON response format: does the text parse, and does it match the version's schema? */
export interface JsonCheck {
  parses: boolean;
  parseError: string | null;
  /** False when the response format has no schema, so only parsing was checked. */
  schemaChecked: boolean;
  violations: { path: string; message: string }[];
}

/** A finished (or stopped) run as a column shows it. */
export interface RunView {
  id: string;
  status: RunStatus;
  output: string;
  toolCalls: RunToolCall[];
  messages: ChatMessage[];
  stats: RunStats;
  error: RunErrorView | null;
  json: JsonCheck | null;
}

/** A turn of a continued conversation, sent after the rendered prompt. */
export interface FollowUpTurn {
  role: "user" | "assistant";
  content: string;
}

export type ColumnSource = { kind: "version"; version: number } | { kind: "draft" };

/** A column the playground opens with, e.g. from a reopened run. */
export interface ColumnSeed {
  source: ColumnSource;
  modelId: string;
  settings: RunSettings;
  /** The follow-up turns of the conversation before this run. */
  followUps: FollowUpTurn[];
  run: RunView | null;
}

export interface ReopenedBatch {
  variables: Record<string, string>;
  /** The draft the batch ran, if any of its columns ran one. */
  draft: PromptContent | null;
  columns: ColumnSeed[];
}

export interface VariableSetView {
  id: string;
  name: string;
  values: Record<string, string>;
}

export interface RunHistoryRow {
  id: string;
  batchId: string;
  createdAt: string;
  userName: string;
  version: number | null;
  modelId: string;
  status: RunStatus;
  latencyMs: number | null;
  timeToFirstTokenMs: number | null;
  inputTokens: number | null;
  outputTokens: number | null;
  costUsd: number | null;
  outputPreview: string;
  errorMessage: string | null;
}

export interface RunHistoryPage {
  rows: RunHistoryRow[];
  total: number;
  page: number;
  pageCount: number;
  /** Every model this prompt has runs for, for the filter. */
  models: string[];
}

/** What the playground page hands its client component. */
export interface PlaygroundData {
  prompt: { id: string; name: string; type: PromptContent["type"] };
  /** Newest first, each with its variables: its own and its partials' (read when the page loaded). */
  versions: { version: number; commitMessage: string; content: PromptContent; variables: PromptVariable[] }[];
  models: { id: string; label: string }[];
  defaultModel: string;
  canRun: boolean;
  variableSets: VariableSetView[];
  /** A reopened run's batch, with the variables of the draft it ran (its partials' included). */
  reopened: (ReopenedBatch & { draftVariables: PromptVariable[] }) | null;
}
