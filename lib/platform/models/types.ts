// Shared shapes of the model layer. Kept free of SDK imports so UI code can use them too.

export type ProviderKind = "offline" | "openai" | "anthropic" | "openai-compatible";

export interface ProviderConfig {
  /** Slug used as the prefix of model ids, e.g. "openai" in "openai:gpt-4o" or "ollama" in "ollama:llama3". */
  id: string;
  kind: ProviderKind;
  label: string;
  baseUrl?: string;
  apiKey?: string;
  /** Model names an openai-compatible server exposes; it has no catalog of its own. */
  models?: string[];
}

export type ChatRole = "system" | "user" | "assistant";

export interface ChatMessage {
  role: ChatRole;
  content: string;
}

export interface ModelSettings {
  temperature?: number;
  maxOutputTokens?: number;
  topP?: number;
  stopSequences?: string[];
}

export type ResponseFormat = { type: "text" } | { type: "json"; schema?: Record<string, unknown> };

export interface ToolDefinition {
  name: string;
  description?: string;
  /** JSON Schema of the tool's input. */
  parameters: Record<string, unknown>;
}

export interface ModelToolCall {
  toolCallId: string;
  toolName: string;
  input: unknown;
}
