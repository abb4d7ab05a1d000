// A standalone client for the studio's delivery API. It imports nothing from the rest of the repository (only
// `mustache`), so this folder can be copied into another app as it is. See README.md.
export { createPromptClient, type PromptClient } from "./create-prompt-client";
export { PromptClientError, isPromptClientError, type ClientErrorCode } from "./errors";
export { renderPrompt, type RenderPromptArgs } from "./render";
export type {
  ChatMessage,
  ChatPrompt,
  ChatRole,
  FallbackPrompt,
  FetchLike,
  GetPromptOptions,
  GetPromptResult,
  ModelConfig,
  Prompt,
  PromptClientEvent,
  PromptClientOptions,
  PromptSelector,
  PromptSource,
  RenderOptions,
  RenderResult,
  RenderedPrompt,
  TextPrompt,
} from "./types";
