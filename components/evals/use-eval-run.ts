"use client";

import { useQuery } from "@tanstack/react-query";
import type { EvalResultsPage, EvalResultView, EvalRunView } from "@/lib/evals";

export const evalRunKey = (runId: string) => ["eval-run", runId] as const;

const ACTIVE = new Set(["queued", "running"]);
export const isActive = (status: string) => ACTIVE.has(status);

export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  const body = (await response.json().catch(() => ({ error: `HTTP ${response.status}` }))) as T | { error: string };
  if (!response.ok || (typeof body === "object" && body !== null && "error" in body)) {
    throw new Error((body as { error?: string }).error ?? `HTTP ${response.status}`);
  }
  return body as T;
}

/** The run, from the server's render, then polled every second while it is queued or running. */
export function useEvalRun(initial: EvalRunView) {
  return useQuery({
    queryKey: evalRunKey(initial.id),
    queryFn: () => fetchJson<EvalRunView>(`/api/evals/runs/${initial.id}`),
    initialData: initial,
    refetchInterval: (query) => (isActive(query.state.data?.status ?? "") ? 1_000 : false),
  });
}

export function useEvalResults({ runId, filter, page, live }: { runId: string; filter: string; page: number; live: boolean }) {
  return useQuery({
    queryKey: [...evalRunKey(runId), "results", { filter, page }],
    queryFn: () => fetchJson<EvalResultsPage>(`/api/evals/runs/${runId}/results?${new URLSearchParams({ filter, page: String(page), pageSize: "25" })}`),
    refetchInterval: live ? 1_500 : false,
  });
}

export function useEvalResult(runId: string, resultId: string | null) {
  return useQuery({
    queryKey: [...evalRunKey(runId), "result", resultId],
    queryFn: () => fetchJson<EvalResultView>(`/api/evals/runs/${runId}/results/${resultId}`),
    enabled: resultId !== null,
  });
}
