"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import type { EvalRunView } from "@/lib/evals";
import { cancelEvalRunAction, resumeEvalRunAction } from "@/lib/evals/actions";
import { formatUtc } from "@/lib/core/ui/format-time";
import { ResultsTable } from "./results-table";
import { RunProgress } from "./run-progress";
import { RunSummary } from "./run-summary";
import { RunStatusBadge } from "./status-badge";
import { evalRunKey, isActive, useEvalRun } from "./use-eval-run";

const CANCELLABLE = new Set(["queued", "running", "interrupted"]);
const RESUMABLE = new Set(["interrupted", "cancelled", "failed"]);

/** A run's page: live progress (from the database, so it survives a reload), actions, summary and results. */
export function RunDetail({ initial, canRun }: { initial: EvalRunView; canRun: boolean }) {
  const queryClient = useQueryClient();
  const { data: run } = useEvalRun(initial);
  const [busy, setBusy] = useState<"cancel" | "resume" | null>(null);
  const active = isActive(run.status);

  async function act(action: "cancel" | "resume") {
    setBusy(action);
    const result = await (action === "cancel" ? cancelEvalRunAction : resumeEvalRunAction)({ runId: run.id });
    if (result.ok) toast.success(action === "cancel" ? "Evaluation cancelled; finished results are kept" : "Evaluation resumed");
    else toast.error(result.error);
    setBusy(null);
    await queryClient.invalidateQueries({ queryKey: evalRunKey(run.id) });
  }

  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex flex-col gap-1">
          <h1 className="text-xl font-semibold">{run.name || "Evaluation"}</h1>
          <p className="flex flex-wrap items-center gap-2 text-sm text-zinc-600 dark:text-zinc-400">
            <RunStatusBadge status={run.status} />
            <span>
              {run.prompt} on {run.dataset}
            </span>
            <span>· started {formatUtc(run.createdAt)}</span>
            <span>· scorers: {run.scorers.map((s) => s.label).join(", ")}</span>
          </p>
        </div>
        {canRun && (
          <div className="flex gap-2">
            {CANCELLABLE.has(run.status) && (
              <Button variant="secondary" busy={busy === "cancel"} onClick={() => void act("cancel")}>
                Cancel
              </Button>
            )}
            {RESUMABLE.has(run.status) && (
              <Button busy={busy === "resume"} onClick={() => void act("resume")}>
                Resume
              </Button>
            )}
          </div>
        )}
      </header>
      {run.status === "failed" && run.errorMessage && (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-700 dark:bg-red-950 dark:text-red-300">
          The evaluation could not proceed: {run.errorMessage}
        </p>
      )}
      {run.status === "interrupted" && (
        <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200">
          The server running this evaluation stopped. A running studio picks it up again within seconds; Resume queues it now.
        </p>
      )}
      <RunProgress {...run.progress} active={active} />
      <RunSummary run={run} />
      <ResultsTable runId={run.id} live={active} multipleTargets={run.targets.length > 1} />
    </div>
  );
}
