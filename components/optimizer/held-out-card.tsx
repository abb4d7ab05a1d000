import { Card } from "@/components/ui/card";
import type { OptimizationView } from "@/lib/optimizer";
import { percent, significance } from "./labels";
import { VerdictStatus } from "./verdict-status";

/**
 * The run's claim: the baseline and the best candidate on held-out cases the search never saw, the paired test and
 * its verdict. When the best is the baseline there is nothing to compare, and the card says so.
 */
export function HeldOutCard({ run }: { run: OptimizationView }) {
  const outcome = run.outcome;
  if (!outcome) return null;
  const { heldOut } = outcome;
  const sameAsBaseline = outcome.bestKey === outcome.baselineKey;
  return (
    <Card className="flex flex-col gap-2 p-4" role="region" aria-label="Held-out result">
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="text-base font-semibold">Held-out result</h2>
        <VerdictStatus verdict={heldOut.verdict} />
      </div>
      <p className="text-2xl font-semibold tabular-nums">
        {percent(heldOut.baseline)} <span aria-hidden>→</span>
        <span className="sr-only">to</span> {percent(heldOut.best)}
      </p>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        Baseline (v{run.baseVersion}) against {sameAsBaseline ? "itself: no candidate beat it on validation" : "the best candidate"}, on {heldOut.cases} held-out cases. {heldOut.test},{" "}
        {significance(heldOut)}
        {heldOut.discordant && ` (${heldOut.discordant.bestOnly} cases only the best got right, ${heldOut.discordant.baselineOnly} only the baseline)`}.
      </p>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">
        {heldOut.verdict === "better"
          ? "The held-out cases show the best candidate is better with 95% confidence."
          : heldOut.verdict === "worse"
            ? "The held-out cases show the best candidate is worse than the baseline: it fit the search's cases, not the task."
            : "The held-out cases do not show a difference with 95% confidence; more cases, or a larger budget, may."}
      </p>
    </Card>
  );
}
