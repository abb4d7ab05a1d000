import { z } from "zod";

export const providerInputSchema = z
  .object({
    slug: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9-]{1,31}$/, "Use 2–32 lowercase letters, digits or dashes, starting with a letter.")
      .refine((s) => s !== "offline", "\"offline\" is reserved for the built-in demo model."),
    kind: z.enum(["openai", "anthropic", "openai-compatible"]),
    label: z.string().trim().min(1, "Give the provider a name.").max(60),
    baseUrl: z.union([z.literal(""), z.url("Enter a full URL such as http://localhost:11434/v1.")]).optional(),
    /** Empty when editing means "keep the stored key". */
    apiKey: z.string().trim().max(500).optional(),
    models: z.string().max(2000).optional(),
  })
  .refine((p) => p.kind !== "openai-compatible" || Boolean(p.baseUrl), {
    path: ["baseUrl"],
    message: "An OpenAI-compatible server needs its base URL.",
  });

export const providerIdSchema = z.object({ id: z.string().uuid() });

export function parseModelList(models: string | undefined): string[] {
  return (models ?? "")
    .split(/[,\n]/)
    .map((m) => m.trim())
    .filter(Boolean)
    .slice(0, 50);
}
