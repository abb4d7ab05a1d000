"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { createPromptAction } from "@/lib/prompts/actions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-error";
import { Field, Input, Select } from "@/components/ui/input";
import { promptHref } from "@/lib/prompts/urls";

export function NewPromptDialog({ defaultFolder }: { defaultFolder?: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    const result = await createPromptAction({
      name: String(form.get("name") ?? ""),
      type: form.get("type") === "chat" ? "chat" : "text",
      description: String(form.get("description") ?? ""),
      tags: String(form.get("tags") ?? "")
        .split(",")
        .map((t) => t.trim())
        .filter(Boolean),
    });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    toast.success(`Created ${result.data.name}`);
    setOpen(false);
    router.push(promptHref(result.data.name));
  }

  return (
    <>
      <Button onClick={() => setOpen(true)}>New prompt</Button>
      <Dialog open={open} onClose={() => setOpen(false)} title="New prompt">
        <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
          <Field label="Name" htmlFor="prompt-name" hint='Use "/" for folders, e.g. support/triage.'>
            <Input id="prompt-name" name="name" required defaultValue={defaultFolder ? `${defaultFolder}/` : ""} autoFocus />
          </Field>
          <Field label="Type" htmlFor="prompt-type" hint="Text is one template; chat is a list of system, user and assistant messages. Fixed once created.">
            <Select id="prompt-type" name="type" defaultValue="text">
              <option value="text">Text</option>
              <option value="chat">Chat</option>
            </Select>
          </Field>
          <Field label="Description" htmlFor="prompt-description">
            <Input id="prompt-description" name="description" />
          </Field>
          <Field label="Tags" htmlFor="prompt-tags" hint="Comma-separated.">
            <Input id="prompt-tags" name="tags" />
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
