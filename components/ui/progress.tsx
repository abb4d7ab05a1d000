import { cn } from "@/lib/core/ui/cn";

/**
 * A progress bar that reads the same to everyone: `text` is what a screen reader announces for it
 * (aria-valuetext), so it should say what the visible text beside the bar says. `className` sizes the track.
 */
export function Progress({ label, value, max, text, className }: { label: string; value: number; max: number; text: string; className?: string }) {
  const percent = max > 0 ? Math.round((value / max) * 100) : 0;
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={value}
      aria-valuetext={text}
      className={cn("h-2 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800", className)}
    >
      <div className="h-full rounded-full bg-indigo-600 transition-[width] duration-500 dark:bg-indigo-500" style={{ width: `${percent}%` }} />
    </div>
  );
}
