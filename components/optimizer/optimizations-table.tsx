import Link from "next/link";
import { RunStatusBadge } from "@/components/evals/status-badge";
import { Table, TableHead, Td } from "@/components/ui/table";
import type { OptimizationSummary } from "@/lib/optimizer";
import { formatUtc } from "@/lib/core/ui/format-time";
import { STRATEGY_LABELS, percent } from "./labels";
import { VerdictStatus } from "./verdict-status";

/** A prompt's optimizations, newest first: each links to its page. */
export function OptimizationsTable({ optimizations }: { optimizations: OptimizationSummary[] }) {
  return (
    <Table aria-label="Optimizations">
      <TableHead columns={["Optimization", "Status", "Strategy", "Dataset", "Held-out", "Started"]} />
      <tbody>
        {optimizations.map((o) => (
          <tr key={o.id}>
            <Td>
              <Link href={`/optimizations/${o.id}`} className="text-indigo-700 hover:underline dark:text-indigo-300">
                From v{o.baseVersion}
                {o.savedVersion !== null ? ` → v${o.savedVersion}` : ""}
              </Link>
            </Td>
            <Td>
              <RunStatusBadge status={o.status} />
            </Td>
            <Td>{STRATEGY_LABELS[o.strategy]}</Td>
            <Td className="max-w-48 truncate" title={o.dataset.name}>
              {o.dataset.name}
            </Td>
            <Td>
              {o.outcome ? (
                <span className="flex flex-wrap items-center gap-2 tabular-nums">
                  {percent(o.outcome.heldOut.baseline)} → {percent(o.outcome.heldOut.best)}
                  <VerdictStatus verdict={o.outcome.heldOut.verdict} />
                </span>
              ) : (
                "—"
              )}
            </Td>
            <Td className="whitespace-nowrap">
              <time dateTime={o.createdAt}>{formatUtc(o.createdAt)}</time>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
