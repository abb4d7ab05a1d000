import type { DiffLine } from "@/lib/core/diff/types";
import { cn } from "@/lib/core/ui/cn";

const rowTone = {
  add: "bg-emerald-50 dark:bg-emerald-950/50",
  remove: "bg-red-50 dark:bg-red-950/50",
  same: "",
} as const;

const segmentTone = {
  add: "rounded-sm bg-emerald-200 dark:bg-emerald-800",
  remove: "rounded-sm bg-red-200 line-through decoration-red-500/60 dark:bg-red-800",
  same: "",
} as const;

/** An inline (unified) diff as text: <ins>/<del> carry the meaning for screen readers, colour for the eye. */
export function DiffLines({ lines }: { lines: DiffLine[] }) {
  return (
    <div className="overflow-x-auto font-mono text-xs leading-5">
      {lines.map((line, i) => {
        const Mark = line.kind === "add" ? "ins" : line.kind === "remove" ? "del" : "span";
        return (
          <div key={i} className={cn("flex", rowTone[line.kind])}>
            <span aria-hidden className="w-10 shrink-0 select-none pr-2 text-right text-zinc-600 dark:text-zinc-400">
              {line.beforeLine ?? ""}
            </span>
            <span aria-hidden className="w-10 shrink-0 select-none pr-2 text-right text-zinc-600 dark:text-zinc-400">
              {line.afterLine ?? ""}
            </span>
            <span aria-hidden className="w-4 shrink-0 select-none text-zinc-600 dark:text-zinc-400">
              {line.kind === "add" ? "+" : line.kind === "remove" ? "−" : " "}
            </span>
            <Mark className="whitespace-pre-wrap no-underline">
              {line.segments
                ? line.segments.map((segment, j) => (
                    <span key={j} className={segmentTone[segment.kind]}>
                      {segment.text}
                    </span>
                  ))
                : line.text || " "}
            </Mark>
          </div>
        );
      })}
    </div>
  );
}
