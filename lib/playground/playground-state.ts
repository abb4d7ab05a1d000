// The playground's client state: columns, shared variables, and each column's latest run. A reducer, so every
// change is a named action and the runner can read the latest state without stale closures. Pure and client-safe.
import type { ChatMessage } from "@/lib/platform/models/types";
import type { PromptContent } from "@/lib/core/vocabulary/prompt-content";
import { fromSettingsForm, toSettingsForm, type SettingsErrors } from "@/lib/prompts";
import type { RunEvent } from "@/lib/playground/run-events";
import type { ColumnSeed, ColumnSource, FollowUpTurn, JsonCheck, RunErrorView, RunSettings, RunStats, RunStatus, RunToolCall } from "@/lib/playground/types";

export const MAX_COLUMNS = 4;

export interface ColumnSettingsForm {
  temperature: string;
  maxOutputTokens: string;
  topP: string;
  stopSequences: string;
}

export interface ColumnRunState {
  status: "running" | RunStatus;
  runId: string | null;
  output: string;
  messages: ChatMessage[] | null;
  stats: RunStats | null;
  error: RunErrorView | null;
  json: JsonCheck | null;
  toolCalls: RunToolCall[];
}

export interface ColumnState {
  key: string;
  source: ColumnSource;
  modelId: string;
  settings: ColumnSettingsForm;
  /** Earlier turns of this column's conversation (assistant replies and user follow-ups), sent after the prompt. */
  followUps: FollowUpTurn[];
  run: ColumnRunState | null;
}

export interface PlaygroundState {
  columns: ColumnState[];
  variables: Record<string, string>;
  /** Keys come from the state, not a module counter, so server and client render the same element ids. */
  nextKey: number;
}

/** A column before the state gives it a key. */
export type NewColumn = Omit<ColumnState, "key">;

export function settingsFormFrom(settings: RunSettings): ColumnSettingsForm {
  const form = toSettingsForm(settings);
  return { temperature: form.temperature, maxOutputTokens: form.maxOutputTokens, topP: form.topP, stopSequences: form.stopSequences };
}

/** The settings a column sends, or the errors to show beside its fields. */
export function parseColumnSettings(form: ColumnSettingsForm): { settings: RunSettings; errors: SettingsErrors } {
  // Only the column's sampling fields: everything else (model, format, tools, guard policy) as an empty form has it.
  const { config, errors } = fromSettingsForm({ ...toSettingsForm({}), ...form });
  const settings: RunSettings = {};
  if (config.temperature !== undefined) settings.temperature = config.temperature;
  if (config.maxOutputTokens !== undefined) settings.maxOutputTokens = config.maxOutputTokens;
  if (config.topP !== undefined) settings.topP = config.topP;
  if (config.stopSequences) settings.stopSequences = config.stopSequences;
  return { settings, errors };
}

/** A column for a source, with the model and settings prefilled from that content's model config. */
export function columnFor({ source, content, defaultModel }: { source: ColumnSource; content: PromptContent | null; defaultModel: string }): NewColumn {
  const config = content?.modelConfig ?? {};
  return { source, modelId: config.model ?? defaultModel, settings: settingsFormFrom(config), followUps: [], run: null };
}

export function columnFromSeed(seed: ColumnSeed): NewColumn {
  return {
    source: seed.source,
    modelId: seed.modelId,
    settings: settingsFormFrom(seed.settings),
    followUps: seed.followUps,
    run: seed.run && {
      status: seed.run.status,
      runId: seed.run.id,
      output: seed.run.output,
      messages: seed.run.messages,
      stats: seed.run.stats,
      error: seed.run.error,
      json: seed.run.json,
      toolCalls: seed.run.toolCalls,
    },
  };
}

export function createPlaygroundState({ columns, variables }: { columns: NewColumn[]; variables: Record<string, string> }): PlaygroundState {
  return withKeys({ columns: [], variables, nextKey: 1 }, columns);
}

function withKeys(state: PlaygroundState, columns: NewColumn[]): PlaygroundState {
  const keyed = columns.slice(0, MAX_COLUMNS).map((column, i) => ({ ...column, key: `column-${state.nextKey + i}` }));
  return { ...state, columns: keyed, nextKey: state.nextKey + keyed.length };
}

export type PlaygroundAction =
  | { type: "add"; column: NewColumn }
  | { type: "duplicate"; key: string }
  | { type: "remove"; key: string }
  | { type: "replace-columns"; columns: NewColumn[] }
  | { type: "set-source"; key: string; source: ColumnSource; content: PromptContent | null; defaultModel: string }
  | { type: "set-model"; key: string; modelId: string }
  | { type: "set-setting"; key: string; field: keyof ColumnSettingsForm; value: string }
  | { type: "set-variable"; name: string; value: string }
  | { type: "load-variables"; values: Record<string, string> }
  | { type: "set-follow-ups"; key: string; followUps: FollowUpTurn[] }
  | { type: "clear-conversations" }
  | { type: "run-started"; key: string }
  | { type: "run-events"; key: string; events: RunEvent[] }
  | { type: "run-failed"; key: string; error: RunErrorView }
  | { type: "run-stopped"; key: string };

const idleStats: RunStats = {
  finishReason: null,
  inputTokens: null,
  outputTokens: null,
  usageEstimated: false,
  costUsd: null,
  timeToFirstTokenMs: null,
  latencyMs: null,
};

function updateColumn(state: PlaygroundState, key: string, update: (column: ColumnState) => ColumnState): PlaygroundState {
  return { ...state, columns: state.columns.map((column) => (column.key === key ? update(column) : column)) };
}

function updateRun(state: PlaygroundState, key: string, update: (run: ColumnRunState) => ColumnRunState): PlaygroundState {
  return updateColumn(state, key, (column) => (column.run ? { ...column, run: update(column.run) } : column));
}

function applyEvent(run: ColumnRunState, event: RunEvent): ColumnRunState {
  switch (event.type) {
    case "start":
      return { ...run, runId: event.runId, messages: event.messages };
    case "delta":
      return { ...run, output: run.output + event.text };
    case "done":
      return { ...run, status: "succeeded", stats: event.stats, toolCalls: event.toolCalls, json: event.json };
    case "error":
      return { ...run, status: event.status, stats: event.stats, error: event.status === "cancelled" ? null : event.error };
  }
}

export function playgroundReducer(state: PlaygroundState, action: PlaygroundAction): PlaygroundState {
  switch (action.type) {
    case "add":
      if (state.columns.length >= MAX_COLUMNS) return state;
      return { ...state, columns: [...state.columns, { ...action.column, key: `column-${state.nextKey}` }], nextKey: state.nextKey + 1 };
    case "duplicate": {
      const index = state.columns.findIndex((c) => c.key === action.key);
      const original = state.columns[index];
      if (!original || state.columns.length >= MAX_COLUMNS) return state;
      const copy: ColumnState = { ...original, key: `column-${state.nextKey}`, run: null };
      return { ...state, columns: [...state.columns.slice(0, index + 1), copy, ...state.columns.slice(index + 1)], nextKey: state.nextKey + 1 };
    }
    case "remove":
      return state.columns.length <= 1 ? state : { ...state, columns: state.columns.filter((c) => c.key !== action.key) };
    case "replace-columns":
      return withKeys(state, action.columns);
    case "set-source":
      return updateColumn(state, action.key, (column) => {
        const prefilled = columnFor({ source: action.source, content: action.content, defaultModel: action.defaultModel });
        return { ...column, source: action.source, modelId: prefilled.modelId, settings: prefilled.settings };
      });
    case "set-model":
      return updateColumn(state, action.key, (column) => ({ ...column, modelId: action.modelId }));
    case "set-setting":
      return updateColumn(state, action.key, (column) => ({ ...column, settings: { ...column.settings, [action.field]: action.value } }));
    case "set-variable":
      return { ...state, variables: { ...state.variables, [action.name]: action.value } };
    case "load-variables":
      return { ...state, variables: { ...state.variables, ...action.values } };
    case "set-follow-ups":
      return updateColumn(state, action.key, (column) => ({ ...column, followUps: action.followUps }));
    case "clear-conversations":
      return { ...state, columns: state.columns.map((column) => ({ ...column, followUps: [] })) };
    case "run-started":
      return updateColumn(state, action.key, (column) => ({
        ...column,
        run: { status: "running", runId: null, output: "", messages: null, stats: null, error: null, json: null, toolCalls: [] },
      }));
    case "run-events":
      return updateRun(state, action.key, (run) => action.events.reduce(applyEvent, run));
    case "run-failed":
      return updateRun(state, action.key, (run) => ({ ...run, status: "failed", error: action.error, stats: run.stats ?? idleStats }));
    case "run-stopped":
      return updateRun(state, action.key, (run) => (run.status === "running" ? { ...run, status: "cancelled" } : run));
  }
}
