"use client";

import Link from "next/link";
import { useState } from "react";
import { toast } from "sonner";
import { RunStatusBadge } from "@/components/evals/status-badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Section } from "@/components/ui/section";
import { describeLimit, type BudgetLimit, type OptimizationView } from "@/lib/optimizer";
import { cancelOptimizationAction } from "@/lib/optimizer/actions";
import { promptHref } from "@/lib/prompts";
import { formatUtc } from "@/lib/core/ui/format-time";
import { BestByRoundChart } from "./best-by-round-chart";
import { CandidateDiff } from "./candidate-diff";
import { HeldOutCard } from "./held-out-card";
import { STRATEGY_LABELS } from "./labels";
import { Leaderboard } from "./leaderboard";
import { OptimizationProgress } from "./optimization-progress";
import { SaveBestButton } from "./save-best-button";
import { useOptimization } from "./use-optimization";

const LIMITS: readonly string[] = ["candidates", "modelCalls", "costUsd", "wallMinutes"];

/** Why the search stopped, in words: a budget limit (describeLimit) or the last round. */
function stoppingReason(run: OptimizationView): string | null {
  const stoppedBy = run.outcome?.stoppedBy;
  if (!stoppedBy) return null;
  if (LIMITS.includes(stoppedBy)) return describeLimit(stoppedBy as BudgetLimit, run.budget);
  return `Stopped after its ${run.settings.rounds} rounds.`;
}

/** An optimization's page: live while it runs, then the leaderboard, the held-out verdict and "Save as new version". */
export function OptimizationRun({ initial, can }: { initial: OptimizationView; can: { run: boolean; write: boolean } }) {
  const { data: run, refetch } = useOptimization(initial);
  const [selected, setSelected] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const live = run.status === "queued" || run.status === "running" || run.status === "interrupted";
  const baseline = run.candidates.find((c) => c.origin === "baseline") ?? null;
  const bestKey = run.outcome?.bestKey ?? run.candidates[0]?.key ?? null;
  const selectedKey = selected ?? run.candidates.find((c) => c.origin !== "baseline")?.key ?? null;
  const selectedIndex = run.candidates.findIndex((c) => c.key === selectedKey);
  const reason = stoppingReason(run);

  async function cancel() {
    setCancelling(true);
    const result = await cancelOptimizationAction({ runId: run.id });
    setCancelling(false);
    if (result.ok) toast.success("Optimization cancelled");
    else toast.error(result.error);
    await refetch();
  }

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-2">
        <Link href={promptHref(run.prompt.name, { tab: "optimize" })} className="text-sm text-indigo-700 hover:underline dark:text-indigo-300">
          ← {run.prompt.name}: Optimize
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="min-w-0 break-words text-xl font-semibold">
            Optimization of {run.prompt.name} v{run.baseVersion}
          </h1>
          <RunStatusBadge status={run.status} />
          {can.run && live && (
            <Button variant="secondary" size="sm" busy={cancelling} onClick={cancel}>
              Cancel
            </Button>
          )}
        </div>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {STRATEGY_LABELS[run.strategy]} on <Link href={`/datasets/${run.dataset.id}`} className="text-indigo-700 underline dark:text-indigo-300">{run.dataset.name}</Link> · task model{" "}
          <code>{run.taskModelId}</code> · proposer <code>{run.proposerModelId}</code> · metric {run.metric.map((m) => `${m.type}${run.metric.length > 1 ? ` ×${m.weight}` : ""}`).join(" + ")} · started{" "}
          <time dateTime={run.createdAt}>{formatUtc(run.createdAt)}</time>
        </p>
        <p className="text-sm text-zinc-600 tabular-nums dark:text-zinc-400">
          Seed {run.settings.seed}
          {run.split ? ` · split ${run.split.train} train · ${run.split.validation} validation · ${run.split.heldOut} held-out` : " · the split is drawn when it starts"}
          {reason && ` · ${reason}`}
        </p>
        {run.errorMessage && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {run.errorMessage}
          </p>
        )}
      </header>

      <Card className="p-4">
        <OptimizationProgress run={run} />
      </Card>

      {run.outcome && (
        <div className="flex flex-col gap-3">
          <HeldOutCard run={run} />
          <SaveBestButton run={run} canWrite={can.write} onSaved={() => void refetch()} />
        </div>
      )}

      <Section id="leaderboard-heading" title="Leaderboard">
        <Leaderboard candidates={run.candidates} bestKey={bestKey} selectedKey={selectedKey} onSelect={setSelected} />
      </Section>

      {baseline && selectedIndex >= 0 && run.candidates[selectedIndex]!.origin !== "baseline" && (
        <CandidateDiff baseline={baseline} candidate={run.candidates[selectedIndex]!} rank={selectedIndex + 1} baseVersion={run.baseVersion} />
      )}

      <BestByRoundChart run={run} />

      {run.outcome && run.outcome.rejected.length > 0 && (
        <Section id="rejected-heading" title={`Rejected proposals (${run.outcome.rejected.length})`} size="sm">
          <ul className="flex flex-col gap-2 text-sm">
            {run.outcome.rejected.slice(0, 20).map((r, i) => (
              <li key={i} className="rounded-md border border-zinc-200 p-2 dark:border-zinc-800">
                <p className="text-xs text-amber-700 dark:text-amber-400">{r.reasons.join("; ")}</p>
                <pre className="mt-1 max-h-32 overflow-auto whitespace-pre-wrap break-words font-mono text-xs">{r.text}</pre>
              </li>
            ))}
          </ul>
        </Section>
      )}
    </div>
  );
}
