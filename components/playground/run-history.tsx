"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field, Options, Select } from "@/components/ui/input";
import { Section } from "@/components/ui/section";
import { Table, TableHead, Td } from "@/components/ui/table";
import { formatCost, formatMs, type RunHistoryPage, type RunStatus } from "@/lib/playground";
import { formatUtc } from "@/lib/core/ui/format-time";

export const runHistoryKey = (promptId: string) => ["playground-runs", promptId] as const;

const statusTones = { succeeded: "success", failed: "danger", cancelled: "warning" } as const;

async function fetchRuns({ promptId, model, status, page }: { promptId: string; model: string; status: string; page: number }): Promise<RunHistoryPage> {
  const params = new URLSearchParams({ promptId, page: String(page) });
  if (model) params.set("model", model);
  if (status) params.set("status", status);
  const response = await fetch(`/api/playground/runs?${params}`);
  const body = (await response.json()) as RunHistoryPage | { error: string };
  if (!response.ok || "error" in body) throw new Error("error" in body ? body.error : `HTTP ${response.status}`);
  return body;
}

/** Every run of this prompt, newest first, filterable by model and status; any run reopens in the playground. */
export function RunHistory({ promptId, openHref }: { promptId: string; openHref: (runId: string) => string }) {
  const [model, setModel] = useState("");
  const [status, setStatus] = useState<"" | RunStatus>("");
  const [page, setPage] = useState(1);
  const query = useQuery({
    queryKey: [...runHistoryKey(promptId), { model, status, page }],
    queryFn: () => fetchRuns({ promptId, model, status, page }),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
  const data = query.data;

  return (
    <Section
      id="run-history-heading"
      title="Run history"
      align="end"
      actions={
        <div className="flex flex-wrap items-end gap-2">
          <Field size="sm" label="Filter by model" htmlFor="history-model">
            <Select id="history-model" className="h-8 w-56" value={model} onChange={(event) => (setModel(event.target.value), setPage(1))}>
              <option value="">All models</option>
              <Options items={(data?.models ?? []).map((m) => [m, m] as const)} />
            </Select>
          </Field>
          <Field size="sm" label="Filter by status" htmlFor="history-status">
            <Select id="history-status" className="h-8 w-40" value={status} onChange={(event) => (setStatus(event.target.value as "" | RunStatus), setPage(1))}>
              <option value="">All statuses</option>
              <option value="succeeded">Succeeded</option>
              <option value="failed">Failed</option>
              <option value="cancelled">Cancelled</option>
            </Select>
          </Field>
        </div>
      }
    >
      {query.error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          The run history could not be loaded: {query.error.message}
        </p>
      ) : !data ? (
        <p className="text-sm text-zinc-500">Loading runs…</p>
      ) : data.rows.length === 0 ? (
        <p className="text-sm text-zinc-500">{model || status ? "No runs match these filters." : "No runs yet. Every column you run is kept here."}</p>
      ) : (
        <>
          <Table aria-label="Run history">
            <TableHead columns={["When", "Who", "Version", "Model", "Status", "Latency", "Tokens", "Cost", "Output"]} actions />
            <tbody>
              {data.rows.map((row) => (
                <tr key={row.id}>
                  <Td className="whitespace-nowrap text-zinc-600 dark:text-zinc-400">{formatUtc(row.createdAt)}</Td>
                  <Td className="whitespace-nowrap">{row.userName}</Td>
                  <Td className="font-mono">{row.version === null ? "Draft" : `v${row.version}`}</Td>
                  <Td className="font-mono text-xs">{row.modelId}</Td>
                  <Td>
                    <Badge tone={statusTones[row.status]}>{row.status}</Badge>
                  </Td>
                  <Td className="font-mono text-xs whitespace-nowrap">{formatMs(row.latencyMs)}</Td>
                  <Td className="font-mono text-xs whitespace-nowrap">{row.inputTokens === null ? "—" : `${row.inputTokens} / ${row.outputTokens}`}</Td>
                  <Td className="font-mono text-xs">{formatCost(row.costUsd)}</Td>
                  <Td className="max-w-56 truncate text-xs" title={row.errorMessage ?? row.outputPreview}>
                    {row.errorMessage ?? row.outputPreview}
                  </Td>
                  <Td className="text-right whitespace-nowrap">
                    <Link href={openHref(row.id)} className="text-sm text-indigo-700 hover:underline dark:text-indigo-300" aria-label={`Open in playground: run of ${formatUtc(row.createdAt)}, ${row.modelId}`}>
                      Open in playground
                    </Link>
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
          {data.pageCount > 1 && (
            <div className="flex items-center gap-2 text-sm">
              <Button size="sm" variant="secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                Newer
              </Button>
              <span className="text-zinc-600 dark:text-zinc-400">
                Page {data.page} of {data.pageCount} · {data.total} runs
              </span>
              <Button size="sm" variant="secondary" disabled={page >= data.pageCount} onClick={() => setPage(page + 1)}>
                Older
              </Button>
            </div>
          )}
        </>
      )}
    </Section>
  );
}
