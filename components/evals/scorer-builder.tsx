"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input, Options, Select, Textarea } from "@/components/ui/input";
import { SCORER_TYPES, FIELD_LABELS, newDraft, type ScorerDraft } from "@/lib/evals";

const scorerTypes = SCORER_TYPES.map((t) => [t, t] as const);

/** Scorers of a run: add one of a type, set its main parameter, an optional threshold and label; remove. */
export function ScorerBuilder({
  drafts,
  onChange,
  caseAssertions,
}: {
  drafts: ScorerDraft[];
  onChange: (drafts: ScorerDraft[]) => void;
  /** How many of the dataset's cases carry their own assertions (promptfoo's per-test assert), of how many. */
  caseAssertions?: { withAssertions: number; total: number };
}) {
  const baseId = useId();
  const [newType, setNewType] = useState<string>("contains");
  const update = (id: string, patch: Partial<ScorerDraft>) => onChange(drafts.map((d) => (d.id === id ? { ...d, ...patch } : d)));

  return (
    <fieldset className="flex flex-col gap-3 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
      <legend className="px-1 text-sm font-medium">Scorers</legend>
      {drafts.length === 0 &&
        (caseAssertions && caseAssertions.withAssertions > 0 ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            No run scorers: each case is scored by its own assertions ({caseAssertions.withAssertions} of {caseAssertions.total} cases have some).
            {caseAssertions.withAssertions < caseAssertions.total &&
              ` The other ${caseAssertions.total - caseAssertions.withAssertions} will be reported as unscored (neither passed nor failed) unless you add a scorer below.`}
          </p>
        ) : (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">No scorers yet: add one below (e.g. contains &quot;refund&quot;). The dataset&apos;s default scorers are filled in when you choose it.</p>
        ))}
      {drafts.length > 0 && caseAssertions && caseAssertions.withAssertions > 0 && (
        <p className="text-xs text-zinc-600 dark:text-zinc-400">
          {caseAssertions.withAssertions} of {caseAssertions.total} cases also carry their own assertions, checked after these.
        </p>
      )}
      {drafts.map((draft, index) => {
        const id = `${baseId}-${draft.id}`;
        return (
          <div key={draft.id} role="group" aria-label={`Scorer ${index + 1}`} className="grid gap-3 rounded-md bg-zinc-50 p-3 sm:grid-cols-[10rem_1fr_7rem_auto] dark:bg-zinc-800/50">
            <Field size="sm" label="Scorer type" htmlFor={`${id}-type`}>
              <Select id={`${id}-type`} value={draft.type} onChange={(e) => onChange(drafts.map((d) => (d.id === draft.id ? { ...newDraft(e.target.value), id: d.id } : d)))}>
                <Options items={scorerTypes} />
              </Select>
            </Field>
            <Field size="sm" label={FIELD_LABELS[draft.field]} htmlFor={`${id}-text`}>
              {draft.field === "json" || draft.field === "values" ? (
                <Textarea id={`${id}-text`} rows={3} className="font-mono text-xs" value={draft.text} onChange={(e) => update(draft.id, { text: e.target.value })} />
              ) : (
                <Input id={`${id}-text`} value={draft.text} onChange={(e) => update(draft.id, { text: e.target.value })} />
              )}
              <label htmlFor={`${id}-label`} className="sr-only">
                Scorer {index + 1} label
              </label>
              <Input id={`${id}-label`} placeholder="Label (optional)" className="h-8 text-xs" value={draft.label} onChange={(e) => update(draft.id, { label: e.target.value })} />
            </Field>
            <Field size="sm" label="Threshold" htmlFor={`${id}-threshold`}>
              <Input id={`${id}-threshold`} inputMode="decimal" placeholder="0–1" value={draft.threshold} onChange={(e) => update(draft.id, { threshold: e.target.value })} />
              <label className="mt-1 flex items-center gap-1.5 text-xs" title="promptfoo's not-… assertions: the scorer passes when its check fails">
                <input type="checkbox" checked={draft.negate} onChange={(e) => update(draft.id, { negate: e.target.checked })} />
                Negate
                <span className="sr-only"> scorer {index + 1} (it passes when its check fails)</span>
              </label>
            </Field>
            <div className="flex items-end">
              <Button variant="ghost" size="sm" aria-label={`Remove scorer ${index + 1}`} onClick={() => onChange(drafts.filter((d) => d.id !== draft.id))}>
                Remove
              </Button>
            </div>
          </div>
        );
      })}
      <div className="flex items-end gap-2">
        <Field size="sm" label="New scorer type" htmlFor={`${baseId}-new`}>
          <Select id={`${baseId}-new`} className="w-48" value={newType} onChange={(e) => setNewType(e.target.value)}>
            <Options items={scorerTypes} />
          </Select>
        </Field>
        <Button variant="secondary" onClick={() => onChange([...drafts, newDraft(newType)])}>
          Add scorer
        </Button>
      </div>
    </fieldset>
  );
}
