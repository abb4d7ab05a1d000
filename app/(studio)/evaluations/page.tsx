import type { Metadata } from "next";
import Link from "next/link";
import { NewEvaluationButton } from "@/components/evals/new-evaluation-button";
import { formatRate, RunStatusBadge } from "@/components/evals/status-badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableHead, Td } from "@/components/ui/table";
import { requirePageAuth } from "@/lib/platform/auth/context";
import { can } from "@/lib/platform/auth/policy";
import { listEvalRuns } from "@/lib/evals/server";
import { formatUtc } from "@/lib/core/ui/format-time";

export const metadata: Metadata = { title: "Evaluations" };

export default async function EvaluationsPage() {
  const ctx = await requirePageAuth("prompts:read");
  const runs = await listEvalRuns({ workspaceId: ctx.workspaceId, limit: 100 });
  const canRun = can(ctx.role, "evals:run");

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">Evaluations</h1>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Each evaluation runs prompt versions over every case of a dataset and scores the replies. CI starts them with{" "}
            <code className="rounded bg-zinc-100 px-1 dark:bg-zinc-800">npx promptops eval</code>.
          </p>
        </div>
        <div className="flex gap-2">
          {runs.length > 1 && (
            <Link href="/evaluations/compare" className="inline-flex h-9 items-center rounded-md border border-zinc-300 px-3.5 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">
              Compare evaluations
            </Link>
          )}
          {canRun && <NewEvaluationButton />}
        </div>
      </header>
      {runs.length === 0 ? (
        <EmptyState title="No evaluations yet">
          {canRun
            ? "Press New evaluation, pick a dataset and the versions to compare, choose scorers, and run it. Results appear here as cases finish."
            : "Editors and admins start evaluations; their results will be listed here."}
        </EmptyState>
      ) : (
        <Table aria-label="Evaluations">
          <TableHead columns={["Name", "Prompt / versions", "Dataset", "Status", "Progress", "Pass rate", "Created"]} />
          <tbody>
            {runs.map((run) => (
              <tr key={run.id}>
                <Td>
                  <Link href={`/evaluations/${run.id}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
                    {run.name || "Untitled evaluation"}
                  </Link>
                  {run.source !== "ui" && <span className="ml-2 text-xs text-zinc-500">via {run.source.toUpperCase()}</span>}
                </Td>
                <Td>
                  {run.targets[0]?.promptName}{" "}
                  <span className="text-zinc-600 dark:text-zinc-400">
                    {run.targets.map((t) => `v${t.version}${t.environmentName ? ` (${t.environmentName})` : ""}`).join(", ")}
                  </span>
                </Td>
                <Td>{run.datasetName}</Td>
                <Td>
                  <RunStatusBadge status={run.status} />
                </Td>
                <Td className="whitespace-nowrap tabular-nums">
                  {run.done} / {run.totalCases}
                  {run.errors > 0 && <span className="ml-1 text-xs text-amber-700 dark:text-amber-400">({run.errors} errors)</span>}
                  {run.unscored > 0 && <span className="ml-1 text-xs text-zinc-600 dark:text-zinc-400">({run.unscored} unscored)</span>}
                </Td>
                <Td className="tabular-nums">{formatRate(run.passRate)}</Td>
                <Td className="whitespace-nowrap">{formatUtc(run.createdAt.toISOString())}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}
