import { cn } from "@/lib/core/ui/cn";

/** Placeholder shown while Monaco's scripts load; same frame as the editor so the layout doesn't jump. */
export function EditorSkeleton({ height = 160, className, label = "Loading editor…" }: { height?: number | string; className?: string; label?: string }) {
  return (
    <div
      role="status"
      aria-live="polite"
      className={cn(
        "flex w-full animate-pulse flex-col gap-2 rounded-md border border-zinc-200 bg-zinc-50 p-3 dark:border-zinc-800 dark:bg-zinc-900",
        className,
      )}
      style={{ height }}
    >
      <span className="sr-only">{label}</span>
      <div aria-hidden className="h-3 w-2/3 rounded bg-zinc-200 dark:bg-zinc-800" />
      <div aria-hidden className="h-3 w-1/2 rounded bg-zinc-200 dark:bg-zinc-800" />
      <div aria-hidden className="h-3 w-3/5 rounded bg-zinc-200 dark:bg-zinc-800" />
    </div>
  );
}
