import { describe, expect, it } from "vitest";
import type { PromptContent } from "@/lib/core/vocabulary/prompt-content";
import { columnFor, createPlaygroundState, MAX_COLUMNS, parseColumnSettings, playgroundReducer, type PlaygroundState } from "./playground-state";

const v1: PromptContent = { type: "text", template: "Hi {{name}}", messages: null, modelConfig: { model: "openai:gpt-4o", temperature: 0.2, maxOutputTokens: 300 } };
const v2: PromptContent = { type: "text", template: "Hey {{name}}", messages: null, modelConfig: {} };

function start(): PlaygroundState {
  return createPlaygroundState({ columns: [columnFor({ source: { kind: "version", version: 1 }, content: v1, defaultModel: "offline:demo" })], variables: {} });
}

describe("playground columns", () => {
  it("prefills a column's model and settings from the version's model config, or the workspace default", () => {
    const [column] = start().columns;
    expect(column).toMatchObject({ key: "column-1", modelId: "openai:gpt-4o", settings: { temperature: "0.2", maxOutputTokens: "300", topP: "" } });
    const switched = playgroundReducer(start(), { type: "set-source", key: "column-1", source: { kind: "version", version: 2 }, content: v2, defaultModel: "offline:demo" });
    expect(switched.columns[0]).toMatchObject({ source: { kind: "version", version: 2 }, modelId: "offline:demo", settings: { temperature: "" } });
  });

  it("adds, duplicates (right after the original, without its result) and removes, between 1 and 4 columns", () => {
    let state = start();
    state = playgroundReducer(state, { type: "set-model", key: "column-1", modelId: "anthropic:claude-haiku-4-5" });
    state = playgroundReducer(state, { type: "run-started", key: "column-1" });
    state = playgroundReducer(state, { type: "add", column: columnFor({ source: { kind: "draft" }, content: v2, defaultModel: "offline:demo" }) });
    state = playgroundReducer(state, { type: "duplicate", key: "column-1" });
    expect(state.columns.map((c) => [c.key, c.modelId, c.run?.status ?? null])).toEqual([
      ["column-1", "anthropic:claude-haiku-4-5", "running"],
      ["column-3", "anthropic:claude-haiku-4-5", null],
      ["column-2", "offline:demo", null],
    ]);
    state = playgroundReducer(state, { type: "add", column: columnFor({ source: { kind: "draft" }, content: v2, defaultModel: "x:y" }) });
    expect(state.columns).toHaveLength(MAX_COLUMNS);
    expect(playgroundReducer(state, { type: "duplicate", key: "column-1" })).toBe(state);
    for (const key of ["column-1", "column-2", "column-3"]) state = playgroundReducer(state, { type: "remove", key });
    expect(state.columns.map((c) => c.key)).toEqual(["column-4"]);
    expect(playgroundReducer(state, { type: "remove", key: "column-4" })).toBe(state);
  });

  it("applies a run's events: start, deltas, then done or a failure", () => {
    let state = playgroundReducer(start(), { type: "run-started", key: "column-1" });
    state = playgroundReducer(state, {
      type: "run-events",
      key: "column-1",
      events: [
        { type: "start", runId: "r1", messages: [{ role: "user", content: "Hi Ada" }] },
        { type: "delta", text: "Hel" },
        { type: "delta", text: "lo" },
      ],
    });
    expect(state.columns[0]!.run).toMatchObject({ status: "running", runId: "r1", output: "Hello" });
    const stats = { finishReason: "stop", inputTokens: 3, outputTokens: 2, usageEstimated: false, costUsd: 0, timeToFirstTokenMs: 5, latencyMs: 9 };
    const done = playgroundReducer(state, { type: "run-events", key: "column-1", events: [{ type: "done", runId: "r1", stats, toolCalls: [], json: null }] });
    expect(done.columns[0]!.run).toMatchObject({ status: "succeeded", stats });
    const stopped = playgroundReducer(state, { type: "run-stopped", key: "column-1" });
    expect(stopped.columns[0]!.run).toMatchObject({ status: "cancelled", output: "Hello" });
  });

  it("validates a column's settings like the editor does", () => {
    expect(parseColumnSettings({ temperature: "0.5", maxOutputTokens: "64", topP: "", stopSequences: "" })).toEqual({ settings: { temperature: 0.5, maxOutputTokens: 64 }, errors: {} });
    expect(parseColumnSettings({ temperature: "3", maxOutputTokens: "1.5", topP: "", stopSequences: "" }).errors).toEqual({
      temperature: "Enter a value from 0 to 2.",
      maxOutputTokens: "Enter a whole number.",
    });
  });
});
