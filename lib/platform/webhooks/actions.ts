"use server";

import { actionGroup } from "@/lib/platform/http/action";
import { createWebhook, deleteWebhook, sendTestEvent, setWebhookActive } from "@/lib/platform/webhooks/manage-webhooks";
import { createWebhookSchema, setWebhookActiveSchema, webhookIdSchema } from "@/lib/platform/webhooks/schemas";

/** What these actions change shows on one settings page. */
const manage = actionGroup({ permission: "settings:manage", revalidate: [{ path: "/settings/webhooks" }] });

export const createWebhookAction = manage(createWebhookSchema, createWebhook);
export const setWebhookActiveAction = manage(setWebhookActiveSchema, setWebhookActive);
export const deleteWebhookAction = manage(webhookIdSchema, deleteWebhook);
export const sendTestEventAction = manage(webhookIdSchema, sendTestEvent);
