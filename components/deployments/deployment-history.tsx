import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableHead, Td } from "@/components/ui/table";
import { formatUtc } from "@/lib/core/ui/format-time";
import type { DeploymentView } from "./types";

const kindTone = { deploy: "info", promotion: "success", rollback: "warning" } as const;

export function DeploymentHistory({ rows, showPrompt = false }: { rows: DeploymentView[]; showPrompt?: boolean }) {
  if (rows.length === 0) {
    return <EmptyState title="Nothing deployed yet">Use Promote to send a version to an environment; every move is recorded here.</EmptyState>;
  }
  return (
    <Table aria-label="Deployment history">
      <TableHead columns={[...(showPrompt ? ["Prompt"] : []), "Environment", "Change", "Kind", "Requested by", "Approved by", "When", "Comment"]} />
      <tbody>
        {rows.map((d) => (
          <tr key={d.id}>
            {showPrompt && <Td>{d.promptName}</Td>}
            <Td>{d.environmentName}</Td>
            <Td className="whitespace-nowrap font-mono text-xs">
              {d.fromVersion ? `v${d.fromVersion}` : "none"} → v{d.toVersion}
            </Td>
            <Td>
              <Badge tone={kindTone[d.kind]}>{d.kind}</Badge>
            </Td>
            <Td>{d.requestedByLabel}</Td>
            <Td>
              {d.approvedByLabel ?? "—"}
              {d.gateOverride && (
                <span className="mt-1 block text-xs text-amber-700 dark:text-amber-400">
                  <Badge tone="warning">gates overridden</Badge> {d.gateOverride.failed.join(", ")}: {d.gateOverride.reason}
                </span>
              )}
            </Td>
            <Td className="whitespace-nowrap">
              <time dateTime={d.createdAt}>{formatUtc(d.createdAt)}</time>
            </Td>
            <Td className="max-w-xs truncate" title={d.comment}>
              {d.comment || "—"}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
