"use server";

import { createApiKey, revokeApiKey } from "@/lib/platform/api-keys/manage-api-keys";
import { apiKeyIdSchema, createApiKeySchema } from "@/lib/platform/api-keys/schemas";
import { authorizedAction } from "@/lib/platform/http/action";

/** What these actions change shows on one settings page. */
const API_KEY_PAGES = [{ path: "/settings/api-keys" }] as const;

export const createApiKeyAction = authorizedAction({ permission: "apikeys:manage", schema: createApiKeySchema, revalidate: API_KEY_PAGES }, (input, ctx) =>
  createApiKey(ctx, input),
);

export const revokeApiKeyAction = authorizedAction({ permission: "apikeys:manage", schema: apiKeyIdSchema, revalidate: API_KEY_PAGES }, (input, ctx) =>
  revokeApiKey(ctx, input),
);
