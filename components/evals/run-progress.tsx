import { formatEta } from "@/lib/evals";

/** The live progress bar: done/total, errors and ETA as text, so it reads the same to everyone. */
export function RunProgress({ done, total, errors, etaSeconds, active }: { done: number; total: number; errors: number; etaSeconds: number | null; active: boolean }) {
  const percent = total > 0 ? Math.round((done / total) * 100) : 100;
  const text = `${done} / ${total} cases · ${errors} ${errors === 1 ? "error" : "errors"}${active ? ` · ETA ${formatEta(etaSeconds)}` : ""}`;
  return (
    <div className="flex flex-col gap-1.5">
      <div
        role="progressbar"
        aria-label="Evaluation progress"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={text}
        className="h-3 w-full overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
      >
        <div className="h-full rounded-full bg-indigo-600 transition-[width] duration-500 dark:bg-indigo-500" style={{ width: `${percent}%` }} />
      </div>
      <p className="text-sm tabular-nums text-zinc-700 dark:text-zinc-300">{text}</p>
    </div>
  );
}
