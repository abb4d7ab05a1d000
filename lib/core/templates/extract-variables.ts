// The inputs a template asks for, derived from its text each time (never stored, so they cannot go stale).
import type { ChatMessageRecord } from "@/lib/core/vocabulary/prompt-content";
import { analyseTemplate } from "./parse-template";

export function extractVariables(source: string): string[] {
  return analyseTemplate(source).variables;
}

/** The union of every message's variables, in order of first appearance across the messages. */
export function extractChatVariables(messages: readonly ChatMessageRecord[]): string[] {
  const names = new Set<string>();
  for (const message of messages) for (const name of extractVariables(message.content)) names.add(name);
  return [...names];
}
