"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Section } from "@/components/ui/section";
import { Table, Td, Th } from "@/components/ui/table";
import { formatMs } from "@/lib/playground";
import { ResultDialog } from "./result-dialog";
import { ResultStatusBadge } from "./status-badge";
import { useEvalResults } from "./use-eval-run";

const preview = (variables: Record<string, string>) =>
  Object.entries(variables)
    .map(([k, v]) => `${k}: ${v}`)
    .join(" · ");

/** The run's results, a page at a time, optionally failures only; each row opens the case in a dialog. */
export function ResultsTable({ runId, live, multipleTargets }: { runId: string; live: boolean; multipleTargets: boolean }) {
  const [failuresOnly, setFailuresOnly] = useState(false);
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const query = useEvalResults({ runId, filter: failuresOnly ? "failures" : "all", page, live });
  const data = query.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  return (
    <Section
      id="results-heading"
      title="Results"
      actions={
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={failuresOnly}
            onChange={(e) => {
              setFailuresOnly(e.target.checked);
              setPage(1);
            }}
          />
          Failures only
        </label>
      }
    >
      {query.error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          The results could not be loaded: {query.error.message}
        </p>
      ) : !data ? (
        <p className="text-sm text-zinc-500">Loading results…</p>
      ) : data.items.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {failuresOnly ? "No failures so far." : live ? "No case has finished yet; results appear as they complete." : "This evaluation has no results."}
        </p>
      ) : (
        <>
          <Table aria-label="Results">
            <thead>
              <tr>
                <Th>Case</Th>
                {multipleTargets && <Th>Version</Th>}
                <Th>Status</Th>
                <Th>Input</Th>
                <Th>Output</Th>
                <Th>Latency</Th>
                <Th>
                  <span className="sr-only">Open</span>
                </Th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((r) => (
                <tr key={r.id} className="cursor-pointer hover:bg-zinc-50 dark:hover:bg-zinc-800/40" onClick={() => setOpen(r.id)}>
                  <Td className="tabular-nums">{r.case}</Td>
                  {multipleTargets && <Td>v{r.version}</Td>}
                  <Td>
                    <ResultStatusBadge status={r.status} />
                  </Td>
                  <Td className="max-w-48 truncate" title={preview(r.variables)}>
                    {preview(r.variables)}
                  </Td>
                  <Td className="max-w-72 truncate" title={r.error ?? r.output}>
                    {r.error ?? r.output}
                  </Td>
                  <Td className="whitespace-nowrap tabular-nums">{formatMs(r.latencyMs)}</Td>
                  <Td>
                    <Button
                      size="sm"
                      variant="ghost"
                      aria-label={`Open case ${r.case}${multipleTargets ? ` v${r.version}` : ""}`}
                      onClick={(e) => {
                        e.stopPropagation();
                        setOpen(r.id);
                      }}
                    >
                      Open
                    </Button>
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <nav aria-label="Results pages" className="flex items-center justify-end gap-2 text-sm">
            <Button size="sm" variant="secondary" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
              Previous page
            </Button>
            <span className="tabular-nums">
              Page {page} of {pages} · {data.total} results
            </span>
            <Button size="sm" variant="secondary" disabled={page >= pages} onClick={() => setPage((p) => p + 1)}>
              Next page
            </Button>
          </nav>
        </>
      )}
      <ResultDialog runId={runId} resultId={open} onClose={() => setOpen(null)} />
    </Section>
  );
}
