import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableHead, Td } from "@/components/ui/table";
import { listAuditEntries } from "@/lib/platform/audit/queries";
import { requirePageAuth } from "@/lib/platform/auth/context";

export const metadata: Metadata = { title: "Audit log" };

function summarise(value: unknown): string {
  if (value === null || value === undefined) return "";
  return JSON.stringify(value);
}

export default async function AuditLogPage() {
  const ctx = await requirePageAuth("audit:read");
  const { entries, hasMore } = await listAuditEntries({ workspaceId: ctx.workspaceId });
  if (entries.length === 0) return <EmptyState title="No changes recorded yet">Every change to this workspace will be listed here.</EmptyState>;
  return (
    <>
      <Table aria-label="Audit log">
        <TableHead columns={["When", "Who", "What", "Change"]} />
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <Td className="whitespace-nowrap">
                <time dateTime={e.createdAt.toISOString()}>{e.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC</time>
              </Td>
              <Td>{e.actorLabel}</Td>
              <Td>
                <code className="text-xs">{e.action}</code>
              </Td>
              <Td className="max-w-md font-mono text-xs break-all text-zinc-600 dark:text-zinc-400">
                {e.before !== null && <span className="block">before: {summarise(e.before)}</span>}
                {e.after !== null && <span className="block">after: {summarise(e.after)}</span>}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      {hasMore && <p className="mt-3 text-xs text-zinc-500">Showing the latest {entries.length} changes.</p>}
    </>
  );
}
