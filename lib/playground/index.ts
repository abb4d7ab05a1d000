// The client-safe surface of lib/playground/: types and pure helpers that components, pages, scripts, workers and the
// features above it may import without loading the server. It is one of the feature's three surfaces: this file,
// server.ts (loaders and what the server calls) and actions.ts (the server actions client code calls). Nothing
// outside lib/playground/ imports its other files; .dependency-cruiser.cjs fails the lint if it does.

export { summariseFailures } from "./failure-summary";
export { formatCost, formatCostDelta, formatMs, formatTokens } from "./format-stats";
export { parseJsonOutput } from "./json-output";
export { MAX_COLUMNS, columnFor, columnFromSeed, createPlaygroundState, parseColumnSettings, playgroundReducer } from "./playground-state";
export type { ColumnSettingsForm, ColumnState, PlaygroundAction, PlaygroundState } from "./playground-state";
export { readRunEvents } from "./run-events";
export type { RunEvent } from "./run-events";
export { runColumnSchema, runHistoryQuerySchema } from "./schemas";
export type { RunColumnInput } from "./schemas";
export type { ColumnSource, FollowUpTurn, JsonCheck, PlaygroundData, RunErrorView, RunHistoryPage, RunStats, RunStatus, RunToolCall, VariableSetView } from "./types";
export { parseRunParam, playgroundHref } from "./urls";
