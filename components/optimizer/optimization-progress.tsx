import { Progress } from "@/components/ui/progress";
import type { OptimizationView } from "@/lib/optimizer";
import { usd } from "./labels";

/** Where the search is: the round of its rounds, and what it has spent of each limit of its budget. */
export function OptimizationProgress({ run }: { run: OptimizationView }) {
  const { progress, budget } = run;
  if (!progress) {
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {run.status === "queued" ? "Waiting for a worker to start it…" : "It stopped before its first round."}
      </p>
    );
  }
  const round = Math.min(progress.round, progress.rounds);
  const roundText = `Round ${round} of ${progress.rounds}`;
  const callsText = `${progress.spent.modelCalls.toLocaleString("en-US")} of ${budget.modelCalls.toLocaleString("en-US")} model calls`;
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <div className="flex flex-col gap-1">
        <span className="text-sm tabular-nums">{roundText}</span>
        <Progress label="Rounds" value={round} max={progress.rounds} text={roundText} />
      </div>
      <div className="flex flex-col gap-1">
        <span className="text-sm tabular-nums">{callsText}</span>
        <Progress label="Model calls" value={Math.min(progress.spent.modelCalls, budget.modelCalls)} max={budget.modelCalls} text={callsText} />
      </div>
      <p className="text-xs text-zinc-500 tabular-nums sm:col-span-2 dark:text-zinc-400">
        {progress.spent.candidates} of {budget.candidates} candidates · {usd(progress.spent.costUsd)} of {usd(budget.costUsd)} ·{" "}
        {Math.round(progress.spent.elapsedMs / 1000)} s of {budget.wallMinutes} min
      </p>
    </div>
  );
}
