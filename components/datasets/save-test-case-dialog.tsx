"use client";

import { useState } from "react";
import { toast } from "sonner";
import { addCaseFromRunAction, listDatasetOptionsAction } from "@/lib/datasets/actions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-error";
import { Field, Input, Select } from "@/components/ui/input";

const NEW = "__new__";

/** Saves a finished playground run's variables (and, by default, its output as the expected output) into a dataset. */
export function SaveTestCaseDialog({ runId, column }: { runId: string; column: number }) {
  const [open, setOpen] = useState(false);
  const [options, setOptions] = useState<{ id: string; name: string; caseCount: number }[] | null>(null);
  const [choice, setChoice] = useState(NEW);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function openDialog() {
    setOpen(true);
    setError(null);
    const result = await listDatasetOptionsAction({});
    if (!result.ok) return setError(result.error);
    setOptions(result.data);
    setChoice(result.data[0]?.id ?? NEW);
  }

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    const result = await addCaseFromRunAction({
      runId,
      ...(choice === NEW ? { newDatasetName: String(form.get("newName") ?? "") } : { datasetId: choice }),
      useOutputAsExpected: form.get("useOutput") === "on",
    });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    toast.success(`Saved as case ${result.data.position} of ${result.data.datasetName}`);
    setOpen(false);
  }

  return (
    <>
      <Button size="sm" variant="secondary" onClick={() => void openDialog()} aria-label={`Save column ${column} as test case`}>
        Save as test case
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Save as test case">
        <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
          <Field label="Dataset" htmlFor={`save-case-dataset-${runId}`}>
            <Select id={`save-case-dataset-${runId}`} value={choice} onChange={(e) => setChoice(e.target.value)} disabled={options === null}>
              {(options ?? []).map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name} ({d.caseCount} cases)
                </option>
              ))}
              <option value={NEW}>New dataset…</option>
            </Select>
          </Field>
          {choice === NEW && (
            <Field label="New dataset name" htmlFor={`save-case-name-${runId}`}>
              <Input id={`save-case-name-${runId}`} name="newName" required />
            </Field>
          )}
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="useOutput" defaultChecked />
            Use this output as the expected output
          </label>
          <FormError message={error} />
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" busy={busy}>
              Save case
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
