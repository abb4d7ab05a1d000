import { z } from "zod";
import { pagedListSchema } from "@/lib/core/paged-list";
import { PROMPT_NAME_MAX, chatMessageSchema, chatMessagesSchema, modelConfigSchema, saveVersionSchema, templateTextSchema } from "@/lib/prompts";
import { AppError } from "@/lib/core/errors";
import { GUARD_RULES } from "@/lib/core/vocabulary/guard-policy";
import { DEFAULT_LABEL, type ResolvedPrompt } from "@/lib/serving";

// What the delivery API reads and answers. The handlers parse their input with these schemas and type their answers
// with them, and the OpenAPI document (openapi.ts) is generated from them, so the contract is the code. Unknown
// query parameters and body fields are refused, so a typo such as `?lable=staging` is a 400 instead of silently
// serving production. Cross-field rules (label or version, not both) are refinements: JSON Schema output leaves
// them out, so the descriptions say them.

const label = z.string().min(1, "label must not be empty.").max(64);
const version = z.coerce.number().int().positive("version must be a positive whole number.").max(1_000_000_000);
const bothGiven = (value: { label?: string; version?: number }) => !(value.label !== undefined && value.version !== undefined);
const notBoth = { message: "Use either label or version, not both." };

/** Path parameters. The router (routes.ts) only matches run ids of this form. */
export const EVAL_RUN_ID_PATTERN = /^[A-Za-z0-9-]{1,64}$/;
export const evalRunIdParamSchema = z.string().regex(EVAL_RUN_ID_PATTERN);
export const promptNameParamSchema = z
  .string()
  .min(1)
  .max(PROMPT_NAME_MAX)
  .describe(
    'The prompt name. Folders are separated by "/", which may be sent percent-encoded (`support%2Ftriage`) or as path segments (`support/triage`). For the POST endpoints the last segment is the action, so a name ending in `/render`, `/versions` or `/promotions` must be encoded.',
  );

export const promptQuerySchema = z
  .object({
    label: label.optional().meta({ description: 'An environment slug, or "latest" for the newest version. Defaults to "production". Not with `version`.', default: DEFAULT_LABEL }),
    version: version.optional().describe("A version number. Not with `label`."),
  })
  .strict()
  .refine(bothGiven, notBoth);

export const listQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1).max(1_000_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(50),
    label: label.optional().describe('Only prompts this environment serves a version of. "latest" (or no label) lists every active prompt.'),
    q: z.string().max(200).optional().describe("Search in names, descriptions, tags and the latest template text."),
  })
  .strict();

export const renderBodySchema = z
  .object({
    label: label.optional().describe('Default "production". Not with `version`.'),
    version: z.number().int().positive().optional(),
    variables: z.record(z.string(), z.unknown()).default({}).describe("Values for the template's variables; a missing one is a 400 naming it."),
  })
  .strict()
  .refine(bothGiven, notBoth);

export const createVersionBodySchema = z
  .object({
    template: templateTextSchema.optional().describe("For a text prompt."),
    messages: chatMessagesSchema.optional().describe("For a chat prompt."),
    modelConfig: modelConfigSchema.optional().describe("Omitted: the latest version's settings are kept."),
    commitMessage: saveVersionSchema.shape.commitMessage,
    expectedParentVersion: z
      .number()
      .int()
      .positive()
      .nullable()
      .optional()
      .describe("The version the change was based on; a newer one exists -> 409. Omitted: based on the latest."),
  })
  .strict();

export const promotionBodySchema = z
  .object({
    environment: z.string().min(1).max(64).describe("A protected environment's slug, e.g. production."),
    version: z.number().int().positive(),
    comment: z.string().max(2000).optional(),
  })
  .strict();

// Answers. Plain objects: the JSON Schema of an answer forbids fields it does not name.

const promptType = z.enum(["text", "chat"]);
const versionNumber = z.number().int().positive();
/** Which prompt version an answer is about. */
const servedVersion = { name: z.string(), version: versionNumber, type: promptType };

/** GET /prompts/{name}: one version, with every partial it includes. */
export const deliveredPromptSchema = z.object({
  ...servedVersion,
  template: z.string().nullable().describe("The template of a text prompt; null for chat prompts."),
  messages: z.array(chatMessageSchema).nullable().describe("The messages of a chat prompt; null for text prompts."),
  modelConfig: modelConfigSchema,
  variables: z
    .array(z.string())
    .describe("The inputs the prompt and its partials use (recursively, at each tag's label or version): its own first, then its partials'."),
  partials: z
    .record(z.string(), z.string())
    .describe(
      "Every partial reachable from the prompt, recursively: the reference as written (`greeting`, `greeting@production`, `greeting@3`) to that partial's template. A bare reference resolves in the requested environment (for `version` or `latest`: the latest version).",
    ),
  environments: z.array(z.string()).describe("Slugs of the environments serving this version."),
  label: z.string().nullable().describe("The label asked for (default production); null when a version was asked for."),
  updatedAt: z.iso.datetime().describe("When this version was created."),
});
export type DeliveredPrompt = z.infer<typeof deliveredPromptSchema>;
// The kernel's ResolvedPrompt and the wire's DeliveredPrompt are one shape, checked both ways at compile time.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const deliveredIsResolved: Same<DeliveredPrompt, ResolvedPrompt> = true;
void deliveredIsResolved;

export const promptSummarySchema = z.object({
  name: z.string(),
  type: promptType,
  description: z.string(),
  tags: z.array(z.string()),
  latestVersion: versionNumber.nullable().describe("Null for a prompt with no version yet."),
  environments: z.record(z.string(), versionNumber).describe("Environment slug to the version it serves."),
});

export const promptListSchema = pagedListSchema(promptSummarySchema);
export type PromptListPage = z.infer<typeof promptListSchema>;

export const renderResultSchema = z.object({
  ...servedVersion,
  text: z.string().optional().describe("Text prompts."),
  messages: z.array(chatMessageSchema).optional().describe("Chat prompts."),
});
export type RenderResult = z.infer<typeof renderResultSchema>;

export const createVersionResultSchema = z.object({ name: z.string(), version: versionNumber, created: z.boolean() });
export type CreateVersionResult = z.infer<typeof createVersionResultSchema>;

export const promotionResultSchema = z.object({ requestId: z.string(), status: z.literal("pending") });
export type PromotionResult = z.infer<typeof promotionResultSchema>;

/** Every failure of the API, whatever its status. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z
      .string()
      .regex(/^[a-z_]+:[a-z_]+$/)
      .describe("`type:surface`, e.g. `not_found:prompt`."),
    message: z.string().describe("Safe to show to a person."),
    details: z
      .object({ rule: z.enum(GUARD_RULES).describe("The guard policy rule the input violated.") })
      .optional()
      .describe("Only on 422 `unprocessable:guard`."),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** Query parameters as an object; a parameter given twice is refused rather than guessed at. */
export function queryObject(rawQuery: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(rawQuery)) {
    if (Object.hasOwn(result, key)) throw new AppError("bad_request:api", `The query parameter "${key}" is given more than once.`);
    result[key] = value;
  }
  return result;
}
