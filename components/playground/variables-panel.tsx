"use client";

import { useState, useTransition, type Dispatch } from "react";
import { toast } from "sonner";
import { type VariableSetView, type PlaygroundAction } from "@/lib/playground";
import { deleteVariableSetAction, saveVariableSetAction } from "@/lib/playground/actions";
import { Button } from "@/components/ui/button";
import { Field, Input, Options, Select, Textarea } from "@/components/ui/input";
import { Section } from "@/components/ui/section";
import type { PromptVariable } from "@/lib/core/templates";

/**
 * One multi-line textbox per variable used by any column (partials' included), named after the variable, and the
 * prompt's saved sets. A variable that only a partial uses says which one.
 */
export function VariablesPanel({
  promptId,
  variables,
  values,
  sets,
  canSave,
  dispatch,
  onSetsChange,
}: {
  promptId: string;
  variables: Pick<PromptVariable, "name" | "inTemplate" | "partials">[];
  values: Record<string, string>;
  sets: VariableSetView[];
  canSave: boolean;
  dispatch: Dispatch<PlaygroundAction>;
  onSetsChange: (sets: VariableSetView[]) => void;
}) {
  const [chosen, setChosen] = useState("");
  const [setName, setSetName] = useState("");
  const [busy, startTransition] = useTransition();
  const selected = sets.find((s) => s.id === chosen) ?? null;
  const names = variables.map((v) => v.name);

  function load() {
    if (!selected) return;
    dispatch({ type: "load-variables", values: selected.values });
    setSetName(selected.name);
    toast.success(`Loaded “${selected.name}”`);
  }

  function save() {
    const name = setName.trim();
    if (!name) {
      toast.error("Name the variable set first.");
      return;
    }
    const current = Object.fromEntries(names.map((n) => [n, values[n] ?? ""]));
    startTransition(async () => {
      const result = await saveVariableSetAction({ promptId, name, values: current });
      if (!result.ok) {
        toast.error(result.error);
        return;
      }
      onSetsChange(result.data.sets);
      setChosen(result.data.saved.id);
      toast.success(`Saved variable set “${result.data.saved.name}”`);
    });
  }

  function remove() {
    if (!selected) return;
    startTransition(async () => {
      const result = await deleteVariableSetAction({ variableSetId: selected.id });
      if (!result.ok) {
        toast.error(result.error);
        return;
      }
      onSetsChange(result.data.sets);
      setChosen("");
      toast.success(`Deleted variable set “${selected.name}”`);
    });
  }

  return (
    <Section
      id="variables-heading"
      title="Variables"
      size="sm"
      align="end"
      className="rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
      actions={
        <div className="flex flex-wrap items-end gap-2">
          <Field size="sm" label="Variable set" htmlFor="variable-set">
            <Select id="variable-set" value={chosen} onChange={(event) => setChosen(event.target.value)} className="h-8 w-48">
              <option value="">{sets.length ? "Choose a saved set" : "No saved sets"}</option>
              <Options items={sets.map((s) => [s.id, s.name] as const)} />
            </Select>
          </Field>
          <Button size="sm" variant="secondary" disabled={!selected} onClick={load}>
            Load set
          </Button>
          {canSave && (
            <>
              <Button size="sm" variant="ghost" disabled={!selected} busy={busy} onClick={remove}>
                Delete set
              </Button>
              <Field size="sm" label="Set name" htmlFor="variable-set-name">
                <Input id="variable-set-name" value={setName} onChange={(event) => setSetName(event.target.value)} className="h-8 w-40" placeholder="e.g. angry customer" />
              </Field>
              <Button size="sm" variant="secondary" busy={busy} disabled={names.length === 0} onClick={save}>
                Save set
              </Button>
            </>
          )}
        </div>
      }
    >
      {names.length === 0 ? (
        <p className="text-sm text-zinc-500">The templates in these columns use no variables.</p>
      ) : (
        <div className="grid grid-cols-1 gap-3 md:grid-cols-2">
          {variables.map(({ name, inTemplate, partials }) => (
            <div key={name} className="flex flex-col gap-1">
              <label htmlFor={`variable-${name}`} className="font-mono text-xs font-medium text-zinc-700 dark:text-zinc-300">
                {name}
              </label>
              {!inTemplate && partials.length > 0 && (
                <p id={`variable-${name}-from`} className="text-xs text-zinc-600 dark:text-zinc-400">
                  From partial {partials.join(", ")}
                </p>
              )}
              <Textarea
                id={`variable-${name}`}
                aria-describedby={!inTemplate && partials.length > 0 ? `variable-${name}-from` : undefined}
                rows={2}
                value={values[name] ?? ""}
                onChange={(event) => dispatch({ type: "set-variable", name, value: event.target.value })}
                className="font-mono text-xs"
              />
            </div>
          ))}
        </div>
      )}
    </Section>
  );
}
