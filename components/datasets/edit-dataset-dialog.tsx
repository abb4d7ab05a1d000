"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { updateDatasetAction } from "@/lib/datasets/actions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-error";
import { Field, Input } from "@/components/ui/input";

export function EditDatasetDialog({ datasetId, name, description }: { datasetId: string; name: string; description: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    const result = await updateDatasetAction({ datasetId, name: String(form.get("name") ?? ""), description: String(form.get("description") ?? "") });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    toast.success("Saved the dataset's details");
    setOpen(false);
    router.refresh();
  }

  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Edit details
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Edit dataset">
        <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
          <Field label="Dataset name" htmlFor="edit-dataset-name">
            <Input id="edit-dataset-name" name="name" defaultValue={name} required />
          </Field>
          <Field label="Description" htmlFor="edit-dataset-description">
            <Input id="edit-dataset-description" name="description" defaultValue={description} />
          </Field>
          <FormError message={error} />
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" busy={busy}>
              Save
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
