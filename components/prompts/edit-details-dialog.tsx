"use client";

import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { updatePromptDetailsAction } from "@/lib/prompts/actions";
import { FormDialog } from "@/components/ui/form-dialog";
import { Field, Input, Textarea } from "@/components/ui/input";

/** Description and tags are metadata of the prompt, not of a version: editing them creates no version. */
export function EditDetailsDialog({ prompt, disabled }: { prompt: { id: string; description: string; tags: string[] }; disabled: boolean }) {
  const router = useRouter();
  return (
    <FormDialog
      trigger={{ size: "sm", variant: "secondary", disabled, children: "Edit details" }}
      title="Edit details"
      submitLabel="Save details"
      submit={(form) =>
        updatePromptDetailsAction({
          promptId: prompt.id,
          description: String(form.get("description") ?? ""),
          tags: String(form.get("tags") ?? "")
            .split(",")
            .map((t) => t.trim())
            .filter(Boolean),
        })
      }
      onSuccess={() => {
        toast.success("Saved the description and tags");
        router.refresh();
      }}
    >
      <Field label="Description" htmlFor="details-description">
        <Textarea id="details-description" name="description" defaultValue={prompt.description} rows={3} />
      </Field>
      <Field label="Tags" htmlFor="details-tags" hint="Comma-separated, e.g. support, triage">
        <Input id="details-tags" name="tags" defaultValue={prompt.tags.join(", ")} />
      </Field>
    </FormDialog>
  );
}
