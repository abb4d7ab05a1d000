"use client";

import { useRouter } from "next/navigation";
import { Select } from "@/components/ui/input";
import { playgroundHref } from "@/lib/playground/urls";

/** Chooses which prompt /playground runs; the choice is in the URL, so it can be shared and reloaded. */
export function PromptPicker({ names, current }: { names: string[]; current: string | null }) {
  const router = useRouter();
  return (
    <div className="flex items-center gap-2">
      <label htmlFor="playground-prompt" className="text-sm font-medium text-zinc-800 dark:text-zinc-200">
        Prompt
      </label>
      <Select id="playground-prompt" className="w-72" value={current ?? ""} onChange={(event) => router.push(playgroundHref(event.target.value ? { prompt: event.target.value } : {}))}>
        <option value="">Choose a prompt…</option>
        {names.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </Select>
    </div>
  );
}
