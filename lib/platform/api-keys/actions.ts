"use server";

import { createApiKey, revokeApiKey } from "@/lib/platform/api-keys/manage-api-keys";
import { apiKeyIdSchema, createApiKeySchema } from "@/lib/platform/api-keys/schemas";
import { actionGroup } from "@/lib/platform/http/action";

/** What these actions change shows on one settings page. */
const manage = actionGroup({ permission: "apikeys:manage", revalidate: [{ path: "/settings/api-keys" }] });

export const createApiKeyAction = manage(createApiKeySchema, createApiKey);
export const revokeApiKeyAction = manage(apiKeyIdSchema, revokeApiKey);
