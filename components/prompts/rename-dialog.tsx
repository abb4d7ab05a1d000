"use client";

import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { promptHref } from "@/lib/prompts";
import { renamePromptAction } from "@/lib/prompts/actions";
import { FormDialog } from "@/components/ui/form-dialog";
import { Field, Input } from "@/components/ui/input";

/** Renaming keeps the history; the page moves to the new name's address. */
export function RenameDialog({ prompt, disabled }: { prompt: { id: string; name: string }; disabled: boolean }) {
  const router = useRouter();
  return (
    <FormDialog
      trigger={{ size: "sm", variant: "secondary", disabled, children: "Rename" }}
      title="Rename prompt"
      submitLabel="Rename"
      noValidate
      submit={(form) => renamePromptAction({ promptId: prompt.id, name: String(form.get("name") ?? "") })}
      onSuccess={(renamed) => {
        toast.success(`Renamed to ${renamed.name}`);
        router.replace(promptHref(renamed.name));
      }}
    >
      <Field label="Name" htmlFor="rename-name" hint="History is kept. Partials that include the old name must be updated.">
        <Input id="rename-name" name="name" defaultValue={prompt.name} required />
      </Field>
    </FormDialog>
  );
}
