"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { createApiKeyAction } from "@/lib/platform/api-keys/actions";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog } from "@/components/ui/dialog";
import { FormDialog } from "@/components/ui/form-dialog";
import { Field, Input, Select } from "@/components/ui/input";

/** Creates a key, then shows its secret exactly once in a dialog of its own; closing that dialog forgets it. */
export function CreateApiKeyDialog() {
  const router = useRouter();
  const [secret, setSecret] = useState<string | null>(null);

  return (
    <>
      <FormDialog
        trigger={{ children: "Create API key" }}
        title="Create API key"
        submitLabel="Create"
        submit={(form) => createApiKeyAction({ name: String(form.get("name") ?? ""), scope: String(form.get("scope") ?? "read") as "read" })}
        onSuccess={(key) => {
          setSecret(key.secret);
          toast.success(`Created API key "${key.name}"`);
          router.refresh();
        }}
      >
        <Field label="Key name" htmlFor="api-key-name" hint="Name it after the application or pipeline that uses it.">
          <Input id="api-key-name" name="name" required maxLength={80} />
        </Field>
        <Field label="Scope" htmlFor="api-key-scope">
          <Select id="api-key-scope" name="scope" defaultValue="read">
            <option value="read">read: fetch and render prompts</option>
            <option value="read-write">read-write: also add versions and request promotions</option>
          </Select>
        </Field>
      </FormDialog>
      <Dialog open={secret !== null} onClose={() => setSecret(null)} title="Copy your new key">
        <div className="flex flex-col gap-4">
          <Field label="API key secret" htmlFor="api-key-secret" hint="This is the only time the key is shown. Store it in your application's secrets.">
            <div className="flex gap-2">
              <Input id="api-key-secret" readOnly value={secret ?? ""} className="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
              <CopyButton text={secret ?? ""} copied="Copied the key" failed="Could not copy; select the text and copy it yourself." />
            </div>
          </Field>
          <div className="flex justify-end">
            <Button onClick={() => setSecret(null)}>Done</Button>
          </div>
        </div>
      </Dialog>
    </>
  );
}
