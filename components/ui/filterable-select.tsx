"use client";

import { useMemo, useState, type SelectHTMLAttributes } from "react";
import { filterOptions, type PickerOption } from "@/lib/core/ui/filter-options";
import { cn } from "@/lib/core/ui/cn";
import { Input, Options, Select } from "./input";

/** Lists shorter than this are quick to scan, so they get no filter box. */
const FILTER_FROM = 10;

/**
 * A native select (its label, and so its accessible name, stay the caller's) with a search box that narrows its
 * options once the list is long: a workspace with hundreds of prompts is searched by typing part of a name, and
 * the select then holds only the matches (plus the current choice).
 */
export function FilterableSelect({
  id,
  options,
  value,
  onValueChange,
  filterLabel,
  placeholder,
  className,
  selectClassName,
  ...selectProps
}: {
  id: string;
  options: readonly PickerOption[];
  value: string;
  onValueChange: (value: string) => void;
  /** The search box's accessible name, e.g. "Filter prompts". */
  filterLabel: string;
  /** A first, empty choice ("Choose a prompt…"), if the select has one. */
  placeholder?: string;
  className?: string;
  selectClassName?: string;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "value" | "onChange" | "className">) {
  const [query, setQuery] = useState("");
  const shown = useMemo(() => filterOptions(options, query, value), [options, query, value]);
  const hidden = options.length - shown.length;
  const chosenLabel = options.find((o) => o.value === value)?.label;

  return (
    <div className={cn("flex min-w-0 flex-col gap-1.5", className)}>
      {options.length >= FILTER_FROM && (
        <Input
          type="search"
          aria-label={filterLabel}
          aria-describedby={`${id}-filter-count`}
          placeholder={`${filterLabel}…`}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
      )}
      <Select id={id} value={value} title={chosenLabel} className={selectClassName} onChange={(event) => onValueChange(event.target.value)} {...selectProps}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        <Options items={shown.map((option) => [option.value, option.label] as const)} />
      </Select>
      {options.length >= FILTER_FROM && (
        <p id={`${id}-filter-count`} aria-live="polite" className="text-xs text-zinc-600 dark:text-zinc-400">
          {hidden > 0 ? `${shown.length} of ${options.length} shown` : `${options.length} in all`}
        </p>
      )}
    </div>
  );
}
