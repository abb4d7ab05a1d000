"use client";

import { forwardRef, useImperativeHandle, useRef } from "react";
import type { Criterion } from "@/lib/review/criteria";
import { cn } from "@/lib/ui/cn";

export interface CriterionOption {
  value: number;
  label: string;
  /** The key that picks it, shown on the button. */
  keyHint: string;
}

/** The options of a criterion and the keys that choose them. Thumbs: 1 down, 2 up; yes/no: Y or 1, N or 0; pairwise: A, B, T (or 1, 2, 3). */
export function optionsOf(criterion: Criterion): CriterionOption[] {
  switch (criterion.scale) {
    case "thumbs":
      return [
        { value: 0, label: "Thumbs down", keyHint: "1" },
        { value: 1, label: "Thumbs up", keyHint: "2" },
      ];
    case "yes-no":
      return [
        { value: 1, label: "Yes", keyHint: "Y" },
        { value: 0, label: "No", keyHint: "N" },
      ];
    case "pairwise":
      return [
        { value: 0, label: "A is better", keyHint: "A" },
        { value: 1, label: "B is better", keyHint: "B" },
        { value: 2, label: "Tie", keyHint: "T" },
      ];
    case "1-5":
      return [1, 2, 3, 4, 5].map((v) => ({ value: v, label: String(v), keyHint: String(v) }));
  }
}

/** The value a key press means for a criterion, or undefined when the key means nothing for it. */
export function valueForKey(criterion: Criterion, key: string): number | undefined {
  const k = key.toLowerCase();
  switch (criterion.scale) {
    case "thumbs":
      return k === "1" ? 0 : k === "2" ? 1 : undefined;
    case "yes-no":
      return k === "y" || k === "1" ? 1 : k === "n" || k === "0" ? 0 : undefined;
    case "pairwise":
      return ({ a: 0, "1": 0, b: 1, "2": 1, t: 2, "3": 2 } as Record<string, number>)[k];
    case "1-5":
      return /^[1-5]$/.test(k) ? Number(k) : undefined;
  }
}

export interface CriterionGroupHandle {
  focus: () => void;
}

/**
 * One criterion as a radio group with a roving tab stop: Tab enters and leaves the group (so Tab moves between
 * criteria), arrow keys move inside it. The screen's key handler scores the focused group.
 */
export const CriterionGroup = forwardRef<CriterionGroupHandle, { criterion: Criterion; value: number | undefined; onChange: (value: number) => void; onFocus: () => void; active: boolean }>(
  function CriterionGroup({ criterion, value, onChange, onFocus, active }, ref) {
    const options = optionsOf(criterion);
    const buttons = useRef<(HTMLButtonElement | null)[]>([]);
    const stop = Math.max(0, options.findIndex((o) => o.value === value));
    useImperativeHandle(ref, () => ({ focus: () => buttons.current[stop]?.focus() }), [stop]);

    function onKeyDown(event: React.KeyboardEvent, index: number) {
      const delta = event.key === "ArrowRight" || event.key === "ArrowDown" ? 1 : event.key === "ArrowLeft" || event.key === "ArrowUp" ? -1 : 0;
      if (delta === 0) return;
      event.preventDefault();
      const next = (index + delta + options.length) % options.length;
      onChange(options[next]!.value);
      buttons.current[next]?.focus();
    }

    return (
      <div className={cn("flex flex-col gap-1.5 rounded-md p-2", active && "bg-indigo-50 ring-1 ring-indigo-300 dark:bg-indigo-950/40 dark:ring-indigo-700")}>
        <span id={`criterion-${criterion.name}`} className="text-sm font-medium">
          {criterion.label}
        </span>
        {criterion.description && <span className="text-xs text-zinc-600 dark:text-zinc-400">{criterion.description}</span>}
        <div role="radiogroup" aria-labelledby={`criterion-${criterion.name}`} className="flex flex-wrap gap-1.5" onFocus={onFocus}>
          {options.map((option, i) => (
            <button
              key={option.value}
              ref={(el) => {
                buttons.current[i] = el;
              }}
              type="button"
              role="radio"
              aria-checked={value === option.value}
              tabIndex={i === stop ? 0 : -1}
              onClick={() => onChange(option.value)}
              onKeyDown={(e) => onKeyDown(e, i)}
              className={cn(
                "min-w-10 rounded-md border px-2.5 py-1.5 text-sm",
                value === option.value
                  ? "border-indigo-600 bg-indigo-600 text-white"
                  : "border-zinc-300 bg-white hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800",
              )}
            >
              {option.label}
              {option.label !== option.keyHint && (
                <kbd aria-hidden className="ml-1.5 text-xs opacity-70">
                  {option.keyHint}
                </kbd>
              )}
            </button>
          ))}
        </div>
      </div>
    );
  },
);
