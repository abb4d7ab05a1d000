import { normaliseJson } from "@/lib/core/diff/normalise-json";
import type { PromptContent } from "@/lib/core/vocabulary/prompt-content";

/** Equal content means saving would create nothing new: same body and the same settings in any key order. */
export function sameContent(a: PromptContent, b: PromptContent): boolean {
  return (
    a.type === b.type &&
    (a.template ?? null) === (b.template ?? null) &&
    normaliseJson(a.messages ?? null) === normaliseJson(b.messages ?? null) &&
    normaliseJson(a.modelConfig) === normaliseJson(b.modelConfig)
  );
}

export function versionContent(v: { type: PromptContent["type"]; template: string | null; messages: PromptContent["messages"]; modelConfig: PromptContent["modelConfig"] }): PromptContent {
  return { type: v.type, template: v.template, messages: v.messages, modelConfig: v.modelConfig };
}
