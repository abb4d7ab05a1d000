import { z } from "zod";
import { RUN_STATUSES } from "@/lib/core/vocabulary/run-statuses";
import { chatMessageSchema, modelConfigSchema, promptBodySchema } from "@/lib/prompts";

// Zod schemas of the playground's boundaries (the streaming route, the history route, server actions). Client-safe.

export const MAX_COLUMNS = 4;
export const MAX_VARIABLES = 200;
const MAX_VALUE_CHARS = 1_048_576;

export const runSettingsSchema = z
  .object({
    temperature: z.number().min(0).max(2).optional(),
    maxOutputTokens: z.number().int().positive().max(1_000_000).optional(),
    topP: z.number().min(0).max(1).optional(),
    stopSequences: z.array(z.string().min(1).max(200)).max(4, "At most 4 stop sequences.").optional(),
  })
  .strict();

export const variablesSchema = z
  .record(z.string().min(1).max(200), z.string().max(MAX_VALUE_CHARS, "A variable's value can be at most 1 MiB."))
  .refine((values) => Object.keys(values).length <= MAX_VARIABLES, `At most ${MAX_VARIABLES} variables.`);

/** What a column runs: a saved version, or the editor's unsaved draft sent along with the request. */
export const runSourceSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("version"), version: z.number().int().positive() }),
  z.object({ kind: z.literal("draft"), body: promptBodySchema, modelConfig: modelConfigSchema }),
]);

/** The turns of a continued conversation, appended after the rendered prompt: assistant replies and user follow-ups. */
export const followUpsSchema = z
  .array(chatMessageSchema.extend({ role: z.enum(["user", "assistant"]) }))
  .max(100, "A conversation can have at most 100 follow-up turns.");

export const runColumnSchema = z.object({
  promptId: z.uuid(),
  batchId: z.uuid(),
  column: z.number().int().min(1).max(MAX_COLUMNS),
  source: runSourceSchema,
  modelId: z.string().trim().min(3).max(200),
  settings: runSettingsSchema,
  variables: variablesSchema,
  followUps: followUpsSchema.default([]),
});
export type RunColumnInput = z.infer<typeof runColumnSchema>;

export const previewInputSchema = runColumnSchema.pick({ promptId: true, source: true, variables: true, followUps: true });

/** The editor's draft, whose variables (its partials' included) the footer lists while the author types. */
export const runHistoryQuerySchema = z.object({
  promptId: z.uuid(),
  model: z.string().trim().min(1).max(200).optional(),
  status: z.enum(RUN_STATUSES).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

export const saveVariableSetSchema = z.object({
  promptId: z.uuid(),
  name: z.string().trim().min(1, "Name the set.").max(80, "Use at most 80 characters."),
  values: variablesSchema,
});

export const deleteVariableSetSchema = z.object({ variableSetId: z.uuid() });
