// Renders every message of a chat prompt with the same variables. The messages share one partial cache and one
// output budget, so a chat prompt cannot get around the limits by spreading work over many messages.
import { AppError, isAppError } from "@/lib/core/errors";
import type { ChatMessageRecord } from "@/lib/core/vocabulary/prompt-content";
import { renderInSession, type RenderTemplateArgs } from "./render-template";
import { createPartialStore } from "./resolve-partials";
import { createRenderBudget } from "./template-writer";

export interface RenderChatArgs extends Omit<RenderTemplateArgs, "template"> {
  messages: readonly ChatMessageRecord[];
}

export async function renderChat({ messages, loadPartial, ...args }: RenderChatArgs): Promise<ChatMessageRecord[]> {
  const session = { partials: createPartialStore(loadPartial), budget: createRenderBudget() };
  const names = messageNames(messages);
  const rendered: ChatMessageRecord[] = [];
  for (const [index, message] of messages.entries()) {
    try {
      const content = await renderInSession({ ...args, template: message.content, session, where: names[index] });
      rendered.push({ role: message.role, content });
    } catch (error) {
      if (!isAppError(error) || error.code !== "bad_request:template") throw error;
      throw new AppError(error.code, error.message, { details: { ...error.details, messageIndex: index, role: message.role }, cause: error.cause });
    }
  }
  return rendered;
}

const roleNames = { system: "System", user: "User", assistant: "Assistant" } as const;

/** "System message", "User message 1", "User message 2": numbered only when a role appears more than once. */
export function messageNames(messages: readonly ChatMessageRecord[]): string[] {
  const totals = new Map<string, number>();
  for (const { role } of messages) totals.set(role, (totals.get(role) ?? 0) + 1);
  const seen = new Map<string, number>();
  return messages.map(({ role }) => {
    const count = (seen.get(role) ?? 0) + 1;
    seen.set(role, count);
    const base = `${roleNames[role]} message`;
    return (totals.get(role) ?? 0) > 1 ? `${base} ${count}` : base;
  });
}
