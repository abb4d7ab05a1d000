"use client";

import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { createDatasetAction } from "@/lib/datasets/actions";
import { FormDialog } from "@/components/ui/form-dialog";
import { Field, Input } from "@/components/ui/input";

export function NewDatasetDialog() {
  const router = useRouter();
  return (
    <FormDialog
      trigger={{ children: "New dataset" }}
      title="New dataset"
      submitLabel="Create"
      noValidate
      submit={(form) => createDatasetAction({ name: String(form.get("name") ?? ""), description: String(form.get("description") ?? "") })}
      onSuccess={(dataset) => {
        toast.success(`Created dataset ${dataset.name}`);
        router.push(`/datasets/${dataset.id}`);
      }}
    >
      <Field label="Dataset name" htmlFor="dataset-name" hint="Unique in the workspace, e.g. triage-smoke.">
        <Input id="dataset-name" name="name" required autoFocus />
      </Field>
      <Field label="Description" htmlFor="dataset-description">
        <Input id="dataset-description" name="description" />
      </Field>
    </FormDialog>
  );
}
