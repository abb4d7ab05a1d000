"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { toast } from "sonner";
import { type EvalGateResult, type GateCheck } from "@/lib/releases";
import { approvePromotionAction, rejectPromotionAction } from "@/lib/releases/actions";
import { VersionDiff } from "@/components/diff/version-diff";
import { OptimizationEvidence } from "@/components/optimizer/optimization-evidence";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormDialog } from "@/components/ui/form-dialog";
import { Field, Textarea } from "@/components/ui/input";
import type { PromotionEvals } from "@/lib/evals";
import type { PromptContent } from "@/lib/core/vocabulary/prompt-content";
import type { VersionProvenance } from "@/db/schema";
import { promptHref } from "@/lib/prompts";
import { formatUtc } from "@/lib/core/ui/format-time";
import type { PromotionLintReport } from "@/lib/core/vocabulary/compliance";
import { ComplianceGates, LintReport } from "./compliance-checks";

export interface ApprovalView {
  id: string;
  promptName: string;
  environmentName: string;
  version: number;
  servedVersion: number | null;
  stale: boolean;
  requestedByLabel: string;
  comment: string;
  createdAt: string;
  candidate: PromptContent | null;
  candidateMessage: string;
  /** Where the candidate came from, when it was not typed: an optimization's evidence is shown to the reviewer. */
  candidateProvenance?: VersionProvenance | null;
  served: PromptContent | null;
  gate: EvalGateResult;
  /** Every gate as the approval would evaluate it now, and one sentence per failed gate (issue 19). */
  gates?: GateCheck | null;
  gateBlocks?: string[];
  lintReport?: PromotionLintReport | null;
  evals: PromotionEvals | null;
  mine: boolean;
}

/** What "nothing served" diffs against: an empty prompt of the candidate's type. */
function emptyLike(type: PromptContent["type"]): PromptContent {
  return type === "text" ? { type, template: "", messages: null, modelConfig: {} } : { type, template: null, messages: [], modelConfig: {} };
}

const rate = (r: number | null) => (r === null ? "—" : `${Math.round(r * 1000) / 10}%`);

function GateNote({ gate }: { gate: EvalGateResult }) {
  if (gate.status === "none") return <p className="text-xs text-zinc-500">No eval gate on this environment.</p>;
  if (gate.status === "no-evaluation") {
    return (
      <p className="text-sm text-amber-700 dark:text-amber-400">
        Eval gate: at least {gate.minPassRate}% on the gate dataset. This version has no completed evaluation there yet, so it cannot be approved.
      </p>
    );
  }
  if (gate.status === "no-scored-cases") {
    return (
      <p className="text-sm text-amber-700 dark:text-amber-400">
        Eval gate: at least {gate.minPassRate}% on the gate dataset. Its latest evaluation scored no case ({gate.unscored} unscored), so it cannot be approved.{" "}
        <Link href={`/evaluations/${gate.runId}`} className="text-indigo-700 hover:underline dark:text-indigo-300">
          Open the evaluation
        </Link>
      </p>
    );
  }
  return (
    <p className="text-sm">
      Eval gate: {gate.passRate}% of scored cases (needs {gate.minPassRate}%){gate.unscored > 0 && `, ${gate.unscored} unscored not counted`}{" "}
      <Badge tone={gate.status === "passed" ? "success" : "danger"}>{gate.status}</Badge>{" "}
      <Link href={`/evaluations/${gate.runId}`} className="text-indigo-700 hover:underline dark:text-indigo-300">
        Open the evaluation
      </Link>
    </p>
  );
}

function EvalComparison({ evals, version, servedVersion }: { evals: PromotionEvals | null; version: number; servedVersion: number | null }) {
  if (!evals) return <p className="text-xs text-zinc-500">No completed evaluation of this version yet. Run one to see its quality here.</p>;
  const cell = (e: PromotionEvals["candidate"], v: number | null) =>
    e ? (
      <span>
        v{e.version}: <strong className="tabular-nums">{rate(e.passRate)}</strong> pass rate, mean score {e.meanScore?.toFixed(2) ?? "—"} ({e.done} results
        {e.unscored > 0 && `, ${e.unscored} unscored`})
      </span>
    ) : (
      <span className="text-zinc-500">{v === null ? "nothing served" : `v${v}: not evaluated on this dataset`}</span>
    );
  return (
    <section aria-label="Evaluation comparison" className="flex flex-wrap items-center gap-x-4 gap-y-1 rounded-md bg-zinc-50 p-2 text-sm dark:bg-zinc-950">
      <span className="text-xs font-medium text-zinc-500">On {evals.datasetName}:</span>
      {cell(evals.served, servedVersion)}
      <span aria-hidden>→</span>
      {cell(evals.candidate, version)}
      {evals.compareHref && (
        <Link href={evals.compareHref} className="text-indigo-700 hover:underline dark:text-indigo-300">
          Compare per case
        </Link>
      )}
    </section>
  );
}

/** One pending request: the diff against what is served now, the requester's comment, and the decision. */
export function ApprovalCard({ request, canDecide, canOverride = false }: { request: ApprovalView; canDecide: boolean; canOverride?: boolean }) {
  const router = useRouter();
  const reasonId = useId();
  const [reason, setReason] = useState("");
  const overrideId = useId();
  const [overrideReason, setOverrideReason] = useState("");
  const [pending, startTransition] = useTransition();
  const title = `${request.promptName} v${request.version} → ${request.environmentName}`;
  const gateBlocks = request.gates
    ? request.gates.failed.length > 0
    : request.gate.status === "failed" || request.gate.status === "no-evaluation" || request.gate.status === "no-scored-cases";
  const gateNoteId = useId();

  function approve() {
    startTransition(async () => {
      const result = await approvePromotionAction({ requestId: request.id, reason: "" });
      if (result.ok) toast.success(`Approved: ${request.environmentName} now serves v${request.version} of ${request.promptName}`);
      else toast.error(result.error);
      router.refresh();
    });
  }

  return (
    <Card className="flex flex-col gap-3 p-4" role="article" aria-label={title}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 className="font-semibold">
            <Link href={promptHref(request.promptName, { tab: "deployments" })} className="hover:underline">
              {request.promptName}
            </Link>{" "}
            v{request.version} → {request.environmentName}
          </h2>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Requested by {request.requestedByLabel} · <time dateTime={request.createdAt}>{formatUtc(request.createdAt)}</time> ·{" "}
            {request.servedVersion ? `serves v${request.servedVersion} now` : "serves nothing yet"}
          </p>
          {request.comment && <blockquote className="mt-1 border-l-2 border-zinc-300 pl-2 text-sm dark:border-zinc-700">{request.comment}</blockquote>}
        </div>
        {canDecide && (
          <div className="flex gap-2">
            <Button onClick={approve} busy={pending} disabled={request.mine || request.stale || gateBlocks} aria-describedby={gateBlocks ? gateNoteId : undefined}>
              Approve
            </Button>
            {canOverride && gateBlocks && (
              <FormDialog
                trigger={{ variant: "danger", disabled: request.mine || request.stale || pending, children: "Approve anyway" }}
                title={`Approve ${title} over failed gates`}
                submitLabel="Approve anyway"
                submitVariant="danger"
                submit={() => approvePromotionAction({ requestId: request.id, reason: "", overrideReason })}
                onSuccess={() => {
                  toast.success(`Approved over failed gates: ${request.environmentName} now serves v${request.version} of ${request.promptName}`);
                  router.refresh();
                }}
              >
                <Field label="Override reason" htmlFor={overrideId} hint="At least 10 characters. Recorded with the failed gates and shown in the deployment history and audit log.">
                  <Textarea id={overrideId} value={overrideReason} onChange={(e) => setOverrideReason(e.target.value)} rows={3} required minLength={10} maxLength={2000} />
                </Field>
              </FormDialog>
            )}
            <FormDialog
              trigger={{ variant: "secondary", disabled: request.mine || pending, children: "Reject" }}
              title={`Reject ${title}`}
              submitLabel="Reject"
              submitVariant="danger"
              submit={() => rejectPromotionAction({ requestId: request.id, reason })}
              onSuccess={() => {
                toast.success(`Rejected the promotion of ${request.promptName} v${request.version}`);
                router.refresh();
              }}
            >
              <Field label="Reason" htmlFor={reasonId} hint="The requester sees this.">
                <Textarea id={reasonId} value={reason} onChange={(e) => setReason(e.target.value)} rows={3} required maxLength={2000} />
              </Field>
            </FormDialog>
          </div>
        )}
      </div>
      {request.mine && canDecide && <p className="text-sm text-amber-700 dark:text-amber-400">You requested this, so another lead or admin must approve or reject it.</p>}
      {request.stale && (
        <p className="text-sm text-amber-700 dark:text-amber-400">
          {request.environmentName} has moved since this was requested; approving it would be refused as stale. Ask for a new promotion.
        </p>
      )}
      <div id={gateNoteId}>
        <GateNote gate={request.gate} />
        <ComplianceGates gates={request.gates ?? null} blocks={request.gates && request.gates.compliance.length > 0 ? (request.gateBlocks ?? []) : []} />
      </div>
      <LintReport report={request.lintReport ?? null} />
      {request.candidateProvenance?.source === "optimization" && <OptimizationEvidence provenance={request.candidateProvenance} />}
      <EvalComparison evals={request.evals} version={request.version} servedVersion={request.servedVersion} />
      {request.candidate && (
        <VersionDiff
          before={request.served ?? emptyLike(request.candidate.type)}
          after={request.candidate}
          beforeLabel={request.servedVersion ? `v${request.servedVersion} (served)` : "nothing served"}
          afterLabel={`v${request.version} (candidate: ${request.candidateMessage})`}
        />
      )}
    </Card>
  );
}
