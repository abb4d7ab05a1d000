import { Badge } from "@/components/ui/badge";
import { Table, TableHead, Td } from "@/components/ui/table";
import type { WebhookAttemptView, WebhookDeliveryView, WebhookView } from "@/lib/platform/webhooks/types";

/** UTC, so the server's and the browser's renderings agree. */
export function UtcTime({ iso }: { iso: string }) {
  return <time dateTime={iso}>{iso.replace("T", " ").slice(0, 19)} UTC</time>;
}

function StatusBadge({ delivery }: { delivery: WebhookDeliveryView }) {
  if (delivery.status === "succeeded") return <Badge tone="success">Succeeded</Badge>;
  if (delivery.status === "failed") return <Badge tone="danger">Failed</Badge>;
  if (delivery.attempts > 0) return <Badge tone="warning">Retrying</Badge>;
  return <Badge tone="info">Pending</Badge>;
}

function outcome(attempt: WebhookAttemptView): string {
  return attempt.statusCode !== null ? `HTTP ${attempt.statusCode}` : (attempt.error ?? "No response");
}

function Attempts({ delivery }: { delivery: WebhookDeliveryView }) {
  const count = delivery.attemptList.length;
  if (count === 0) return <span className="text-zinc-500">None yet</span>;
  return (
    <details>
      <summary className="cursor-pointer">
        {count} {count === 1 ? "attempt" : "attempts"}
      </summary>
      <ol className="mt-2 flex flex-col gap-1 text-xs">
        {delivery.attemptList.map((a) => (
          <li key={a.attempt}>
            #{a.attempt} · <UtcTime iso={a.createdAt} /> · {outcome(a)} · {a.durationMs} ms
          </li>
        ))}
      </ol>
    </details>
  );
}

export function WebhookDeliveries({ webhook }: { webhook: WebhookView }) {
  const label = `Deliveries to ${webhook.url}`;
  if (webhook.deliveries.length === 0) {
    return (
      <div className="rounded-lg border border-dashed border-zinc-300 p-4 text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
        <p className="font-mono text-xs break-all">{webhook.url}</p>
        <p className="mt-1">No deliveries yet. Send a test event, or deploy a prompt, and each attempt will show up here.</p>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-2">
      <p className="font-mono text-xs break-all text-zinc-600 dark:text-zinc-400">{webhook.url}</p>
      <Table aria-label={label}>
        <TableHead columns={["Event", "Status", "Last response", "When", "Attempts"]} />
        <tbody>
          {webhook.deliveries.map((d) => {
            const last = d.attemptList.at(-1);
            return (
              <tr key={d.id}>
                <Td>
                  <code className="text-xs">{d.event}</code>
                </Td>
                <Td>
                  <StatusBadge delivery={d} />
                  {d.nextAttemptAt && d.attempts > 0 && (
                    <span className="block text-xs text-zinc-500">
                      next try <UtcTime iso={d.nextAttemptAt} />
                    </span>
                  )}
                </Td>
                <Td className="max-w-xs text-xs break-words">{last ? outcome(last) : "—"}</Td>
                <Td className="text-xs whitespace-nowrap">
                  <UtcTime iso={last?.createdAt ?? d.createdAt} />
                </Td>
                <Td className="text-sm">
                  <Attempts delivery={d} />
                </Td>
              </tr>
            );
          })}
        </tbody>
      </Table>
    </div>
  );
}
