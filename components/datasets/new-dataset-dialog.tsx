"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { createDatasetAction } from "@/lib/datasets/actions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-error";
import { Field, Input } from "@/components/ui/input";

export function NewDatasetDialog() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    const result = await createDatasetAction({ name: String(form.get("name") ?? ""), description: String(form.get("description") ?? "") });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    toast.success(`Created dataset ${result.data.name}`);
    setOpen(false);
    router.push(`/datasets/${result.data.id}`);
  }

  return (
    <>
      <Button onClick={() => setOpen(true)}>New dataset</Button>
      <Dialog open={open} onClose={() => setOpen(false)} title="New dataset">
        <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
          <Field label="Dataset name" htmlFor="dataset-name" hint="Unique in the workspace, e.g. triage-smoke.">
            <Input id="dataset-name" name="name" required autoFocus />
          </Field>
          <Field label="Description" htmlFor="dataset-description">
            <Input id="dataset-description" name="description" />
          </Field>
          <FormError message={error} />
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" busy={busy}>
              Create
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
