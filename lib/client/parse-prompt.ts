// Turns the delivery API's JSON, or an app's hand-written fallback, into the one `Prompt` shape. The API's body is
// checked by hand (this folder has no dependencies but mustache), strictly where a wrong value would break
// rendering and leniently for descriptive fields.
import { PromptClientError } from "./errors";
import { templateVariables } from "./render";
import type { ChatMessage, FallbackPrompt, ModelConfig, Prompt } from "./types";

const ROLES = new Set(["system", "user", "assistant"]);

export function parsePromptBody(body: unknown): Prompt {
  if (!isRecord(body)) throw invalid("the body is not a JSON object");
  const { name, version, type } = body;
  if (typeof name !== "string") throw invalid('"name" is not a string');
  if (typeof version !== "number" || !Number.isInteger(version)) throw invalid('"version" is not an integer');

  const base = {
    name,
    version,
    modelConfig: isRecord(body.modelConfig) ? (body.modelConfig as ModelConfig) : {},
    variables: stringList(body.variables),
    partials: partialMap(body.partials),
    environments: stringList(body.environments),
    label: typeof body.label === "string" ? body.label : null,
    updatedAt: typeof body.updatedAt === "string" ? body.updatedAt : null,
    isFallback: false,
  };
  if (type === "text") {
    if (typeof body.template !== "string") throw invalid('a text prompt has no "template" string');
    return { ...base, type, template: body.template, messages: null };
  }
  if (type === "chat") return { ...base, type, template: null, messages: messageList(body.messages) };
  throw invalid('"type" is neither "text" nor "chat"');
}

/** The fallback as a full prompt: version null, no environments or label, variables derived from its text. */
export function fallbackToPrompt({ name, fallback }: { name: string; fallback: FallbackPrompt }): Prompt {
  const base = {
    name,
    version: null,
    modelConfig: fallback.modelConfig ?? {},
    partials: fallback.partials ?? {},
    environments: [],
    label: null,
    updatedAt: null,
    isFallback: true,
  };
  if (fallback.type === "text") return { ...base, type: "text", template: fallback.template, messages: null, variables: safeVariables([fallback.template]) };
  const messages = fallback.messages.map(({ role, content }) => ({ role, content }));
  return { ...base, type: "chat", template: null, messages, variables: safeVariables(messages.map((m) => m.content)) };
}

// A fallback with a syntax error still serves; the error surfaces when it is rendered, with the message's position.
function safeVariables(templates: string[]): string[] {
  try {
    return [...new Set(templates.flatMap(templateVariables))];
  } catch {
    return [];
  }
}

function messageList(value: unknown): ChatMessage[] {
  if (!Array.isArray(value)) throw invalid('a chat prompt has no "messages" list');
  return value.map((message: unknown, index) => {
    if (!isRecord(message) || typeof message.content !== "string" || typeof message.role !== "string" || !ROLES.has(message.role)) {
      throw invalid(`message ${index + 1} is not { role, content }`);
    }
    return { role: message.role as ChatMessage["role"], content: message.content };
  });
}

function partialMap(value: unknown): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (!isRecord(value)) throw invalid('"partials" is not an object');
  const entries = Object.entries(value);
  for (const [key, template] of entries) if (typeof template !== "string") throw invalid(`partial "${key}" is not a string`);
  // fromEntries defines own properties, so even a key such as "__proto__" is kept as data.
  return Object.fromEntries(entries) as Record<string, string>;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function invalid(reason: string): PromptClientError {
  return new PromptClientError("client:invalid_response", `The studio's answer is not a prompt: ${reason}.`);
}
