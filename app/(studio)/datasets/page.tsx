import type { Metadata } from "next";
import Link from "next/link";
import { NewDatasetDialog } from "@/components/datasets/new-dataset-dialog";
import { PromptfooImportDialog } from "@/components/datasets/promptfoo-import-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { requirePageAuth } from "@/lib/platform/auth/context";
import { can } from "@/lib/platform/auth/policy";
import { listDatasets } from "@/lib/datasets/server";
import { formatUtc } from "@/lib/core/ui/format-time";

export const metadata: Metadata = { title: "Datasets" };

export default async function DatasetsPage({ searchParams }: { searchParams: Promise<{ archived?: string }> }) {
  const ctx = await requirePageAuth("prompts:read");
  const showArchived = (await searchParams).archived === "1";
  const datasets = await listDatasets({ workspaceId: ctx.workspaceId, includeArchived: showArchived });
  const canEdit = can(ctx.role, "datasets:write");

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">Datasets</h1>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Test cases for evaluations: input variables, an optional expected output, tags and a note. Import CSV or JSONL, or save cases from the
            playground.
          </p>
        </div>
        {canEdit && (
          <div className="flex gap-2">
            <PromptfooImportDialog />
            <NewDatasetDialog />
          </div>
        )}
      </header>
      <Link href={showArchived ? "/datasets" : "/datasets?archived=1"} className="self-start text-sm text-indigo-700 hover:underline dark:text-indigo-300">
        {showArchived ? "Hide archived datasets" : "Show archived datasets"}
      </Link>
      {datasets.length === 0 ? (
        <EmptyState title="No datasets yet">
          {canEdit
            ? "Press New dataset, then add cases by hand, import a CSV or JSONL file, or use “Save as test case” on a playground run."
            : "Editors and admins create datasets; they will be listed here."}
        </EmptyState>
      ) : (
        <Table aria-label="Datasets">
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Description</Th>
              <Th className="text-right">Cases</Th>
              <Th>Updated</Th>
            </tr>
          </thead>
          <tbody>
            {datasets.map((dataset) => (
              <tr key={dataset.id}>
                <Td>
                  <Link href={`/datasets/${dataset.id}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
                    {dataset.name}
                  </Link>
                  {dataset.archivedAt && <span className="ml-2 text-xs text-zinc-500">archived</span>}
                </Td>
                <Td className="max-w-md truncate text-zinc-600 dark:text-zinc-400">{dataset.description}</Td>
                <Td className="text-right tabular-nums">{dataset.caseCount}</Td>
                <Td className="whitespace-nowrap">{formatUtc(dataset.updatedAt.toISOString())}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}
