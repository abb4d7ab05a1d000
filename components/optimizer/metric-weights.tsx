import { Field, Input } from "@/components/ui/input";
import type { ScorerDraft } from "@/lib/evals";

/** One weight per scorer of the metric; shown only when there is more than one scorer to weigh against another. */
export function MetricWeights({ drafts, weights, onChange }: { drafts: ScorerDraft[]; weights: Record<string, string>; onChange: (weights: Record<string, string>) => void }) {
  if (drafts.length < 2) return null;
  return (
    <fieldset className="flex flex-col gap-2 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
      <legend className="px-1 text-sm font-medium">Metric weights</legend>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">A case&apos;s score is the weighted mean of its scorers&apos; scores; an error scores 0.</p>
      <div className="grid gap-3 sm:grid-cols-3">
        {drafts.map((draft, i) => (
          <Field key={draft.id} size="sm" label={`Weight of scorer ${i + 1} (${draft.label || draft.type})`} htmlFor={`weight-${draft.id}`}>
            <Input id={`weight-${draft.id}`} type="number" min={0.1} max={100} step="any" value={weights[draft.id] ?? "1"} onChange={(e) => onChange({ ...weights, [draft.id]: e.target.value })} />
          </Field>
        ))}
      </div>
    </fieldset>
  );
}
