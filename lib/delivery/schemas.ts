import { z } from "zod";
import { chatMessageSchema, modelConfigSchema } from "@/lib/prompts/schemas";
import { AppError } from "@/lib/core/errors";

// Inputs of the delivery API. Unknown query parameters and body fields are refused, so a typo such as
// `?lable=staging` is a 400 instead of silently serving production.

const label = z.string().min(1, "label must not be empty.").max(64);
const version = z.coerce.number().int().positive("version must be a positive whole number.").max(1_000_000_000);
const bothGiven = (value: { label?: string; version?: number }) => !(value.label !== undefined && value.version !== undefined);
const notBoth = { message: "Use either label or version, not both." };

export const promptQuerySchema = z.object({ label: label.optional(), version: version.optional() }).strict().refine(bothGiven, notBoth);

export const listQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1).max(1_000_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(50),
    label: label.optional(),
    q: z.string().max(200).optional(),
  })
  .strict();

export const renderBodySchema = z
  .object({
    label: label.optional(),
    version: z.number().int().positive().optional(),
    variables: z.record(z.string(), z.unknown()).default({}),
  })
  .strict()
  .refine(bothGiven, notBoth);

export const createVersionBodySchema = z
  .object({
    template: z.string().optional(),
    messages: z.array(chatMessageSchema).optional(),
    /** Omitted: the latest version's settings are kept. */
    modelConfig: modelConfigSchema.optional(),
    commitMessage: z.string(),
    /** Omitted: the version is based on whatever is latest when it is saved. */
    expectedParentVersion: z.number().int().positive().nullable().optional(),
  })
  .strict();

export const promotionBodySchema = z
  .object({
    environment: z.string().min(1).max(64),
    version: z.number().int().positive(),
    comment: z.string().max(2000).optional(),
  })
  .strict();

/** Query parameters as an object; a parameter given twice is refused rather than guessed at. */
export function queryObject(rawQuery: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(rawQuery)) {
    if (Object.hasOwn(result, key)) throw new AppError("bad_request:api", `The query parameter "${key}" is given more than once.`);
    result[key] = value;
  }
  return result;
}
