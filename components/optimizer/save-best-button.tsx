"use client";

import Link from "next/link";
import { useId, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { saveBestAsVersionAction } from "@/lib/optimizer/actions";
import type { OptimizationView } from "@/lib/optimizer";
import { promptHref } from "@/lib/prompts";

/** Why "Save as new version" cannot be pressed now, or null when it can. */
function blocker(run: OptimizationView, canWrite: boolean): string | null {
  if (!canWrite) return "Your role cannot save versions of this prompt.";
  if (run.status !== "completed" || !run.outcome) return "It can be saved once the optimization has completed.";
  if (run.savedVersion !== null) return `Saved as v${run.savedVersion}.`;
  if (run.outcome.bestKey === run.outcome.baselineKey) return "No candidate beat the baseline on validation, so there is nothing to save.";
  return null;
}

/**
 * Makes the best candidate the prompt's next version, with the run's evidence in its commit message and provenance.
 * It ships only through the normal promotion and approval.
 */
export function SaveBestButton({ run, canWrite, onSaved }: { run: OptimizationView; canWrite: boolean; onSaved: () => void }) {
  const [busy, setBusy] = useState(false);
  const noteId = useId();
  const reason = blocker(run, canWrite);

  async function save() {
    setBusy(true);
    const result = await saveBestAsVersionAction({ runId: run.id });
    setBusy(false);
    if (!result.ok) {
      toast.error(result.error);
      return;
    }
    toast.success(`Saved as v${result.data.version} of ${run.prompt.name}`, {
      action: { label: "Open", onClick: () => window.location.assign(promptHref(run.prompt.name, { tab: "history", version: result.data.version })) },
    });
    onSaved();
  }

  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button onClick={save} busy={busy} disabled={reason !== null} aria-describedby={reason && run.savedVersion === null ? noteId : undefined}>
        Save as new version
      </Button>
      {run.savedVersion !== null ? (
        <Link href={promptHref(run.prompt.name, { tab: "history", version: run.savedVersion })} className="text-sm text-indigo-700 hover:underline dark:text-indigo-300">
          Open v{run.savedVersion} of {run.prompt.name}
        </Link>
      ) : (
        reason && (
          <p id={noteId} className="text-sm text-zinc-600 dark:text-zinc-400">
            {reason}
          </p>
        )
      )}
    </div>
  );
}
