import { Progress } from "@/components/ui/progress";
import { formatEta } from "@/lib/evals";

/** The live progress bar: done/total, errors and ETA as text, so it reads the same to everyone. */
export function RunProgress({ done, total, errors, etaSeconds, active }: { done: number; total: number; errors: number; etaSeconds: number | null; active: boolean }) {
  const text = `${done} / ${total} cases · ${errors} ${errors === 1 ? "error" : "errors"}${active ? ` · ETA ${formatEta(etaSeconds)}` : ""}`;
  return (
    <div className="flex flex-col gap-1.5">
      <Progress label="Evaluation progress" value={done} max={total} text={text} className="h-3 w-full" />
      <p className="text-sm tabular-nums text-zinc-700 dark:text-zinc-300">{text}</p>
    </div>
  );
}
