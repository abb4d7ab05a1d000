"use client";

import { forwardRef, useId, useImperativeHandle, useLayoutEffect, useRef } from "react";
import { type Criterion, optionsOf } from "@/lib/review";
import { cn } from "@/lib/core/ui/cn";

export interface CriterionGroupHandle {
  focus: () => void;
}

/**
 * One criterion as a radio group with a roving tab stop: Tab enters and leaves the group (so Tab moves between
 * criteria), arrow keys move inside it. The screen's key handler scores the focused group. Focus follows the checked
 * option: were it left on an option that is no longer the tab stop, Tab would land on the new stop inside this same
 * group instead of on the next criterion.
 */
export const CriterionGroup = forwardRef<CriterionGroupHandle, { criterion: Criterion; value: number | undefined; onChange: (value: number) => void; onFocus: () => void; active: boolean }>(
  function CriterionGroup({ criterion, value, onChange, onFocus, active }, ref) {
    const options = optionsOf(criterion);
    const buttons = useRef<(HTMLButtonElement | null)[]>([]);
    // Not derived from the name: aria-labelledby splits on spaces, so "Follows instructions" would name nothing.
    const labelId = useId();
    const stop = Math.max(0, options.findIndex((o) => o.value === value));
    useImperativeHandle(ref, () => ({ focus: () => buttons.current[stop]?.focus() }), [stop]);
    useLayoutEffect(() => {
      const focused = document.activeElement;
      if (focused instanceof HTMLButtonElement && buttons.current.includes(focused) && focused !== buttons.current[stop]) buttons.current[stop]?.focus();
    }, [stop]);

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
        <span id={labelId} className="text-sm font-medium">
          {criterion.label}
        </span>
        {criterion.description && <span className="text-xs text-zinc-600 dark:text-zinc-400">{criterion.description}</span>}
        <div role="radiogroup" aria-labelledby={labelId} data-criterion={criterion.name} className="flex flex-wrap gap-1.5" onFocus={onFocus}>
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
