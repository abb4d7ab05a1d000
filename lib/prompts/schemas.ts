import { z } from "zod";
import { GUARD_PII_MODES, GUARD_POLICY_LIMITS as GUARD } from "@/lib/core/vocabulary/guard-policy";

// Zod schemas for prompt writes, shared by server actions and the import path. Client-safe.

export const PROMPT_NAME_MAX = 200;

export const promptNameSchema = z
  .string()
  .trim()
  .min(1, "Enter a name.")
  .max(PROMPT_NAME_MAX, `Use at most ${PROMPT_NAME_MAX} characters.`)
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/,
    'Use letters, digits, ".", "_" and "-", with "/" between folders (e.g. support/triage).',
  );

export const tagSchema = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._-]*$/u, "Tags use letters, digits, spaces, '.', '_' and '-'.");

export const chatMessageSchema = z.object({
  role: z.enum(["system", "user", "assistant"]),
  content: z.string().max(1_048_576, "A message can be at most 1 MiB."),
});

/** A text prompt's template, and a chat prompt's messages: the same limits wherever a version is written. */
export const templateTextSchema = z.string().max(1_048_576, "A template can be at most 1 MiB.");
export const chatMessagesSchema = z.array(chatMessageSchema).min(1, "A chat prompt needs at least one message.").max(100);

const jsonObject = z.record(z.string(), z.unknown());

/** A version's guard policy (lib/core/guard applies it). Bounded, so no policy can make a request slow or a version huge. */
export const guardPolicySchema = z
  .object({
    deniedTopics: z
      .array(z.string().trim().min(1).max(GUARD.deniedTopicChars, `A denied topic is at most ${GUARD.deniedTopicChars} characters.`))
      .max(GUARD.deniedTopics, `At most ${GUARD.deniedTopics} denied topics.`)
      .optional()
      .describe("Phrases an input must not mention: matched whole, ignoring case and spacing."),
    words: z
      .array(z.string().trim().min(1).max(GUARD.wordChars, `A listed word is at most ${GUARD.wordChars} characters.`))
      .max(GUARD.words, `At most ${GUARD.words} listed words.`)
      .optional()
      .describe("Words an input must not contain (word boundaries, ignoring case); masked in reported outputs."),
    pii: z.enum(GUARD_PII_MODES).optional().describe("E-mail addresses, phone numbers and card numbers in inputs: refused (block) or masked (mask). Outputs are masked unless off."),
    maxInputChars: z.number().int().min(1).max(GUARD.maxInputChars).optional().describe("The most characters the variables' values may hold together."),
  })
  .strict();

export const modelConfigSchema = z
  .object({
    model: z.string().min(1).max(200).optional().describe('A model id such as "openai:gpt-4o-mini".'),
    temperature: z.number().min(0).max(2).optional(),
    maxOutputTokens: z.number().int().positive().max(1_000_000).optional(),
    topP: z.number().min(0).max(1).optional(),
    stopSequences: z.array(z.string().min(1).max(200)).max(4, "At most 4 stop sequences.").optional(),
    responseFormat: z
      .discriminatedUnion("type", [z.object({ type: z.literal("text") }).strict(), z.object({ type: z.literal("json"), schema: jsonObject.optional() }).strict()])
      .optional(),
    tools: z
      .array(
        z
          .object({
            name: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "Tool names use letters, digits, '_' and '-' (at most 64)."),
            description: z.string().max(2000).optional(),
            parameters: jsonObject,
          })
          .strict(),
      )
      .max(64)
      .optional(),
    guard: guardPolicySchema.optional().describe("The delivery API's guard policy for this version; never sent to the model."),
  })
  .strict();

export const promptBodySchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("text"), template: templateTextSchema }),
  z.object({ type: z.literal("chat"), messages: chatMessagesSchema }),
]);

export const createPromptSchema = z.object({
  name: promptNameSchema,
  type: z.enum(["text", "chat"]),
  description: z.string().trim().max(2000).default(""),
  tags: z.array(tagSchema).max(20).default([]),
});

export const saveVersionSchema = z.object({
  promptId: z.string().uuid(),
  body: promptBodySchema,
  modelConfig: modelConfigSchema,
  commitMessage: z.string().trim().min(1, "Describe what changed.").max(500),
  /** The version the draft was based on (null for a prompt with no versions): a newer one means a conflict. */
  expectedParentVersion: z.number().int().positive().nullable(),
});

export const restoreVersionSchema = z.object({
  promptId: z.string().uuid(),
  version: z.number().int().positive(),
  expectedParentVersion: z.number().int().positive().nullable(),
});

export const renamePromptSchema = z.object({ promptId: z.string().uuid(), name: promptNameSchema });
export const archivePromptSchema = z.object({ promptId: z.string().uuid(), archived: z.boolean() });
export const updatePromptDetailsSchema = z.object({
  promptId: z.string().uuid(),
  description: z.string().trim().max(2000),
  tags: z.array(tagSchema).max(20),
});
