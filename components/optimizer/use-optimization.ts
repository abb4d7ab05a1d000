"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchJson, isActive } from "@/components/evals/use-eval-run";
import type { OptimizationView } from "@/lib/optimizer";

export const optimizationKey = (runId: string) => ["optimization", runId] as const;

/** The run, from the server's render, then polled every second while it is queued or running. */
export function useOptimization(initial: OptimizationView) {
  return useQuery({
    queryKey: optimizationKey(initial.id),
    queryFn: () => fetchJson<OptimizationView>(`/api/optimizations/${initial.id}`),
    initialData: initial,
    refetchInterval: (query) => (isActive(query.state.data?.status ?? "") ? 1_000 : false),
  });
}
