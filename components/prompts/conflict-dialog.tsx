"use client";

import { VersionDiff } from "@/components/diff/version-diff";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { PromptContent } from "@/lib/core/vocabulary/prompt-content";

export interface ConflictingVersion {
  version: number;
  commitMessage: string;
  createdAt: string;
  content: PromptContent;
}

/** Shown when someone saved a newer version first: nothing is overwritten until the author decides. */
export function ConflictDialog({
  theirs,
  draft,
  onRebase,
  onDiscardDraft,
  onClose,
}: {
  theirs: ConflictingVersion | null;
  draft: PromptContent;
  onRebase: () => void;
  onDiscardDraft: () => void;
  onClose: () => void;
}) {
  return (
    <Dialog open={theirs !== null} onClose={onClose} title="Someone saved a newer version" className="max-w-5xl">
      {theirs && (
        <div className="flex flex-col gap-4">
          <p className="text-sm text-zinc-700 dark:text-zinc-300">
            v{theirs.version} (“{theirs.commitMessage}”) was saved while you were editing. Below, its content is on the left and your
            draft on the right. Rebase to keep your draft and save it on top of v{theirs.version}, or load v{theirs.version} instead.
          </p>
          <VersionDiff before={theirs.content} after={draft} beforeLabel={`v${theirs.version} (theirs)`} afterLabel="Your draft" />
          <div className="flex flex-wrap justify-end gap-2">
            <Button variant="secondary" onClick={onClose}>
              Cancel
            </Button>
            <Button variant="secondary" onClick={onDiscardDraft}>
              Discard my draft and load v{theirs.version}
            </Button>
            <Button onClick={onRebase}>Rebase my draft on v{theirs.version}</Button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
