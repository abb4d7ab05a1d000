import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableHead, Td } from "@/components/ui/table";
import { SCHEME_LABELS, type VisibleQueue } from "@/lib/review";
import { ProgressBar } from "./progress-bar";

const link = "text-indigo-700 hover:underline dark:text-indigo-300";

/** The queues a member can see, with overall progress and their own part. */
export function QueueList({ queues, canManage }: { queues: VisibleQueue[]; canManage: boolean }) {
  if (queues.length === 0) {
    return (
      <EmptyState title="No review queues yet">
        {canManage
          ? "Create a queue with New queue: take outputs from an evaluation, the playground or production generations, choose thumbs, a 1–5 scale, a rubric or a pairwise comparison, and assign reviewers."
          : "No queue is assigned to you yet. A lead or editor assigns reviewers when they create a queue; it appears here when they do."}
      </EmptyState>
    );
  }
  return (
    <Table aria-label="Review queues">
      <TableHead columns={["Queue", "Scheme", "Overall", "Yours"]} actions />
      <tbody>
        {queues.map((q) => (
          <tr key={q.id}>
            <Td>
              <Link href={q.access.rate ? `/review/${q.id}` : `/review/${q.id}/overview`} className={`font-medium ${link}`}>
                {q.name}
              </Link>
              {q.archivedAt !== null && (
                <Badge tone="warning" className="ml-2">
                  archived
                </Badge>
              )}
              {q.reviewersPerItem > 1 && <span className="ml-2 text-xs text-zinc-500">{q.reviewersPerItem} reviewers per item</span>}
            </Td>
            <Td>{SCHEME_LABELS[q.scheme.type]}</Td>
            <Td>
              <ProgressBar label={`${q.name} overall progress`} value={q.doneCount} max={q.itemCount} text={`${q.doneCount} / ${q.itemCount} done`} />
            </Td>
            <Td className="text-xs tabular-nums">{q.assigned ? `${q.myRatedCount} rated · ${q.myOpenCount} open` : <span className="text-zinc-500">not assigned</span>}</Td>
            <Td className="space-x-3 text-right whitespace-nowrap">
              {q.access.rate && (
                <Link href={`/review/${q.id}`} className={link} aria-label={`Rate ${q.name}`}>
                  Rate
                </Link>
              )}
              {q.access.manage && (
                <Link href={`/review/${q.id}/overview`} className={link} aria-label={`Overview of ${q.name}`}>
                  Overview
                </Link>
              )}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
