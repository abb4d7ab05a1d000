"use server";

import { z } from "zod";
import { authorizedAction } from "@/lib/platform/http/action";
import { deleteProvider, saveProvider } from "@/lib/platform/providers/manage-providers";
import { providerIdSchema, providerInputSchema } from "@/lib/platform/providers/schemas";
import { testProvider } from "@/lib/platform/providers/test-provider";

/** What these actions change shows on one settings page. */
const PROVIDER_PAGES = [{ path: "/settings/providers" }] as const;

export const saveProviderAction = authorizedAction({ permission: "settings:manage", schema: providerInputSchema, revalidate: PROVIDER_PAGES }, (input, ctx) =>
  saveProvider(ctx, input),
);

export const deleteProviderAction = authorizedAction({ permission: "settings:manage", schema: providerIdSchema, revalidate: PROVIDER_PAGES }, (input, ctx) =>
  deleteProvider(ctx, input),
);

export const testProviderAction = authorizedAction(
  { permission: "settings:manage", schema: z.object({ providerId: z.string().min(1).max(64) }) },
  (input, ctx) => testProvider({ workspaceId: ctx.workspaceId, providerId: input.providerId }),
);
