import type { Metadata } from "next";
import { WebhookForm } from "@/components/settings/webhook-form";
import { WebhooksTable } from "@/components/settings/webhooks-table";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePageAuth } from "@/lib/platform/auth/context";
import { listWebhookViews } from "@/lib/platform/webhooks/queries";
import { DEFAULT_BACKOFF, type BackoffPolicy } from "@/lib/platform/webhooks/worker";

export const metadata: Metadata = { title: "Webhooks" };

function describeRetries({ delaysMs, maxAttempts }: BackoffPolicy): string {
  const waits = delaysMs.slice(0, maxAttempts - 1).map((ms) => (ms < 60_000 ? `${ms / 1000} s` : ms < 3_600_000 ? `${ms / 60_000} min` : `${ms / 3_600_000} h`));
  const list = waits.length > 1 ? `${waits.slice(0, -1).join(", ")} and ${waits.at(-1)}` : (waits[0] ?? "");
  return `retried after ${list}, ${maxAttempts} attempts in all`;
}

export default async function WebhooksPage() {
  const ctx = await requirePageAuth("settings:manage");
  const webhooks = await listWebhookViews({ workspaceId: ctx.workspaceId });
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h2 className="text-base font-semibold">Webhooks</h2>
        <p className="mt-1 max-w-prose text-sm text-zinc-600 dark:text-zinc-400">
          Each URL receives a signed JSON <code>POST</code> whenever a deployment, promotion or rollback changes what an environment
          serves. Check the <code>X-PromptOps-Signature</code> header with the webhook&apos;s signing secret and answer with any 2xx
          status. Anything else is {describeRetries(DEFAULT_BACKOFF)}.
        </p>
      </div>
      <WebhookForm />
      {webhooks.length === 0 ? (
        <EmptyState title="No webhooks yet">
          Add the URL of a service that should hear about deployment changes, such as a chat relay or a CI job, then send it a test event.
        </EmptyState>
      ) : (
        <WebhooksTable webhooks={webhooks} />
      )}
    </div>
  );
}
