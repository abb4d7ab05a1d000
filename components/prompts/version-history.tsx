"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { VersionDiff } from "@/components/diff/version-diff";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import type { VersionProvenance } from "@/db/schema";
import type { PromptContent } from "@/lib/core/vocabulary/prompt-content";
import { promptHref } from "@/lib/prompts";
import { formatUtc } from "@/lib/core/ui/format-time";
import { RestoreDialog } from "./restore-dialog";
import { ServedBadges } from "./served-badges";
import { VersionView } from "./version-view";

export interface HistoryVersion {
  version: number;
  commitMessage: string;
  author: string;
  createdAt: string;
  /** Set for imported versions: what the file claimed, shown as such, never as the version's author. */
  provenance: VersionProvenance | null;
  content: PromptContent;
  /** Names of the environments serving this version now, in environment order. */
  servedIn: string[];
}

/**
 * "imported; originally by ana@example.com at 2026-11-22 02:37 UTC", from the file's claims, or "from an optimization
 * of v1: better on held-out (42% → 81%)".
 */
function describeProvenance(provenance: VersionProvenance): string {
  if (provenance.source === "optimization") {
    const { verdict, baseline, best } = provenance.heldOut;
    return `from an optimization of v${provenance.baseVersion}: ${verdict} on held-out (${Math.round(baseline * 100)}% → ${Math.round(best * 100)}%)`;
  }
  const { author, createdAt } = provenance;
  const when = Number.isNaN(Date.parse(createdAt)) ? createdAt : formatUtc(new Date(createdAt).toISOString());
  return `imported; originally by ${author ?? "an unknown author"} at ${when}`;
}

/** The History tab: every version with what each environment serves, two to compare, or one on its own. */
export function VersionHistory({
  promptId,
  name,
  versions,
  canWrite,
  compare,
  selected: selectedVersion,
}: {
  promptId: string;
  name: string;
  versions: HistoryVersion[];
  canWrite: boolean;
  compare: [number, number] | null;
  selected: number | null;
}) {
  const router = useRouter();
  const [selected, setSelected] = useState<number[]>(compare ?? []);
  const [restoring, setRestoring] = useState<number | null>(null);
  const latest = versions[0] ?? null;

  if (!latest) {
    return <EmptyState title="No versions yet">Save the prompt in the Editor tab to create v1.</EmptyState>;
  }

  const restoreDialog = restoring !== null && versions.find((v) => v.version === restoring) && (
    <RestoreDialog promptId={promptId} source={versions.find((v) => v.version === restoring)!} latest={latest} onClose={() => setRestoring(null)} />
  );

  if (selectedVersion !== null) {
    return (
      <>
        <VersionView name={name} version={versions.find((v) => v.version === selectedVersion) ?? null} wanted={selectedVersion} latest={latest.version} canWrite={canWrite} onRestore={setRestoring} />
        {restoreDialog}
      </>
    );
  }

  const toggle = (version: number) =>
    setSelected((current) => (current.includes(version) ? current.filter((v) => v !== version) : [...current, version].slice(-2)));

  const pair = compare && versions.find((v) => v.version === compare[0]) && versions.find((v) => v.version === compare[1]) ? compare : null;
  const [older, newer] = pair ? [versions.find((v) => v.version === pair[0])!, versions.find((v) => v.version === pair[1])!] : [null, null];

  return (
    <div className="flex flex-col gap-4">
      <div className="flex items-center gap-3">
        <Button
          variant="secondary"
          disabled={selected.length !== 2}
          onClick={() => {
            const [a, b] = [...selected].sort((x, y) => x - y) as [number, number];
            router.push(promptHref(name, { tab: "history", compare: [a, b] }));
          }}
        >
          Compare
        </Button>
        <span className="text-sm text-zinc-600 dark:text-zinc-400">
          {selected.length === 2 ? `v${Math.min(...selected)} and v${Math.max(...selected)} selected` : "Select two versions to compare, or open one to see it on its own."}
        </span>
      </div>
      <ol aria-label="Versions" className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900">
        {versions.map((v) => (
          <li key={v.version} className="flex items-center gap-3 px-4 py-2.5">
            <input
              type="checkbox"
              aria-label={`Select v${v.version}`}
              checked={selected.includes(v.version)}
              onChange={() => toggle(v.version)}
              className="size-4 accent-indigo-600"
            />
            <Link href={promptHref(name, { tab: "history", version: v.version })} className="w-12 font-mono text-sm font-semibold text-indigo-700 hover:underline dark:text-indigo-300">
              v{v.version}
            </Link>
            <span className="min-w-0 flex-1">
              <span className="block truncate text-sm">{v.commitMessage}</span>
              <span className="block text-xs text-zinc-500">
                {v.author} · <time dateTime={v.createdAt}>{formatUtc(v.createdAt)}</time>
                {v.provenance && ` · ${describeProvenance(v.provenance)}`}
                {v.version === latest.version && " · latest"}
              </span>
            </span>
            <ServedBadges environments={v.servedIn} />
            {canWrite && v.version !== latest.version && (
              <Button size="sm" variant="secondary" onClick={() => setRestoring(v.version)} aria-label={`Restore v${v.version}`}>
                Restore
              </Button>
            )}
          </li>
        ))}
      </ol>
      {older && newer && <VersionDiff before={older.content} after={newer.content} beforeLabel={`v${older.version}`} afterLabel={`v${newer.version}`} />}
      {restoreDialog}
    </div>
  );
}
