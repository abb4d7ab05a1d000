// Renders every message of a chat prompt with the same variables. The messages share one partial cache and one
// output budget, so a chat prompt cannot get around the limits by spreading work over many messages.
import { AppError, isAppError } from "@/lib/core/errors";
import type { ChatMessageRecord } from "@/lib/core/vocabulary/prompt-content";
import { planInStore, renderPlan, type RenderTemplateArgs, type TemplatePlan } from "./render-template";
import { createPartialStore } from "./resolve-partials";
import { createRenderBudget } from "./template-writer";

export interface RenderChatArgs extends Omit<RenderTemplateArgs, "template"> {
  messages: readonly ChatMessageRecord[];
}

/** A chat prompt's messages checked, with their partials loaded once for all of them: see TemplatePlan. */
export interface ChatPlan {
  messages: { role: ChatMessageRecord["role"]; plan: TemplatePlan }[];
}

export async function renderChat({ variables, lenient, ...args }: RenderChatArgs): Promise<ChatMessageRecord[]> {
  return renderPlannedChat(await planChat(args), variables, { lenient });
}

export async function planChat({ messages, loadPartial, promptName }: Omit<RenderChatArgs, "variables" | "lenient">): Promise<ChatPlan> {
  const partials = createPartialStore(loadPartial);
  const names = messageNames(messages);
  const planned: ChatPlan["messages"] = [];
  for (const [index, { role, content }] of messages.entries()) {
    const plan = await planInStore({ template: content, promptName, partials, where: names[index] }).catch(inMessage(index, role));
    planned.push({ role, plan });
  }
  return { messages: planned };
}

/** Renders every message with the same variables, within one output budget. */
export function renderPlannedChat(plan: ChatPlan, variables: Record<string, unknown>, { lenient = false }: { lenient?: boolean } = {}): ChatMessageRecord[] {
  const budget = createRenderBudget();
  return plan.messages.map(({ role, plan: message }, index) => {
    try {
      return { role, content: renderPlan(message, variables, { lenient, budget }) };
    } catch (error) {
      return inMessage(index, role)(error);
    }
  });
}

/** Rethrows a template error naming the message it is in (index and role); any other error as it is. */
function inMessage(index: number, role: ChatMessageRecord["role"]) {
  return (error: unknown): never => {
    if (!isAppError(error) || error.code !== "bad_request:template") throw error;
    throw new AppError(error.code, error.message, { details: { ...error.details, messageIndex: index, role }, cause: error.cause });
  };
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
