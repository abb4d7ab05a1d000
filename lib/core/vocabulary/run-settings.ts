// What a model call was sent with, and the tool calls it made.
// Vocabulary: the stored shape (db/schema/ takes it from here) and the language every layer speaks; client-safe.

/** The settings a playground column sent with its call (the version's model config, as the column changed it). */
export interface RunSettings {
  temperature?: number;
  maxOutputTokens?: number;
  topP?: number;
  stopSequences?: string[];
}

/** A tool call a model made, as the playground shows it (tools have no implementation in the playground). */
export interface RunToolCall {
  toolCallId: string;
  toolName: string;
  input: unknown;
}
