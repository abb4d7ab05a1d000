"use client";

import { useMemo, useState } from "react";
import { LazyVersionDiffEditor } from "@/components/editor/version-diff-editor-lazy";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { diffVersions } from "@/lib/core/diff/diff-versions";
import type { PromptContent } from "@/lib/core/vocabulary/prompt-content";
import { DiffLines } from "./diff-lines";

const statusTone = { added: "success", removed: "danger", changed: "warning", unchanged: "neutral" } as const;

/** The "Diff" region: a summary line, then each part (template, messages, settings) inline or side by side. */
export function VersionDiff({
  before,
  after,
  beforeLabel,
  afterLabel,
}: {
  before: PromptContent;
  after: PromptContent;
  beforeLabel: string;
  afterLabel: string;
}) {
  const diff = useMemo(() => diffVersions({ before, after }), [before, after]);
  const [sideBySide, setSideBySide] = useState(false);
  const [showUnchanged, setShowUnchanged] = useState(false);
  const parts = diff.parts.filter((p) => showUnchanged || p.status !== "unchanged");

  return (
    <section role="region" aria-label="Diff" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm">
          <span className="font-medium">{beforeLabel}</span> → <span className="font-medium">{afterLabel}</span>:{" "}
          <span data-testid="diff-summary">{diff.summary.text}</span>
        </p>
        <span className="flex gap-2">
          <Button size="sm" variant="secondary" aria-pressed={showUnchanged} onClick={() => setShowUnchanged((v) => !v)}>
            {showUnchanged ? "Hide unchanged" : "Show unchanged"}
          </Button>
          <Button size="sm" variant="secondary" aria-pressed={sideBySide} onClick={() => setSideBySide((v) => !v)}>
            {sideBySide ? "Inline" : "Side by side"}
          </Button>
        </span>
      </div>
      {parts.length === 0 && <p className="text-sm text-zinc-500">The two versions are identical.</p>}
      {parts.map((part) => (
        <article key={part.id} aria-label={part.label} className="overflow-hidden rounded-lg border border-zinc-200 dark:border-zinc-800">
          <header className="flex items-center gap-2 border-b border-zinc-200 bg-zinc-50 px-3 py-1.5 text-sm dark:border-zinc-800 dark:bg-zinc-900">
            <span className="font-medium">{part.label}</span>
            <Badge tone={statusTone[part.status]}>{part.status}</Badge>
          </header>
          {sideBySide ? (
            <LazyVersionDiffEditor
              before={part.before}
              after={part.after}
              language={part.id === "settings" ? "json" : "promptops-template"}
              sideBySide
              ariaLabel={`${part.label}: ${beforeLabel} and ${afterLabel}`}
            />
          ) : (
            <DiffLines lines={part.lines} />
          )}
        </article>
      ))}
    </section>
  );
}
