import { Progress } from "@/components/ui/progress";

/** A small labelled progress bar; the text says the same as the bar. */
export function ProgressBar({ label, value, max, text }: { label: string; value: number; max: number; text: string }) {
  return (
    <div className="flex min-w-32 items-center gap-2">
      <Progress label={label} value={value} max={max} text={text} className="w-24" />
      <span className="text-xs tabular-nums text-zinc-700 dark:text-zinc-300">{text}</span>
    </div>
  );
}
