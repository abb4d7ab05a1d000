// The built-in "Offline demo model": a deterministic LanguageModelV3 so the studio works with no API key
// (first-run demo, tests, benchmarks). It never calls the network and ignores sampling settings.

import type {
  LanguageModelV3,
  LanguageModelV3CallOptions,
  LanguageModelV3FinishReason,
  LanguageModelV3GenerateResult,
  LanguageModelV3Prompt,
  LanguageModelV3StreamPart,
  LanguageModelV3StreamResult,
  LanguageModelV3Usage,
} from "@ai-sdk/provider";
import { hashHex } from "@/lib/core/hash";
import { offlineJudgeReply } from "./offline-judge";
import { offlineProposerReply } from "./offline-proposer";
import { offlineParaphraseReply } from "./offline-paraphraser";
import { simulatedAnswer } from "./simulated-task/answer";

export const OFFLINE_MODEL_LABEL = "Offline demo model";
export const OFFLINE_PROVIDER_ID = "offline";
export const OFFLINE_MODEL_NAME = "demo";
/**
 * The simulated task models (./simulated-task): ticket triage whose accuracy follows documented properties of the
 * prompt, and its null twin that ignores the prompt. What the optimizer is tested and benchmarked on, with no key.
 */
export const SIMULATED_TASK_MODEL_NAME = "ticket-triage";
export const NULL_TASK_MODEL_NAME = "ticket-triage-null";
export const OFFLINE_MODEL_NAMES = [OFFLINE_MODEL_NAME, SIMULATED_TASK_MODEL_NAME, NULL_TASK_MODEL_NAME] as const;
export type OfflineModelName = (typeof OFFLINE_MODEL_NAMES)[number];
export const isOfflineModelName = (name: string): name is OfflineModelName => (OFFLINE_MODEL_NAMES as readonly string[]).includes(name);

const DEFAULT_CHUNK_DELAY_MS = 15;

export interface OfflineModelOptions {
  /** Pause before each streamed chunk so the UI shows real streaming; 0 in tests. */
  chunkDelayMs?: number;
  /** Which offline model: the demo answerer (default) or a simulated task model. */
  name?: OfflineModelName;
}

interface OfflineReply {
  text: string;
  chunks: string[];
  finishReason: LanguageModelV3FinishReason;
  usage: LanguageModelV3Usage;
  responseId: string;
}

export class OfflineModel implements LanguageModelV3 {
  readonly specificationVersion = "v3" as const;
  readonly provider = OFFLINE_PROVIDER_ID;
  readonly modelId: OfflineModelName;
  readonly supportedUrls: Record<string, RegExp[]> = {};
  private readonly chunkDelayMs: number;

  constructor({ chunkDelayMs = DEFAULT_CHUNK_DELAY_MS, name = OFFLINE_MODEL_NAME }: OfflineModelOptions = {}) {
    this.chunkDelayMs = chunkDelayMs;
    this.modelId = name;
  }

  async doGenerate(options: LanguageModelV3CallOptions): Promise<LanguageModelV3GenerateResult> {
    options.abortSignal?.throwIfAborted();
    const reply = buildReply(options, this.modelId);
    await sleep(this.chunkDelayMs, options.abortSignal);
    return {
      content: [{ type: "text", text: reply.text }],
      finishReason: reply.finishReason,
      usage: reply.usage,
      warnings: [],
      response: { id: reply.responseId, modelId: this.modelId, timestamp: new Date() },
    };
  }

  async doStream(options: LanguageModelV3CallOptions): Promise<LanguageModelV3StreamResult> {
    options.abortSignal?.throwIfAborted();
    const reply = buildReply(options, this.modelId);
    const parts = streamParts({ reply, modelId: this.modelId });
    const delayMs = this.chunkDelayMs;
    const signal = options.abortSignal;

    // Pull-based so a slow consumer (or an abort) stops generation instead of buffering it all.
    const stream = new ReadableStream<LanguageModelV3StreamPart>({
      async pull(controller) {
        try {
          const next = parts.next();
          if (next.done) {
            controller.close();
            return;
          }
          if (next.value.type === "text-delta") await sleep(delayMs, signal);
          signal?.throwIfAborted();
          controller.enqueue(next.value);
        } catch (error) {
          controller.error(error);
        }
      },
    });
    return { stream };
  }
}

function* streamParts({ reply, modelId }: { reply: OfflineReply; modelId: string }): Generator<LanguageModelV3StreamPart> {
  yield { type: "stream-start", warnings: [] };
  yield { type: "response-metadata", id: reply.responseId, modelId, timestamp: new Date() };
  yield { type: "text-start", id: "text-0" };
  for (const delta of reply.chunks) yield { type: "text-delta", id: "text-0", delta };
  yield { type: "text-end", id: "text-0" };
  yield { type: "finish", finishReason: reply.finishReason, usage: reply.usage };
}

function buildReply(options: LanguageModelV3CallOptions, name: OfflineModelName): OfflineReply {
  const full =
    name === OFFLINE_MODEL_NAME
      ? composeOfflineReply(options.prompt)
      : simulatedAnswer(promptToText(options.prompt), { seed: options.seed ?? 0, nullTask: name === NULL_TASK_MODEL_NAME });
  let text = full;
  let finishReason: LanguageModelV3FinishReason = { unified: "stop", raw: "stop" };

  const stopAt = earliestStop({ text, stopSequences: options.stopSequences ?? [] });
  if (stopAt !== null) {
    text = text.slice(0, stopAt);
    finishReason = { unified: "stop", raw: "stop_sequence" };
  }

  let chunks = splitIntoTokens(text);
  const max = options.maxOutputTokens;
  if (max !== undefined && chunks.length > max) {
    chunks = chunks.slice(0, Math.max(0, max));
    text = chunks.join("");
    finishReason = { unified: "length", raw: "max_tokens" };
  }

  const promptText = promptToText(options.prompt);
  const inputTokens = countTokens(promptText);
  return {
    text,
    chunks,
    finishReason,
    responseId: `offline-${hashHex(promptText)}`,
    usage: {
      inputTokens: { total: inputTokens, noCache: inputTokens, cacheRead: 0, cacheWrite: 0 },
      outputTokens: { total: chunks.length, text: chunks.length, reasoning: 0 },
    },
  };
}

/** The full (un-truncated) demo answer for a prompt. Pure and deterministic. */
export function composeOfflineReply(prompt: LanguageModelV3Prompt): string {
  const lastUser = [...prompt].reverse().find((message) => message.role === "user");
  const question = lastUser ? messageText(lastUser).trim() : "";
  const allText = promptToText(prompt);
  const judged = offlineJudgeReply(allText);
  if (judged !== null) return judged;
  const proposed = offlineProposerReply(allText);
  if (proposed !== null) return proposed;
  const paraphrased = offlineParaphraseReply(allText);
  if (paraphrased !== null) return paraphrased;
  const unfilled = [...new Set(allText.match(/\{\{\s*[\w.-]+\s*\}\}/g) ?? [])];
  const systemCount = prompt.filter((message) => message.role === "system").length;

  const lines = ["[Offline demo model] This is a deterministic demo answer, not a real model."];
  if (question) {
    const words = question.split(/\s+/).filter(Boolean);
    lines.push(`You asked: "${firstSentence(question)}"`);
    lines.push(
      `Your message has ${plural(words.length, "word")} and ${plural(question.length, "character")}; ` +
        `the prompt has ${plural(prompt.length, "message")}` +
        (systemCount > 0 ? ` including ${plural(systemCount, "system message")}.` : "."),
    );
    const terms = keyTerms(question);
    if (terms.length > 0) lines.push(`Key terms: ${terms.join(", ")}.`);
  } else {
    lines.push(`The prompt has ${plural(prompt.length, "message")} but no user message to answer.`);
  }
  lines.push(
    unfilled.length > 0
      ? `Unfilled variables (${unfilled.length}): ${unfilled.join(", ")}.`
      : "All template variables were filled.",
  );
  lines.push("Add an OpenAI, Anthropic or OpenAI-compatible provider to get real completions.");
  return lines.join("\n");
}

/** The offline model's notion of a token: a word or a punctuation mark. */
export function countTokens(text: string): number {
  return text.match(/\w+|[^\s\w]/g)?.length ?? 0;
}

function splitIntoTokens(text: string): string[] {
  // Word plus its trailing whitespace, so joining the chunks restores the text exactly.
  return text.match(/\s*\S+\s*/g) ?? [];
}

function earliestStop({ text, stopSequences }: { text: string; stopSequences: string[] }): number | null {
  let earliest: number | null = null;
  for (const stop of stopSequences) {
    if (!stop) continue;
    const index = text.indexOf(stop);
    if (index >= 0 && (earliest === null || index < earliest)) earliest = index;
  }
  return earliest;
}

function messageText(message: LanguageModelV3Prompt[number]): string {
  if (message.role === "system") return message.content;
  return message.content.map((part) => (part.type === "text" ? part.text : "")).join("");
}

function promptToText(prompt: LanguageModelV3Prompt): string {
  return prompt.map(messageText).join("\n");
}

function firstSentence(text: string): string {
  const sentence = text.split(/(?<=[.!?])\s|\n/)[0] ?? text;
  const words = sentence.split(/\s+/).filter(Boolean);
  return words.length > 24 ? `${words.slice(0, 24).join(" ")}…` : words.join(" ");
}

function keyTerms(text: string): string[] {
  const counts = new Map<string, number>();
  for (const word of text.toLowerCase().match(/[a-z][a-z'-]{3,}/g) ?? []) {
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b))
    .slice(0, 5)
    .map(([word]) => word);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
