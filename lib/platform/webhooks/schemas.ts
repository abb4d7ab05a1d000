import { z } from "zod";

export const WEBHOOK_URL_MAX_LENGTH = 2000;

/** Only http(s), and no user:password in the URL (fetch refuses those; put credentials in the receiver's own config). */
export const webhookUrlSchema = z
  .string()
  .trim()
  .max(WEBHOOK_URL_MAX_LENGTH, `Keep the URL under ${WEBHOOK_URL_MAX_LENGTH} characters.`)
  .pipe(z.url({ protocol: /^https?$/, normalize: true, abort: true, error: "Enter a full http:// or https:// URL." }))
  .refine((url) => {
    const parsed = new URL(url);
    return !parsed.username && !parsed.password;
  }, "Remove the user name and password from the URL.");

export const createWebhookSchema = z.object({
  url: webhookUrlSchema,
  description: z.string().trim().max(200, "Keep the description under 200 characters.").default(""),
});

export const webhookIdSchema = z.object({ id: z.uuid() });

export const setWebhookActiveSchema = z.object({ id: z.uuid(), active: z.boolean() });
