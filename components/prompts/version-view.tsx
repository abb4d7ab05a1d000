"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { promptHref } from "@/lib/prompts";
import { formatUtc } from "@/lib/core/ui/format-time";
import { VersionContent } from "./version-content";
import { ServedBadges } from "./served-badges";
import type { HistoryVersion } from "./version-history";

const linkClass = "text-sm text-indigo-700 hover:underline dark:text-indigo-300";

/** One version on its own (`?tab=history&version=N`): who saved it, where it is served, its content and settings. */
export function VersionView({
  name,
  version,
  wanted,
  latest,
  canWrite,
  onRestore,
}: {
  name: string;
  version: HistoryVersion | null;
  wanted: number;
  latest: number;
  canWrite: boolean;
  onRestore: (version: number) => void;
}) {
  const back = (
    <Link href={promptHref(name, { tab: "history" })} className={linkClass}>
      All versions
    </Link>
  );
  if (!version) {
    return (
      <EmptyState title={`There is no v${wanted}`} action={back}>
        The latest version of {name} is v{latest}.
      </EmptyState>
    );
  }
  const headingId = `version-${version.version}-heading`;
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-4">
      <nav aria-label="Version navigation" className="flex flex-wrap gap-4">
        {back}
        {version.version !== latest && (
          <Link href={promptHref(name, { tab: "history", compare: [version.version, latest] })} className={linkClass}>
            Compare with latest (v{latest})
          </Link>
        )}
      </nav>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex flex-col gap-1">
          <div className="flex flex-wrap items-center gap-2">
            <h2 id={headingId} className="font-mono text-lg font-semibold">
              Version v{version.version}
            </h2>
            {version.version === latest && <span className="text-sm text-zinc-600 dark:text-zinc-400">latest</span>}
            <ServedBadges environments={version.servedIn} />
          </div>
          <p className="text-sm">{version.commitMessage}</p>
          <p className="text-xs text-zinc-600 dark:text-zinc-400">
            {version.author} · <time dateTime={version.createdAt}>{formatUtc(version.createdAt)}</time>
            {version.servedIn.length === 0 && " · not served by any environment"}
          </p>
        </div>
        {canWrite && version.version !== latest && (
          <Button variant="secondary" onClick={() => onRestore(version.version)} aria-label={`Restore v${version.version}`}>
            Restore
          </Button>
        )}
      </div>
      <VersionContent content={version.content} />
    </section>
  );
}
