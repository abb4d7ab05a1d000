"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { updatePromptDetailsAction } from "@/lib/prompts/actions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-error";
import { Field, Input } from "@/components/ui/input";

/** Description and tags are metadata of the prompt, not of a version: editing them creates no version. */
export function EditDetailsDialog({
  prompt,
  open,
  onClose,
}: {
  prompt: { id: string; description: string; tags: string[] };
  open: boolean;
  onClose: () => void;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const tags = String(form.get("tags") ?? "")
      .split(",")
      .map((t) => t.trim())
      .filter(Boolean);
    setError(null);
    startTransition(async () => {
      const result = await updatePromptDetailsAction({ promptId: prompt.id, description: String(form.get("description") ?? ""), tags });
      if (!result.ok) {
        setError(result.error);
        return;
      }
      toast.success("Saved the description and tags");
      onClose();
      router.refresh();
    });
  }

  return (
    <Dialog open={open} onClose={onClose} title="Edit details">
      <form onSubmit={submit} className="flex flex-col gap-4">
        <Field label="Description" htmlFor="details-description">
          <textarea
            id="details-description"
            name="description"
            defaultValue={prompt.description}
            rows={3}
            className="w-full rounded-md border border-zinc-300 bg-white p-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
          />
        </Field>
        <Field label="Tags" htmlFor="details-tags" hint="Comma-separated, e.g. support, triage">
          <Input id="details-tags" name="tags" defaultValue={prompt.tags.join(", ")} />
        </Field>
        <FormError message={error} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" busy={pending}>
            Save details
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
