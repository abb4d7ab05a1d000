import type { Criterion } from "@/lib/review/criteria";

/** The visible list of the rating screen's keys, worded for the scheme in use. */
export function KeyHints({ criteria }: { criteria: Criterion[] }) {
  const scales = new Set(criteria.map((c) => c.scale));
  const keys: [string, string][] = [
    ...(scales.has("1-5") ? ([["1–5", "score the focused criterion"]] as [string, string][]) : []),
    ...(scales.has("thumbs") ? ([["1 / 2", "thumbs down / up"]] as [string, string][]) : []),
    ...(scales.has("yes-no") ? ([["Y / N", "yes / no"]] as [string, string][]) : []),
    ...(scales.has("pairwise") ? ([["A / B / T", "A better, B better, tie"]] as [string, string][]) : []),
    ...(criteria.length > 1 ? ([["Tab", "next criterion"]] as [string, string][]) : []),
    ["Enter", "submit and next"],
    ["S", "skip"],
    ["J", "next item"],
    ["K", "previous item"],
  ];
  return (
    <section aria-label="Keyboard shortcuts" className="text-xs text-zinc-600 dark:text-zinc-400">
      <ul className="flex flex-wrap gap-x-4 gap-y-1">
        {keys.map(([key, what]) => (
          <li key={key + what}>
            <kbd className="rounded border border-zinc-300 px-1 font-mono dark:border-zinc-700">{key}</kbd> {what}
          </li>
        ))}
      </ul>
    </section>
  );
}
