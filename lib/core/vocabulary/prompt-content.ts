// What a prompt is made of: its type, chat messages and model configuration. Vocabulary: the stored shape
// (db/schema/ takes it from here) and the language every layer speaks; pure, client-safe.
import type { GuardPolicy } from "./guard-policy";

export const PROMPT_TYPES = ["text", "chat"] as const;

export type PromptType = (typeof PROMPT_TYPES)[number];

export interface ChatMessageRecord {
  role: "system" | "user" | "assistant";
  content: string;
}

export interface ModelConfig {
  model?: string;
  temperature?: number;
  maxOutputTokens?: number;
  topP?: number;
  stopSequences?: string[];
  responseFormat?: { type: "text" } | { type: "json"; schema?: Record<string, unknown> };
  tools?: { name: string; description?: string; parameters: Record<string, unknown> }[];
  /** What the delivery API refuses or masks for this version; never sent to a model provider. */
  guard?: GuardPolicy;
}

/** The content of a prompt version, independent of storage: what the editor edits, the diff compares, the exporter
 * writes and the renderer fills in. */
export interface PromptContent {
  type: PromptType;
  /** The template of a text prompt; null for chat prompts. */
  template: string | null;
  /** The messages of a chat prompt, in order; null for text prompts. */
  messages: ChatMessageRecord[] | null;
  modelConfig: ModelConfig;
}
