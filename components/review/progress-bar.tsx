/** A small labelled progress bar; the text says the same as the bar. */
export function ProgressBar({ label, value, max, text }: { label: string; value: number; max: number; text: string }) {
  const percent = max > 0 ? Math.round((value / max) * 100) : 0;
  return (
    <div className="flex min-w-32 items-center gap-2">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={value}
        aria-valuetext={text}
        className="h-2 w-24 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
      >
        <div className="h-full rounded-full bg-indigo-600 dark:bg-indigo-500" style={{ width: `${percent}%` }} />
      </div>
      <span className="text-xs tabular-nums text-zinc-700 dark:text-zinc-300">{text}</span>
    </div>
  );
}
