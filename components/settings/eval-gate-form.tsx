"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { setEnvironmentGateAction } from "@/lib/releases/actions";
import { Button } from "@/components/ui/button";
import { Input, Options, Select } from "@/components/ui/input";

/** One environment's eval gate: a dataset and the pass rate a candidate's latest completed run on it must reach. */
export function EvalGateForm({
  environment,
  datasets,
}: {
  environment: { id: string; name: string; gateDatasetId: string | null; gateMinPassRate: number | null };
  datasets: { id: string; name: string }[];
}) {
  const router = useRouter();
  const [datasetId, setDatasetId] = useState(environment.gateDatasetId ?? "");
  const [minPassRate, setMinPassRate] = useState(String(environment.gateMinPassRate ?? 90));
  const [pending, startTransition] = useTransition();

  function save(event: React.FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      const rate = Number(minPassRate);
      const result = await setEnvironmentGateAction({ environmentId: environment.id, datasetId: datasetId || null, minPassRate: datasetId ? (Number.isFinite(rate) ? rate : Number.NaN) : null });
      if (!result.ok) return void toast.error(result.error);
      toast.success(datasetId ? `${environment.name} now needs ${rate}% on its gate dataset` : `${environment.name} has no eval gate`);
      router.refresh();
    });
  }

  return (
    <form onSubmit={save} className="flex flex-wrap items-center gap-2" aria-label={`Eval gate for ${environment.name}`}>
      <Select aria-label={`Gate dataset for ${environment.name}`} value={datasetId} onChange={(e) => setDatasetId(e.target.value)} className="w-44">
        <option value="">No gate</option>
        <Options items={datasets.map((d) => [d.id, d.name] as const)} />
      </Select>
      <Input
        aria-label={`Minimum pass rate for ${environment.name} (%)`}
        type="number"
        min={0}
        max={100}
        step={1}
        value={minPassRate}
        disabled={!datasetId}
        onChange={(e) => setMinPassRate(e.target.value)}
        className="w-20"
      />
      <Button type="submit" size="sm" variant="secondary" busy={pending} aria-label={`Save eval gate for ${environment.name}`}>
        Save
      </Button>
    </form>
  );
}
