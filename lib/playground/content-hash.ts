import "server-only";
import { createHash } from "node:crypto";
import { normaliseJson } from "@/lib/core/diff/normalise-json";
import type { PromptContent } from "@/lib/core/vocabulary/prompt-content";

/**
 * SHA-256 of a prompt's content in canonical form (sorted keys), so a draft identical to a saved version, or two
 * runs of the same draft, carry the same hash whatever the key order of their settings.
 */
export function contentHash(content: PromptContent): string {
  const canonical = normaliseJson({
    type: content.type,
    template: content.template ?? null,
    messages: content.messages ?? null,
    modelConfig: content.modelConfig,
  });
  return createHash("sha256").update(canonical).digest("hex");
}
