// Client-safe shapes of what the settings page shows; dates are ISO strings.

export const WEBHOOK_EVENTS = ["deployment.changed", "webhook.test"] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export interface WebhookAttemptView {
  attempt: number;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  createdAt: string;
}

export interface WebhookDeliveryView {
  id: string;
  event: string;
  status: "pending" | "succeeded" | "failed";
  attempts: number;
  /** When the next attempt is due, while the delivery is pending. */
  nextAttemptAt: string | null;
  createdAt: string;
  /** Oldest first. */
  attemptList: WebhookAttemptView[];
}

export interface WebhookView {
  id: string;
  url: string;
  description: string;
  active: boolean;
  createdAt: string;
  /** The most recent deliveries, newest first. */
  deliveries: WebhookDeliveryView[];
}
