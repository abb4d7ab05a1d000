"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { toast } from "sonner";
import { deleteWebhookAction, sendTestEventAction, setWebhookActiveAction } from "@/lib/platform/webhooks/actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Table, TableHead, Td } from "@/components/ui/table";
import type { ActionResult } from "@/lib/platform/http/action";
import type { WebhookView } from "@/lib/platform/webhooks/types";
import { UtcTime, WebhookDeliveries } from "./webhook-deliveries";

const REFRESH_MS = 3_000;
const SOON_MS = 30_000;

/** While a delivery is due within seconds, re-render the page now and then so its outcome appears by itself. */
function useRefreshWhileSending(webhooks: WebhookView[]) {
  const router = useRouter();
  useEffect(() => {
    const soon = Date.now() + SOON_MS;
    const sending = webhooks.some((w) => w.active && w.deliveries.some((d) => d.nextAttemptAt !== null && Date.parse(d.nextAttemptAt) <= soon));
    if (!sending) return;
    const timer = setInterval(() => router.refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [webhooks, router]);
}

export function WebhooksTable({ webhooks }: { webhooks: WebhookView[] }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [deleting, setDeleting] = useState<WebhookView | null>(null);
  useRefreshWhileSending(webhooks);

  function run<T>(action: () => Promise<ActionResult<T>>, success: (data: T) => string, after?: () => void) {
    startTransition(async () => {
      const result = await action();
      if (result.ok) toast.success(success(result.data));
      else toast.error(result.error);
      after?.();
    });
  }

  return (
    <div className="flex flex-col gap-6">
      <Table aria-label="Webhooks">
        <TableHead columns={["URL", "Status", "Added", "Actions"]} />
        <tbody>
          {webhooks.map((w) => (
            <tr key={w.id}>
              <Td className="max-w-md">
                <span className="font-mono text-xs break-all">{w.url}</span>
                {w.description && <span className="block text-xs text-zinc-500">{w.description}</span>}
              </Td>
              <Td>{w.active ? <Badge tone="success">Active</Badge> : <Badge>Disabled</Badge>}</Td>
              <Td className="text-xs whitespace-nowrap">
                <UtcTime iso={w.createdAt} />
              </Td>
              <Td>
                <div className="flex flex-wrap gap-2">
                  <Button
                    size="sm"
                    variant="secondary"
                    disabled={pending || !w.active}
                    title={w.active ? undefined : "Enable the webhook to send a test event"}
                    aria-label={`Send test event to ${w.url}`}
                    onClick={() => run(() => sendTestEventAction({ id: w.id }), () => `Test event queued for ${w.url}`)}
                  >
                    Send test event
                  </Button>
                  <Button
                    size="sm"
                    variant="secondary"
                    disabled={pending}
                    aria-label={`${w.active ? "Disable" : "Enable"} ${w.url}`}
                    onClick={() =>
                      run(
                        () => setWebhookActiveAction({ id: w.id, active: !w.active }),
                        (data) => `${data.active ? "Enabled" : "Disabled"} ${data.url}`,
                      )
                    }
                  >
                    {w.active ? "Disable" : "Enable"}
                  </Button>
                  <Button size="sm" variant="danger" disabled={pending} aria-label={`Delete ${w.url}`} onClick={() => setDeleting(w)}>
                    Delete
                  </Button>
                </div>
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>

      <section aria-labelledby="webhook-deliveries-heading" className="flex flex-col gap-4">
        <div className="flex items-center justify-between">
          <h3 id="webhook-deliveries-heading" className="text-sm font-semibold">
            Recent deliveries
          </h3>
          <Button size="sm" variant="ghost" aria-label="Refresh deliveries" onClick={() => router.refresh()}>
            Refresh
          </Button>
        </div>
        {webhooks.map((w) => (
          <WebhookDeliveries key={w.id} webhook={w} />
        ))}
      </section>

      <Dialog open={deleting !== null} onClose={() => setDeleting(null)} title="Delete webhook">
        {deleting && (
          <div className="flex flex-col gap-4">
            <p className="text-sm">
              <span className="font-mono break-all">{deleting.url}</span> will stop receiving events, and its signing secret and delivery
              history will be deleted. The audit log keeps a record. To pause deliveries and keep the history, disable it instead.
            </p>
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={() => setDeleting(null)}>
                Cancel
              </Button>
              <Button
                variant="danger"
                busy={pending}
                onClick={() => run(() => deleteWebhookAction({ id: deleting.id }), (data) => `Deleted ${data.url}`, () => setDeleting(null))}
              >
                Delete webhook
              </Button>
            </div>
          </div>
        )}
      </Dialog>
    </div>
  );
}
