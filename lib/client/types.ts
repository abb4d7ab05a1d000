// The shapes the client hands to an app. They mirror the delivery API's JSON, normalised so that a prompt from
// the network and a hand-written fallback look the same.
import type { ChatMessageRecord, ModelConfig as CoreModelConfig } from "@/lib/core/vocabulary/prompt-content";
import type { PromptClientError } from "./errors";

/** The studio's own message shape (lib/core is the vocabulary the SDK shares with the studio). */
export type ChatMessage = ChatMessageRecord;

export type ChatRole = ChatMessage["role"];

/** The studio's model settings, plus any a newer studio may send that this client does not know yet. */
export type ModelConfig = CoreModelConfig & { [setting: string]: unknown };

interface PromptBase {
  name: string;
  /** The version served, or null for a fallback (it never came from the studio). */
  version: number | null;
  modelConfig: ModelConfig;
  /** Top-level names the template reads, as listed by the studio (derived from the template for a fallback). */
  variables: string[];
  /** Every `{{> ref}}` the prompt uses, resolved recursively, keyed by the reference as written (`greeting@production`). */
  partials: Record<string, string>;
  /** Slugs of the environments currently serving this version; empty for a fallback. */
  environments: string[];
  label: string | null;
  updatedAt: string | null;
  /** True when this prompt is the app's own fallback, not something the studio served. */
  isFallback: boolean;
}

export interface TextPrompt extends PromptBase {
  type: "text";
  template: string;
  messages: null;
}

export interface ChatPrompt extends PromptBase {
  type: "chat";
  template: null;
  messages: ChatMessage[];
}

export type Prompt = TextPrompt | ChatPrompt;

/** What an app writes by hand, to be used when the studio cannot be reached. */
export type FallbackPrompt =
  | { type: "text"; template: string; modelConfig?: ModelConfig; partials?: Record<string, string> }
  | { type: "chat"; messages: ChatMessage[]; modelConfig?: ModelConfig; partials?: Record<string, string> };

/** Where a prompt came from: a request just now, the cache within its TTL, an expired cache entry, or the fallback. */
export type PromptSource = "network" | "cache" | "stale" | "fallback";

export interface PromptSelector {
  /** An environment label (default "production") or "latest". */
  label?: string;
  /** A version number; give either a label or a version, not both. */
  version?: number;
}

export interface GetPromptOptions extends PromptSelector {
  fallback?: FallbackPrompt;
}

export interface GetPromptResult {
  prompt: Prompt;
  source: PromptSource;
  /** Set when source is "fallback": why the studio's prompt could not be used. */
  error?: PromptClientError;
}

export interface RenderOptions extends GetPromptOptions {
  /** Render missing variables as empty text instead of throwing. */
  lenient?: boolean;
}

export type RenderedPrompt =
  | { type: "text"; text: string; messages?: undefined }
  | { type: "chat"; messages: ChatMessage[]; text?: undefined };

export type RenderResult = RenderedPrompt & {
  name: string;
  version: number | null;
  modelConfig: ModelConfig;
  source: PromptSource;
  error?: PromptClientError;
};

interface EventBase {
  name: string;
  /** "label:production" or "version:3". */
  selector: string;
}

/** What the client reports through `onEvent`, for logs and metrics. */
export type PromptClientEvent =
  | (EventBase & { type: "cache_hit"; source: "cache" | "stale"; ageMs: number })
  | (EventBase & { type: "fetched"; status: 200 | 304; durationMs: number; background: boolean })
  | (EventBase & { type: "fetch_failed"; error: PromptClientError; durationMs: number; background: boolean })
  | (EventBase & { type: "fallback_used"; error: PromptClientError });

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface PromptClientOptions {
  /** The studio's address, e.g. "https://prompts.example.com". */
  baseUrl: string;
  apiKey: string;
  /** How long a fetched prompt is served without asking the studio again. Default 60 000. */
  ttlMs?: number;
  /** Each request is aborted after this long. Default 5 000. */
  timeoutMs?: number;
  /** After the studio was unavailable for a prompt, wait this long before asking again for it. Default 5 000. */
  retryDelayMs?: number;
  fetch?: FetchLike;
  /** The clock used for TTLs, in milliseconds. Default Date.now. */
  now?: () => number;
  onEvent?: (event: PromptClientEvent) => void;
}
