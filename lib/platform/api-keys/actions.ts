"use server";

import { revalidatePath } from "next/cache";
import { createApiKey, revokeApiKey } from "@/lib/platform/api-keys/manage-api-keys";
import { apiKeyIdSchema, createApiKeySchema } from "@/lib/platform/api-keys/schemas";
import { authorizedAction } from "@/lib/platform/http/action";

export const createApiKeyAction = authorizedAction({ permission: "apikeys:manage", schema: createApiKeySchema }, (input, ctx) => {
  const created = createApiKey(ctx, input);
  revalidatePath("/settings/api-keys");
  return created;
});

export const revokeApiKeyAction = authorizedAction({ permission: "apikeys:manage", schema: apiKeyIdSchema }, (input, ctx) => {
  const result = revokeApiKey(ctx, input);
  revalidatePath("/settings/api-keys");
  return result;
});
