"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { toast } from "sonner";
import type { ComplianceGates } from "@/lib/core/vocabulary/compliance";
import { setComplianceGatesAction } from "@/lib/releases/actions";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/input";

/** An empty box is no gate; a number is a budget. */
const numberOrNull = (text: string) => (text.trim() === "" ? null : Number(text));

/**
 * One protected environment's compliance gates (issue 19), checked with its eval gate when a promotion is approved:
 * no linter errors, a red-team attack success rate, and cost and latency budgets on the candidate's gate run.
 */
export function ComplianceGatesForm({ environment }: { environment: { id: string; name: string; complianceGates: ComplianceGates } }) {
  const router = useRouter();
  const id = useId();
  const gates = environment.complianceGates;
  const [noLintErrors, setNoLintErrors] = useState(gates.noLintErrors ?? false);
  const [asr, setAsr] = useState(gates.maxAttackSuccessRate == null ? "" : String(Math.round(gates.maxAttackSuccessRate * 1000) / 10));
  const [cost, setCost] = useState(gates.maxCostPerCallUsd == null ? "" : String(gates.maxCostPerCallUsd));
  const [latency, setLatency] = useState(gates.maxP95LatencyMs == null ? "" : String(gates.maxP95LatencyMs));
  const [volume, setVolume] = useState(gates.monthlyVolume == null ? "" : String(gates.monthlyVolume));
  const [pending, startTransition] = useTransition();

  function save(event: React.FormEvent) {
    event.preventDefault();
    const asrPercent = numberOrNull(asr);
    startTransition(async () => {
      const result = await setComplianceGatesAction({
        environmentId: environment.id,
        noLintErrors,
        maxAttackSuccessRate: asrPercent === null ? null : asrPercent / 100,
        maxCostPerCallUsd: numberOrNull(cost),
        maxP95LatencyMs: numberOrNull(latency),
        monthlyVolume: numberOrNull(volume),
      });
      if (!result.ok) return void toast.error(result.error);
      toast.success(`Saved the compliance gates of ${environment.name}`);
      router.refresh();
    });
  }

  return (
    <form onSubmit={save} aria-label={`Compliance gates for ${environment.name}`} className="flex flex-col gap-3 rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
      <h3 className="text-sm font-semibold">{environment.name}</h3>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" className="h-4 w-4" checked={noLintErrors} onChange={(e) => setNoLintErrors(e.target.checked)} /> No linter errors
      </label>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Max attack success rate (%)" htmlFor={`${id}-asr`} hint="On the candidate's latest red-team run. Empty: no gate.">
          <Input id={`${id}-asr`} type="number" min={0} max={100} step="any" value={asr} onChange={(e) => setAsr(e.target.value)} />
        </Field>
        <Field label="Max cost per call (USD)" htmlFor={`${id}-cost`} hint="Mean over the candidate's gate run. Empty: no gate.">
          <Input id={`${id}-cost`} type="number" min={0} step="any" value={cost} onChange={(e) => setCost(e.target.value)} />
        </Field>
        <Field label="Max p95 latency (ms)" htmlFor={`${id}-latency`} hint="Over the candidate's gate run. Empty: no gate.">
          <Input id={`${id}-latency`} type="number" min={1} step={1} value={latency} onChange={(e) => setLatency(e.target.value)} />
        </Field>
        <Field label="Monthly volume (calls)" htmlFor={`${id}-volume`} hint="The approval card projects the monthly cost at it.">
          <Input id={`${id}-volume`} type="number" min={1} step={1} value={volume} onChange={(e) => setVolume(e.target.value)} />
        </Field>
      </div>
      <Button type="submit" size="sm" variant="secondary" busy={pending} className="self-start" aria-label={`Save compliance gates for ${environment.name}`}>
        Save gates
      </Button>
    </form>
  );
}
