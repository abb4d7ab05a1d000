"use server";

import { z } from "zod";
import { actionGroup, authorizedAction } from "@/lib/platform/http/action";
import { deleteProvider, saveProvider } from "@/lib/platform/providers/manage-providers";
import { providerIdSchema, providerInputSchema } from "@/lib/platform/providers/schemas";
import { testProvider } from "@/lib/platform/providers/test-provider";

/** What these actions change shows on one settings page. */
const manage = actionGroup({ permission: "settings:manage", revalidate: [{ path: "/settings/providers" }] });

export const saveProviderAction = manage(providerInputSchema, saveProvider);
export const deleteProviderAction = manage(providerIdSchema, deleteProvider);

export const testProviderAction = authorizedAction(
  { permission: "settings:manage", schema: z.object({ providerId: z.string().min(1).max(64) }) },
  (input, ctx) => testProvider({ workspaceId: ctx.workspaceId, providerId: input.providerId }),
);
