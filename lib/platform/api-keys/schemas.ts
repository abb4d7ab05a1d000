import { z } from "zod";
import { API_KEY_SCOPES } from "@/db/schema";

export const createApiKeySchema = z.object({
  name: z.string().trim().min(1, "Give the key a name, such as the application that will use it.").max(80),
  scope: z.enum(API_KEY_SCOPES, { message: "Choose read or read-write." }),
});

export const apiKeyIdSchema = z.object({ apiKeyId: z.string().min(1).max(64) });
