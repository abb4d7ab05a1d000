"use server";

import { authorizedAction } from "@/lib/platform/http/action";
import { createWebhook, deleteWebhook, sendTestEvent, setWebhookActive } from "@/lib/platform/webhooks/manage-webhooks";
import { createWebhookSchema, setWebhookActiveSchema, webhookIdSchema } from "@/lib/platform/webhooks/schemas";


/** What these actions change shows on one settings page. */
const WEBHOOK_PAGES = [{ path: "/settings/webhooks" }] as const;

export const createWebhookAction = authorizedAction({ permission: "settings:manage", schema: createWebhookSchema, revalidate: WEBHOOK_PAGES }, (input, ctx) =>
  createWebhook(ctx, input),
);

export const setWebhookActiveAction = authorizedAction({ permission: "settings:manage", schema: setWebhookActiveSchema, revalidate: WEBHOOK_PAGES }, (input, ctx) =>
  setWebhookActive(ctx, input),
);

export const deleteWebhookAction = authorizedAction({ permission: "settings:manage", schema: webhookIdSchema, revalidate: WEBHOOK_PAGES }, (input, ctx) =>
  deleteWebhook(ctx, input),
);

export const sendTestEventAction = authorizedAction({ permission: "settings:manage", schema: webhookIdSchema, revalidate: WEBHOOK_PAGES }, (input, ctx) =>
  sendTestEvent(ctx, input),
);
