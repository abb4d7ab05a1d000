"use client";

import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { promptHref } from "@/lib/prompts";
import { createPromptAction } from "@/lib/prompts/actions";
import { FormDialog } from "@/components/ui/form-dialog";
import { Field, Input, Select } from "@/components/ui/input";

export function NewPromptDialog({ defaultFolder }: { defaultFolder?: string }) {
  const router = useRouter();
  return (
    <FormDialog
      trigger={{ children: "New prompt" }}
      title="New prompt"
      submitLabel="Create"
      noValidate
      submit={(form) =>
        createPromptAction({
          name: String(form.get("name") ?? ""),
          type: form.get("type") === "chat" ? "chat" : "text",
          description: String(form.get("description") ?? ""),
          tags: String(form.get("tags") ?? "")
            .split(",")
            .map((t) => t.trim())
            .filter(Boolean),
        })
      }
      onSuccess={(prompt) => {
        toast.success(`Created ${prompt.name}`);
        router.push(promptHref(prompt.name));
      }}
    >
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
    </FormDialog>
  );
}
