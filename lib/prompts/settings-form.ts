import type { ModelConfig } from "@/lib/core/vocabulary/prompt-content";
import { fromGuardFields, toGuardFields, type GuardFields } from "./guard-form";

// The model-settings form edits strings; this converts both ways and says what is wrong, field by field.
// Client-safe and pure, so the editor can validate on every keystroke. The server re-validates with zod.

export interface SettingsForm extends GuardFields {
  model: string;
  temperature: string;
  maxOutputTokens: string;
  topP: string;
  stopSequences: string;
  responseFormat: "text" | "json";
  jsonSchema: string;
  tools: string;
}

export type SettingsErrors = Partial<Record<keyof SettingsForm, string>>;

export function toSettingsForm(config: ModelConfig): SettingsForm {
  return {
    model: config.model ?? "",
    temperature: config.temperature?.toString() ?? "",
    maxOutputTokens: config.maxOutputTokens?.toString() ?? "",
    topP: config.topP?.toString() ?? "",
    // One per line; a newline inside a stop sequence is written as \n.
    stopSequences: (config.stopSequences ?? []).map((s) => s.replace(/\n/g, "\\n")).join("\n"),
    responseFormat: config.responseFormat?.type ?? "text",
    jsonSchema: config.responseFormat?.type === "json" && config.responseFormat.schema ? JSON.stringify(config.responseFormat.schema, null, 2) : "",
    tools: config.tools?.length ? JSON.stringify(config.tools, null, 2) : "",
    ...toGuardFields(config.guard),
  };
}

function number(value: string, { min, max, integer }: { min: number; max: number; integer?: boolean }): number | string | undefined {
  if (!value.trim()) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || (integer && !Number.isInteger(n))) return integer ? "Enter a whole number." : "Enter a number.";
  if (n < min || n > max) return `Enter a value from ${min} to ${max}.`;
  return n;
}

function json(value: string, shape: "object" | "array"): unknown {
  if (!value.trim()) return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    const ok = shape === "array" ? Array.isArray(parsed) : typeof parsed === "object" && parsed !== null && !Array.isArray(parsed);
    return ok ? parsed : new Error(shape === "array" ? "Enter a JSON array." : "Enter a JSON object.");
  } catch (error) {
    return new Error(`Not valid JSON: ${(error as Error).message}`);
  }
}

export function fromSettingsForm(form: SettingsForm): { config: ModelConfig; errors: SettingsErrors } {
  const errors: SettingsErrors = {};
  const config: ModelConfig = {};
  if (form.model.trim()) config.model = form.model.trim();

  const numeric = [
    ["temperature", { min: 0, max: 2 }],
    ["maxOutputTokens", { min: 1, max: 1_000_000, integer: true }],
    ["topP", { min: 0, max: 1 }],
  ] as const;
  for (const [field, rule] of numeric) {
    const value = number(form[field], rule);
    if (typeof value === "string") errors[field] = value;
    else if (value !== undefined) config[field] = value;
  }

  const stops = form.stopSequences
    .split("\n")
    .filter((line) => line.length > 0)
    .map((line) => line.replace(/\\n/g, "\n"));
  if (stops.length > 4) errors.stopSequences = "At most 4 stop sequences.";
  else if (stops.length) config.stopSequences = stops;

  if (form.responseFormat === "json") {
    const schema = json(form.jsonSchema, "object");
    if (schema instanceof Error) errors.jsonSchema = schema.message;
    else config.responseFormat = schema === undefined ? { type: "json" } : { type: "json", schema: schema as Record<string, unknown> };
  }

  const tools = json(form.tools, "array");
  if (tools instanceof Error) errors.tools = tools.message;
  else if (Array.isArray(tools) && tools.length) config.tools = tools as ModelConfig["tools"];

  const guard = fromGuardFields(form);
  Object.assign(errors, guard.errors);
  if (guard.guard) config.guard = guard.guard;

  return { config, errors };
}
