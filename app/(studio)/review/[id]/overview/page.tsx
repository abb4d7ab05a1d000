import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AgreementTables } from "@/components/review/agreement-tables";
import { ProgressBar } from "@/components/review/progress-bar";
import { AddItemsForm, QueueSettings } from "@/components/review/queue-settings";
import { Card } from "@/components/ui/card";
import { Table, TableHead, Td } from "@/components/ui/table";
import { requirePageAuth } from "@/lib/platform/auth/context";
import { userPrincipal } from "@/lib/platform/auth/principal";
import { isAppError } from "@/lib/core/errors";
import { queueAgreement, loadNewQueueOptions, loadQueueOverview } from "@/lib/review/server";
import { SCHEME_LABELS } from "@/lib/review";

export const metadata: Metadata = { title: "Review queue" };

const link = "text-indigo-700 hover:underline dark:text-indigo-300";

export default async function QueueOverviewPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePageAuth("review:manage");
  const { id } = await params;
  const principal = userPrincipal(ctx);
  let overview;
  try {
    overview = await loadQueueOverview(principal, id);
  } catch (error) {
    if (isAppError(error) && error.status === 404) notFound();
    throw error;
  }
  const { queue, progress } = overview;
  const report = await queueAgreement(principal, id);
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-1">
        <nav aria-label="Queue links" className="flex flex-wrap gap-4 text-sm">
          <Link href="/review" className={link}>
            ← Review
          </Link>
          {overview.assigned && (
            <Link href={`/review/${id}`} className={link}>
              Rate this queue
            </Link>
          )}
          <a href={`/api/review/queues/${id}/export?format=csv`} className={link}>
            Export CSV
          </a>
          <a href={`/api/review/queues/${id}/export?format=jsonl`} className={link}>
            Export JSONL
          </a>
          <Link href={`/dashboard/ratings?queue=${id}`} className={link}>
            Rated items
          </Link>
        </nav>
        <h1 className="text-xl font-semibold">{queue.name}</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {SCHEME_LABELS[queue.scheme.type]}
          {queue.scheme.type === "rubric" && `: ${queue.scheme.criteria.map((c) => `${c.name} (${c.scale === "1-5" ? "1–5" : "yes/no"})`).join(", ")}`} · {queue.reviewersPerItem}{" "}
          {queue.reviewersPerItem === 1 ? "reviewer" : "reviewers"} per item{queue.archivedAt ? " · archived" : ""}
        </p>
      </header>

      <Card className="flex flex-col gap-3">
        <h2 className="text-base font-semibold">Progress</h2>
        <ProgressBar label="Overall progress" value={progress.doneCount} max={progress.itemCount} text={`${progress.doneCount} of ${progress.itemCount} items done · ${progress.ratingCount} ratings`} />
        {progress.reviewers.length > 0 && (
          <Table aria-label="Reviewer progress">
            <TableHead columns={["Reviewer", "Rated", "Still open to them"]} />
            <tbody>
              {progress.reviewers.map((r) => (
                <tr key={r.userId}>
                  <Td>{r.email}</Td>
                  <Td className="tabular-nums">{r.rated}</Td>
                  <Td className="tabular-nums">{r.open}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>

      <AgreementTables report={report} canRate={overview.assigned} />

      <div className="grid gap-4 xl:grid-cols-2">
        <QueueSettings
          queue={{ id: queue.id, name: queue.name, instructions: queue.instructions, reviewersPerItem: queue.reviewersPerItem, archived: queue.archivedAt !== null }}
          assigneeIds={overview.assignees.map((a) => a.userId)}
          members={overview.members}
        />
        {!queue.archivedAt && <AddItemsForm queueId={queue.id} options={await loadNewQueueOptions({ workspaceId: ctx.workspaceId })} pairwise={queue.scheme.type === "pairwise"} />}
      </div>
    </div>
  );
}
