import Link from "next/link";
import type { OptimizationProvenance } from "@/db/schema";
import { STRATEGY_LABELS, percent, significance } from "./labels";
import { VerdictStatus } from "./verdict-status";

const strategyLabel = (strategy: string) => STRATEGY_LABELS[strategy as keyof typeof STRATEGY_LABELS] ?? strategy;

/**
 * What a version saved from an optimization carries to its reviewers: how it was found (strategy, seed, the split)
 * and what the held-out cases, which the search never saw, say about it against the version it started from.
 */
export function OptimizationEvidence({ provenance }: { provenance: OptimizationProvenance }) {
  const { heldOut, split } = provenance;
  return (
    <section aria-label="Optimization evidence" className="flex flex-col gap-2 rounded-md border border-indigo-200 bg-indigo-50/60 p-3 text-sm dark:border-indigo-900 dark:bg-indigo-950/40">
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium">Found by an optimization of v{provenance.baseVersion}</span>
        <VerdictStatus verdict={heldOut.verdict} />
        <Link href={`/optimizations/${provenance.runId}`} className="text-indigo-700 hover:underline dark:text-indigo-300">
          Open the optimization
        </Link>
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 sm:grid-cols-[auto_1fr_auto_1fr]">
        <dt className="text-zinc-500 dark:text-zinc-400">Held-out</dt>
        <dd className="tabular-nums">
          v{provenance.baseVersion} {percent(heldOut.baseline)} → {percent(heldOut.best)} on {heldOut.cases} cases
        </dd>
        <dt className="text-zinc-500 dark:text-zinc-400">Test</dt>
        <dd>
          {heldOut.test}, {significance(heldOut)}
        </dd>
        <dt className="text-zinc-500 dark:text-zinc-400">Strategy</dt>
        <dd>
          {strategyLabel(provenance.strategy)}, seed {provenance.seed}
        </dd>
        <dt className="text-zinc-500 dark:text-zinc-400">Split</dt>
        <dd className="tabular-nums">
          {split.train} train · {split.validation} validation · {split.heldOut} held-out{provenance.dataset ? ` of ${provenance.dataset}` : ""}
        </dd>
      </dl>
    </section>
  );
}
