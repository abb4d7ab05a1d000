"use server";

import { revalidatePath } from "next/cache";
import { authorizedAction } from "@/lib/platform/http/action";
import { createWebhook, deleteWebhook, sendTestEvent, setWebhookActive } from "@/lib/platform/webhooks/manage-webhooks";
import { createWebhookSchema, setWebhookActiveSchema, webhookIdSchema } from "@/lib/platform/webhooks/schemas";

const PATH = "/settings/webhooks";

export const createWebhookAction = authorizedAction({ permission: "settings:manage", schema: createWebhookSchema }, (input, ctx) => {
  const result = createWebhook(ctx, input);
  revalidatePath(PATH);
  return result;
});

export const setWebhookActiveAction = authorizedAction({ permission: "settings:manage", schema: setWebhookActiveSchema }, (input, ctx) => {
  const result = setWebhookActive(ctx, input);
  revalidatePath(PATH);
  return result;
});

export const deleteWebhookAction = authorizedAction({ permission: "settings:manage", schema: webhookIdSchema }, (input, ctx) => {
  const result = deleteWebhook(ctx, input);
  revalidatePath(PATH);
  return result;
});

export const sendTestEventAction = authorizedAction({ permission: "settings:manage", schema: webhookIdSchema }, (input, ctx) => {
  const result = sendTestEvent(ctx, input);
  revalidatePath(PATH);
  return result;
});
