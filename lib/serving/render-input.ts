// What a column sends to the model: the prompt rendered with the variables, then the conversation's follow-ups.
import type { ChatMessage } from "@/lib/platform/models/types";
import type { PromptContent } from "@/lib/core/vocabulary/prompt-content";
import { renderChat, renderTemplate, type PartialLoader } from "@/lib/core/templates";

export interface RenderedInput {
  messages: ChatMessage[];
  /** How many of `messages` come from the prompt; the rest are follow-up turns. */
  promptMessageCount: number;
}

/**
 * Renders a prompt for a model call. A text prompt becomes one user message; a chat prompt's messages keep their
 * roles. Empty rendered messages are kept, so what is sent is exactly what the template says. Missing variables
 * are errors (never silently empty), naming the variable and where it is used.
 */
export async function renderInput({
  content,
  variables,
  followUps = [],
  loadPartial,
  promptName,
}: {
  content: PromptContent;
  variables: Record<string, string>;
  followUps?: ChatMessage[];
  loadPartial: PartialLoader;
  promptName?: string;
}): Promise<RenderedInput> {
  const rendered: ChatMessage[] =
    content.type === "text"
      ? [{ role: "user", content: await renderTemplate({ template: content.template ?? "", variables, loadPartial, ...(promptName ? { promptName } : {}) }) }]
      : await renderChat({ messages: content.messages ?? [], variables, loadPartial, ...(promptName ? { promptName } : {}) });
  return { messages: [...rendered, ...followUps], promptMessageCount: rendered.length };
}
