// JSON response formats and tool calls: what streamCompletion asks the provider for, and what it hands back.
import type { LanguageModelV3CallOptions, LanguageModelV3StreamPart } from "@ai-sdk/provider";
import { MockLanguageModelV3 } from "ai/test";
import { describe, expect, it } from "vitest";
import { streamCompletion } from "./stream-completion";

const usage = {
  inputTokens: { total: 10, noCache: 10, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: 5, text: 5, reasoning: 0 },
};

function modelStreaming(parts: LanguageModelV3StreamPart[]) {
  const calls: LanguageModelV3CallOptions[] = [];
  const model = new MockLanguageModelV3({
    doStream: async (options) => {
      calls.push(options);
      return {
        stream: new ReadableStream({
          start(controller) {
            for (const part of parts) controller.enqueue(part);
            controller.close();
          },
        }),
      };
    },
  });
  return { model, calls };
}

const textParts = (...deltas: string[]): LanguageModelV3StreamPart[] => [
  { type: "stream-start", warnings: [] },
  { type: "text-start", id: "t" },
  ...deltas.map((delta): LanguageModelV3StreamPart => ({ type: "text-delta", id: "t", delta })),
  { type: "text-end", id: "t" },
  { type: "finish", finishReason: { unified: "stop", raw: "stop" }, usage },
];

describe("streamCompletion with structured output", () => {
  it("asks for JSON with the schema and streams the text deltas unchanged", async () => {
    const schema = { type: "object", properties: { label: { type: "string" } }, required: ["label"] };
    const { model, calls } = modelStreaming(textParts('{"la', 'bel": ', '"bug"}'));
    const deltas: string[] = [];
    const result = await streamCompletion({
      model,
      modelId: "mock:json",
      providerLabel: "Mock",
      messages: [{ role: "user", content: "Classify" }],
      responseFormat: { type: "json", schema },
      onDelta: (delta) => deltas.push(delta),
    });
    expect(calls[0]?.responseFormat).toEqual({ type: "json", schema });
    expect(deltas).toEqual(['{"la', 'bel": ', '"bug"}']);
    expect(result.text).toBe('{"label": "bug"}');
    expect(result.toolCalls).toEqual([]);
  });

  it("offers tools without running them and returns the model's tool calls", async () => {
    const { model, calls } = modelStreaming([
      { type: "stream-start", warnings: [] },
      { type: "tool-call", toolCallId: "call-1", toolName: "lookup_order", input: '{"orderId":"A-17"}' },
      { type: "finish", finishReason: { unified: "tool-calls", raw: "tool_calls" }, usage },
    ]);
    const result = await streamCompletion({
      model,
      modelId: "mock:tools",
      providerLabel: "Mock",
      messages: [{ role: "user", content: "Where is order A-17?" }],
      tools: [{ name: "lookup_order", description: "Finds an order", parameters: { type: "object", properties: { orderId: { type: "string" } } } }],
    });
    expect(calls[0]?.tools).toEqual([
      expect.objectContaining({ type: "function", name: "lookup_order", description: "Finds an order", inputSchema: expect.objectContaining({ type: "object" }) }),
    ]);
    expect(result.toolCalls).toEqual([{ toolCallId: "call-1", toolName: "lookup_order", input: { orderId: "A-17" } }]);
    expect(result.finishReason).toBe("tool-calls");
    expect(result.text).toBe("");
    expect(result.timeToFirstTokenMs).not.toBeNull();
  });

  it("sends no response format or tools when none are given", async () => {
    const { model, calls } = modelStreaming(textParts("hi"));
    await streamCompletion({ model, modelId: "mock:text", providerLabel: "Mock", messages: [{ role: "user", content: "hi" }] });
    expect(calls[0]?.responseFormat).toBeUndefined();
    expect(calls[0]?.tools).toBeUndefined();
  });
});
