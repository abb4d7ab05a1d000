"use client";

import { useState } from "react";
import { toast } from "sonner";
import { listDatasetOptionsAction } from "@/lib/datasets/actions";
import { addCaseFromRunAction } from "@/lib/playground/actions";
import { FormDialog } from "@/components/ui/form-dialog";
import { Field, Input, Select } from "@/components/ui/input";

const NEW = "__new__";

/** Saves a finished playground run's variables (and, by default, its output as the expected output) into a dataset. */
export function SaveTestCaseDialog({ runId, column }: { runId: string; column: number }) {
  const [options, setOptions] = useState<{ id: string; name: string; caseCount: number }[] | null>(null);
  const [choice, setChoice] = useState(NEW);
  const [loadError, setLoadError] = useState<string | null>(null);

  async function loadOptions() {
    setLoadError(null);
    const result = await listDatasetOptionsAction({});
    if (!result.ok) return setLoadError(result.error);
    setOptions(result.data);
    setChoice(result.data[0]?.id ?? NEW);
  }

  return (
    <FormDialog
      trigger={{ size: "sm", variant: "secondary", "aria-label": `Save column ${column} as test case`, children: "Save as test case" }}
      onOpen={() => void loadOptions()}
      title="Save as test case"
      submitLabel="Save case"
      noValidate
      standingError={loadError}
      submit={(form) =>
        addCaseFromRunAction({
          runId,
          ...(choice === NEW ? { newDatasetName: String(form.get("newName") ?? "") } : { datasetId: choice }),
          useOutputAsExpected: form.get("useOutput") === "on",
        })
      }
      onSuccess={(saved) => toast.success(`Saved as case ${saved.position} of ${saved.datasetName}`)}
    >
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
    </FormDialog>
  );
}
