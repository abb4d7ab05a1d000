import type { Metadata } from "next";
import Link from "next/link";
import { ArchiveDatasetButton } from "@/components/datasets/archive-dataset-button";
import { CasesTable } from "@/components/datasets/cases-table";
import { EditDatasetDialog } from "@/components/datasets/edit-dataset-dialog";
import { ImportCasesDialog } from "@/components/datasets/import-cases-dialog";
import { requirePageAuth } from "@/lib/platform/auth/context";
import { can } from "@/lib/platform/auth/policy";
import { loadDatasetPage } from "@/lib/datasets/server";
import { orNotFound } from "@/lib/platform/http/page-data";

export const metadata: Metadata = { title: "Dataset" };

export default async function DatasetPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ page?: string }> }) {
  const ctx = await requirePageAuth("prompts:read");
  const { id } = await params;
  const requested = Number((await searchParams).page);
  const { dataset, total, pages, page, cases, variables } = await orNotFound(() => loadDatasetPage(ctx, id, requested));
  const canEdit = can(ctx.role, "datasets:write") && !dataset.archivedAt;

  return (
    <div className="flex flex-col gap-5">
      <Link href="/datasets" className="text-sm text-indigo-700 hover:underline dark:text-indigo-300">
        ← Datasets
      </Link>
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">{dataset.name}</h1>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {dataset.description || "No description."} · {total} {total === 1 ? "case" : "cases"}
            {dataset.archivedAt && " · archived"}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {canEdit && <EditDatasetDialog datasetId={dataset.id} name={dataset.name} description={dataset.description} />}
          {canEdit && <ImportCasesDialog datasetId={dataset.id} />}
          <a className="inline-flex h-9 items-center rounded-md border border-zinc-300 px-3.5 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800" href={`/api/datasets/${dataset.id}/export?format=csv`} download>
            Export CSV
          </a>
          <a className="inline-flex h-9 items-center rounded-md border border-zinc-300 px-3.5 text-sm font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800" href={`/api/datasets/${dataset.id}/export?format=jsonl`} download>
            Export JSONL
          </a>
          {can(ctx.role, "datasets:write") && <ArchiveDatasetButton datasetId={dataset.id} archived={dataset.archivedAt !== null} />}
        </div>
      </header>
      {dataset.defaultScorers.length > 0 && (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Default scorers: {dataset.defaultScorers.map((s) => s.label).join(", ")}
        </p>
      )}
      <CasesTable
        key={`${dataset.id}-${page}-${total}`}
        datasetId={dataset.id}
        canEdit={canEdit}
        variables={variables}
        cases={cases.map((c) => ({ id: c.id, position: c.position, variables: c.variables, expectedOutput: c.expectedOutput, tags: c.tags, note: c.note, assertions: c.assertions.length }))}
      />
      {pages > 1 && (
        <nav aria-label="Case pages" className="flex items-center gap-3 text-sm">
          {page > 1 && <Link href={`/datasets/${id}?page=${page - 1}`}>Previous page</Link>}
          <span>
            Page {page} of {pages}
          </span>
          {page < pages && <Link href={`/datasets/${id}?page=${page + 1}`}>Next page</Link>}
        </nav>
      )}
    </div>
  );
}
