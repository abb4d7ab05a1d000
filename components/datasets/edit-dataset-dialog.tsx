"use client";

import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { updateDatasetAction } from "@/lib/datasets/actions";
import { FormDialog } from "@/components/ui/form-dialog";
import { Field, Input } from "@/components/ui/input";

export function EditDatasetDialog({ datasetId, name, description }: { datasetId: string; name: string; description: string }) {
  const router = useRouter();
  return (
    <FormDialog
      trigger={{ variant: "secondary", children: "Edit details" }}
      title="Edit dataset"
      submitLabel="Save"
      noValidate
      submit={(form) => updateDatasetAction({ datasetId, name: String(form.get("name") ?? ""), description: String(form.get("description") ?? "") })}
      onSuccess={() => {
        toast.success("Saved the dataset's details");
        router.refresh();
      }}
    >
      <Field label="Dataset name" htmlFor="edit-dataset-name">
        <Input id="edit-dataset-name" name="name" defaultValue={name} required />
      </Field>
      <Field label="Description" htmlFor="edit-dataset-description">
        <Input id="edit-dataset-description" name="description" defaultValue={description} />
      </Field>
    </FormDialog>
  );
}
