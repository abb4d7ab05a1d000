// The one function that calls a model. The playground streams its deltas to the browser and the
// eval runner awaits the result; both get the same timing, usage, cost and typed errors.

import type { LanguageModelV3 } from "@ai-sdk/provider";
import {
  generateText,
  jsonSchema,
  Output,
  streamText,
  tool,
  type FinishReason,
  type JSONSchema7,
  type LanguageModelUsage,
  type ModelMessage,
  type ToolSet,
} from "ai";
import type { AppError } from "@/lib/core/errors";
import { estimateCostUsd } from "./catalog";
import { recordModelCall } from "@/lib/platform/metrics/registry";
import { cancelledError, isCancelledError, timeoutError, toModelError } from "./model-errors";
import type { ChatMessage, ModelSettings, ModelToolCall, ResponseFormat, ToolDefinition } from "./types";

export const DEFAULT_MODEL_TIMEOUT_MS = 120_000;

export interface StreamCompletionInput {
  model: LanguageModelV3;
  /** "<provider>:<model>", used for pricing. */
  modelId: string;
  /** Shown in error messages, e.g. "OpenAI". */
  providerLabel: string;
  messages: ChatMessage[];
  settings?: ModelSettings;
  /** Ask for JSON (optionally matching a JSON Schema) from providers that support it; others ignore it. */
  responseFormat?: ResponseFormat;
  /** Tools the model may call. They have no implementation here: calls are returned, never executed. */
  tools?: ToolDefinition[];
  /** Caller cancellation (client disconnected, user pressed stop). Rejects with a cancelled AppError. */
  abortSignal?: AbortSignal;
  /** Whole-call budget including streaming; 0 disables it. */
  timeoutMs?: number;
  onDelta?: (text: string) => void;
  /**
   * false: one non-streaming request (no onDelta, no time to first token). Batch callers such as the eval runner
   * use it: the SDK's stream machinery costs several ms of CPU per call, which caps throughput at high concurrency.
   */
  stream?: boolean;
}

export interface CompletionResult {
  text: string;
  toolCalls: ModelToolCall[];
  finishReason: FinishReason;
  usage: { inputTokens: number; outputTokens: number };
  /** True when the provider reported no token counts and they were estimated (≈4 characters per token). */
  usageEstimated: boolean;
  /** null when the model's price is unknown. */
  costUsd: number | null;
  /** null when the model produced no text. */
  timeToFirstTokenMs: number | null;
  latencyMs: number;
}

/**
 * Streams one completion. Never retries (retrying is the caller's policy) and always rejects with an
 * AppError: provider failures via toModelError, our timeout as "timeout:model", and caller aborts as
 * "bad_request:model" with details.cancelled = true (see isCancelledError).
 */
export async function streamCompletion(input: StreamCompletionInput): Promise<CompletionResult> {
  try {
    const result = await runCompletion(input);
    recordModelCall(input.modelId, "ok", { inputTokens: result.usage.inputTokens, outputTokens: result.usage.outputTokens, costUsd: result.costUsd });
    return result;
  } catch (error) {
    recordModelCall(input.modelId, isCancelledError(error) ? "cancelled" : "error", null);
    throw error;
  }
}

async function runCompletion({
  model,
  modelId,
  providerLabel,
  messages,
  settings = {},
  responseFormat,
  tools,
  abortSignal,
  timeoutMs = DEFAULT_MODEL_TIMEOUT_MS,
  onDelta,
  stream = true,
}: StreamCompletionInput): Promise<CompletionResult> {
  if (abortSignal?.aborted) throw cancelledError(abortSignal.reason);

  const startedAt = performance.now();
  // Separate controllers so a failure can be attributed: the caller's signal, our timeout, or our cleanup.
  const timeout = new AbortController();
  const cleanup = new AbortController();
  const timer =
    timeoutMs > 0
      ? setTimeout(() => timeout.abort(new DOMException(`Timed out after ${timeoutMs} ms`, "TimeoutError")), timeoutMs)
      : undefined;
  const signal = AbortSignal.any([timeout.signal, cleanup.signal, ...(abortSignal ? [abortSignal] : [])]);

  const fail = (error: unknown): AppError => {
    if (abortSignal?.aborted) return cancelledError(error);
    if (timeout.signal.aborted) return timeoutError({ providerLabel, timeoutMs, cause: error });
    return toModelError(error, { providerLabel, timeoutMs });
  };

  const callOptions = {
    model,
    messages: messages.map(toModelMessage),
    allowSystemInMessages: true,
    maxRetries: 0,
    abortSignal: signal,
    ...pickSettings(settings),
    ...(responseFormat?.type === "json" ? { output: jsonOutput(responseFormat.schema) } : {}),
    ...(tools && tools.length > 0 ? { tools: toToolSet(tools) } : {}),
  };

  if (!stream) {
    try {
      const result = await generateText(callOptions);
      return completionResult({
        text: result.text,
        toolCalls: result.toolCalls.map((call) => ({ toolCallId: call.toolCallId, toolName: call.toolName, input: call.input })),
        finishReason: result.finishReason,
        usage: result.totalUsage,
        messages,
        modelId,
        firstTokenAt: null,
        startedAt,
      });
    } catch (error) {
      throw fail(error);
    } finally {
      clearTimeout(timer);
      cleanup.abort();
    }
  }

  let text = "";
  const toolCalls: ModelToolCall[] = [];
  let firstTokenAt: number | null = null;
  let streamError: unknown = undefined;
  let sawError = false;
  let aborted = false;
  let finishReason: FinishReason = "other";
  let usage: LanguageModelUsage | undefined;
  let callbackError: { error: unknown } | undefined;

  try {
    const result = streamText({
      ...callOptions,
      // Errors arrive as "error" parts below; the default handler would console.error them.
      onError: () => {},
    });

    for await (const part of result.fullStream) {
      if (part.type === "text-delta") {
        if (!part.text) continue;
        firstTokenAt ??= performance.now();
        text += part.text;
        try {
          onDelta?.(part.text);
        } catch (error) {
          callbackError = { error };
          break;
        }
      } else if (part.type === "tool-call") {
        firstTokenAt ??= performance.now();
        toolCalls.push({ toolCallId: part.toolCallId, toolName: part.toolName, input: part.input });
      } else if (part.type === "error") {
        // v6 reports provider failures (HTTP errors, malformed chunks) as stream parts rather than
        // throwing, and still resolves text as "" — so the first one decides the outcome.
        if (!sawError) streamError = part.error;
        sawError = true;
      } else if (part.type === "abort") {
        aborted = true;
      } else if (part.type === "finish") {
        finishReason = part.finishReason;
        usage = part.totalUsage;
      }
    }
  } catch (error) {
    throw fail(error);
  } finally {
    clearTimeout(timer);
    // Tears down the HTTP request if we left the loop early (callback error, thrown error).
    cleanup.abort();
  }

  // A failing onDelta is the caller's bug or disconnect, not the provider's: hand it back untouched.
  if (callbackError) throw callbackError.error;
  if (sawError) throw fail(streamError);
  if (aborted) throw fail(signal.reason);

  return completionResult({ text, toolCalls, finishReason, usage, messages, modelId, firstTokenAt, startedAt });
}

function completionResult({
  text,
  toolCalls,
  finishReason,
  usage,
  messages,
  modelId,
  firstTokenAt,
  startedAt,
}: {
  text: string;
  toolCalls: ModelToolCall[];
  finishReason: FinishReason;
  usage: LanguageModelUsage | undefined;
  messages: ChatMessage[];
  modelId: string;
  firstTokenAt: number | null;
  startedAt: number;
}): CompletionResult {
  const latencyMs = performance.now() - startedAt;
  const reportedInput = usage?.inputTokens;
  const reportedOutput = usage?.outputTokens;
  const inputTokens = reportedInput ?? estimateTokens(messages.map((message) => message.content).join("\n"));
  const outputTokens = reportedOutput ?? estimateTokens(text);
  return {
    text,
    toolCalls,
    finishReason,
    usage: { inputTokens, outputTokens },
    usageEstimated: reportedInput === undefined || reportedOutput === undefined,
    costUsd: estimateCostUsd({ modelId, inputTokens, outputTokens }),
    timeToFirstTokenMs: firstTokenAt === null ? null : Math.round(firstTokenAt - startedAt),
    latencyMs: Math.round(latencyMs),
  };
}

function toModelMessage(message: ChatMessage): ModelMessage {
  return { role: message.role, content: message.content };
}

// Only forward settings that are set, so providers don't receive explicit nulls/undefineds.
function pickSettings(settings: ModelSettings): ModelSettings {
  const picked: ModelSettings = {};
  if (settings.temperature !== undefined) picked.temperature = settings.temperature;
  if (settings.maxOutputTokens !== undefined) picked.maxOutputTokens = settings.maxOutputTokens;
  if (settings.topP !== undefined) picked.topP = settings.topP;
  if (settings.stopSequences && settings.stopSequences.length > 0) picked.stopSequences = settings.stopSequences;
  return picked;
}

/**
 * Sends the JSON response format while leaving text handling as it is: the SDK's own JSON outputs re-chunk the
 * text while parsing partial JSON, which would change what streams; the caller validates the final text.
 */
function jsonOutput(schema: Record<string, unknown> | undefined) {
  return {
    ...Output.text(),
    responseFormat: Promise.resolve({ type: "json" as const, ...(schema ? { schema: schema as JSONSchema7 } : {}) }),
  };
}

function toToolSet(tools: ToolDefinition[]): ToolSet {
  return Object.fromEntries(
    tools.map((definition) => [
      definition.name,
      tool({
        ...(definition.description ? { description: definition.description } : {}),
        inputSchema: jsonSchema(definition.parameters as JSONSchema7),
      }),
    ]),
  );
}

function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}
