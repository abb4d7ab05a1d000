"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authorizedAction } from "@/lib/platform/http/action";
import { deleteProvider, saveProvider } from "@/lib/platform/providers/manage-providers";
import { providerIdSchema, providerInputSchema } from "@/lib/platform/providers/schemas";
import { testProvider } from "@/lib/platform/providers/test-provider";

export const saveProviderAction = authorizedAction({ permission: "settings:manage", schema: providerInputSchema }, (input, ctx) => {
  const result = saveProvider(ctx, input);
  revalidatePath("/settings/providers");
  return result;
});

export const deleteProviderAction = authorizedAction({ permission: "settings:manage", schema: providerIdSchema }, (input, ctx) => {
  const result = deleteProvider(ctx, input);
  revalidatePath("/settings/providers");
  return result;
});

export const testProviderAction = authorizedAction(
  { permission: "settings:manage", schema: z.object({ providerId: z.string().min(1).max(64) }) },
  (input, ctx) => testProvider({ workspaceId: ctx.workspaceId, providerId: input.providerId }),
);
