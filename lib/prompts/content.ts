// The content of a prompt version, independent of storage: what the editor edits, the diff compares,
// the exporter writes and the renderer fills in. Client-safe (no server imports).
import type { ChatMessageRecord, ModelConfig } from "@/db/schema";

export type { ChatMessageRecord, ModelConfig };
export type PromptType = "text" | "chat";

export interface PromptContent {
  type: PromptType;
  /** The template of a text prompt; null for chat prompts. */
  template: string | null;
  /** The messages of a chat prompt, in order; null for text prompts. */
  messages: ChatMessageRecord[] | null;
  modelConfig: ModelConfig;
}
