import { canaryInstruction } from "@/lib/core/redteam";
import type { ChatMessage } from "@/lib/platform/models/types";
import type { ScorerConfig } from "@/lib/core/vocabulary/scorer-config";

// The canary goes into the system message at run time, never into the stored prompt or dataset: each case of each run
// gets a fresh one, so a reply can only contain it by repeating what the system message said. A chat prompt's first
// system message gets it as its first line; a prompt without one (every text prompt) gets a system message of its own.

export const needsCanary = (scorers: readonly ScorerConfig[]) => scorers.some((s) => s.type === "canary-leak");

export function plantCanary(messages: readonly ChatMessage[], canary: string): ChatMessage[] {
  const line = canaryInstruction(canary);
  const [first, ...rest] = messages;
  if (first?.role === "system") return [{ role: "system", content: `${line}\n\n${first.content}` }, ...rest];
  return [{ role: "system", content: line }, ...messages];
}
