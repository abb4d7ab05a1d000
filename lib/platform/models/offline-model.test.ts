import type { LanguageModelV3CallOptions, LanguageModelV3Prompt, LanguageModelV3StreamPart } from "@ai-sdk/provider";
import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/core/errors";
import { isCancelledError } from "./model-errors";
import { OfflineModel, composeOfflineReply } from "./offline-model";
import { streamCompletion } from "./stream-completion";

const prompt: LanguageModelV3Prompt = [
  { role: "system", content: "You are a concise support assistant." },
  { role: "user", content: [{ type: "text", text: "Summarise our refund policy for customers in Germany. Keep it friendly." }] },
];

// tsconfig's DOM lib types ReadableStream without Symbol.asyncIterator, so read it by hand.
async function* iterate<T>(stream: ReadableStream<T>): AsyncGenerator<T> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

async function collect(options: LanguageModelV3CallOptions, model = new OfflineModel({ chunkDelayMs: 0 })) {
  const { stream } = await model.doStream(options);
  const parts: LanguageModelV3StreamPart[] = [];
  for await (const part of iterate(stream)) parts.push(part);
  const deltas = parts.flatMap((part) => (part.type === "text-delta" ? [part.delta] : []));
  const finish = parts.find((part) => part.type === "finish");
  if (!finish || finish.type !== "finish") throw new Error("no finish part");
  return { text: deltas.join(""), deltas, finish };
}

describe("OfflineModel", () => {
  it("identifies itself as the offline demo model", () => {
    const model = new OfflineModel();
    expect(model.specificationVersion).toBe("v3");
    expect(model.provider).toBe("offline");
    expect(model.modelId).toBe("demo");
  });

  it("answers deterministically with a clearly labelled reply derived from the prompt", async () => {
    const first = await collect({ prompt });
    const second = await collect({ prompt });
    expect(first.text).toBe(second.text);
    expect(first.text.startsWith("[Offline demo model]")).toBe(true);
    expect(first.text).toContain('You asked: "Summarise our refund policy for customers in Germany."');
    expect(first.text).toContain("Your message has 11 words and 71 characters");
    expect(first.text).toContain("2 messages including 1 system message");

    const other = await collect({ prompt: [{ role: "user", content: [{ type: "text", text: "Hello there" }] }] });
    expect(other.text).not.toBe(first.text);
  });

  it("counts unfilled template variables", () => {
    const text = composeOfflineReply([
      { role: "user", content: [{ type: "text", text: "Write to {{name}} about {{ topic }} and {{name}}" }] },
    ]);
    expect(text).toContain("Unfilled variables (2): {{name}}, {{ topic }}.");
  });

  it("streams in several word chunks that add up to the generated text", async () => {
    const streamed = await collect({ prompt });
    expect(streamed.deltas.length).toBeGreaterThan(10);
    const generated = await new OfflineModel({ chunkDelayMs: 0 }).doGenerate({ prompt });
    expect(generated.content).toEqual([{ type: "text", text: streamed.text }]);
    expect(generated.finishReason.unified).toBe("stop");
  });

  it("reports usage and a stop finish reason", async () => {
    const { deltas, finish } = await collect({ prompt });
    expect(finish.finishReason.unified).toBe("stop");
    expect(finish.usage.outputTokens.total).toBe(deltas.length);
    // System + user text: 6 + 14 word/punctuation tokens.
    expect(finish.usage.inputTokens.total).toBe(20);
  });

  it("stops at maxOutputTokens with finish reason length", async () => {
    const { deltas, text, finish } = await collect({ prompt, maxOutputTokens: 5 });
    expect(deltas).toHaveLength(5);
    expect(text).toBe("[Offline demo model] This is ");
    expect(finish.finishReason.unified).toBe("length");
    expect(finish.usage.outputTokens.total).toBe(5);
  });

  it("honours stop sequences", async () => {
    const { text, finish } = await collect({ prompt, stopSequences: ["Your message"] });
    expect(text).toContain("You asked:");
    expect(text).not.toContain("Your message");
    expect(finish.finishReason).toEqual({ unified: "stop", raw: "stop_sequence" });
  });

  it("waits the configured delay between chunks", async () => {
    const started = performance.now();
    const { deltas } = await collect({ prompt, maxOutputTokens: 6 }, new OfflineModel({ chunkDelayMs: 20 }));
    expect(deltas).toHaveLength(6);
    expect(performance.now() - started).toBeGreaterThanOrEqual(6 * 20 - 5);
  });

  it("stops streaming when aborted", async () => {
    const controller = new AbortController();
    const model = new OfflineModel({ chunkDelayMs: 10 });
    const { stream } = await model.doStream({ prompt, abortSignal: controller.signal });
    const deltas: string[] = [];
    const read = (async () => {
      for await (const part of iterate(stream)) {
        if (part.type === "text-delta") {
          deltas.push(part.delta);
          if (deltas.length === 2) controller.abort();
        }
      }
    })();
    await expect(read).rejects.toMatchObject({ name: "AbortError" });
    expect(deltas.length).toBeLessThanOrEqual(3);
  });

  it("refuses to start when already aborted", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(new OfflineModel().doStream({ prompt, abortSignal: controller.signal })).rejects.toMatchObject({
      name: "AbortError",
    });
  });

  it("works through streamCompletion with cost 0 and cancellation as a typed error", async () => {
    const model = new OfflineModel({ chunkDelayMs: 0 });
    const deltas: string[] = [];
    const result = await streamCompletion({
      model,
      modelId: "offline:demo",
      providerLabel: "Offline demo model",
      messages: [{ role: "user", content: "Hello offline world" }],
      onDelta: (delta) => deltas.push(delta),
    });
    expect(result.text.startsWith("[Offline demo model]")).toBe(true);
    expect(deltas.join("")).toBe(result.text);
    expect(result.usage).toEqual({ inputTokens: 3, outputTokens: deltas.length });
    expect(result.usageEstimated).toBe(false);
    expect(result.costUsd).toBe(0);
    expect(result.finishReason).toBe("stop");

    const controller = new AbortController();
    const cancelled = streamCompletion({
      model: new OfflineModel({ chunkDelayMs: 10 }),
      modelId: "offline:demo",
      providerLabel: "Offline demo model",
      messages: [{ role: "user", content: "Hello offline world" }],
      abortSignal: controller.signal,
      onDelta: () => controller.abort(),
    });
    const error: unknown = await cancelled.catch((caught: unknown) => caught);
    expect(isAppError(error) && error.code).toBe("bad_request:model");
    expect(isCancelledError(error)).toBe(true);
  });
});
