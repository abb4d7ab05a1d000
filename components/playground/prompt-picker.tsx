"use client";

import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { FilterableSelect } from "@/components/ui/filterable-select";
import { playgroundHref } from "@/lib/playground";

/**
 * Chooses which prompt /playground runs; the choice is in the URL, so it can be shared and reloaded. A long list
 * gets a filter box, and the select is as wide as its longest name (up to the page's width), so names are whole.
 */
export function PromptPicker({ names, current }: { names: string[]; current: string | null }) {
  const router = useRouter();
  const options = useMemo(() => names.map((name) => ({ value: name, label: name })), [names]);
  return (
    <div className="flex min-w-0 max-w-full items-start gap-2">
      <label htmlFor="playground-prompt" className="pt-2 text-sm font-medium text-zinc-800 dark:text-zinc-200">
        Prompt
      </label>
      <FilterableSelect
        id="playground-prompt"
        className="min-w-72 max-w-full"
        selectClassName="w-auto max-w-full"
        options={options}
        value={current ?? ""}
        placeholder="Choose a prompt…"
        filterLabel="Filter prompts"
        onValueChange={(value) => router.push(playgroundHref(value ? { prompt: value } : {}))}
      />
    </div>
  );
}
