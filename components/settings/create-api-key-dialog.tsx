"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { createApiKeyAction } from "@/lib/platform/api-keys/actions";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-error";
import { Field, Input, Select } from "@/components/ui/input";

/** Creates a key and shows its secret exactly once; closing the dialog forgets it. */
export function CreateApiKeyDialog() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);

  function close() {
    setOpen(false);
    setSecret(null);
    setError(null);
  }

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    const result = await createApiKeyAction({ name: String(form.get("name") ?? ""), scope: String(form.get("scope") ?? "read") as "read" });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setSecret(result.data.secret);
    toast.success(`Created API key "${result.data.name}"`);
    router.refresh();
  }

  async function copy() {
    if (!secret) return;
    try {
      await navigator.clipboard.writeText(secret);
      toast.success("Copied the key");
    } catch {
      toast.error("Could not copy; select the text and copy it yourself.");
    }
  }

  return (
    <>
      <Button onClick={() => setOpen(true)}>Create API key</Button>
      <Dialog open={open} onClose={close} title={secret ? "Copy your new key" : "Create API key"}>
        {secret ? (
          <div className="flex flex-col gap-4">
            <Field label="API key secret" htmlFor="api-key-secret" hint="This is the only time the key is shown. Store it in your application's secrets.">
              <div className="flex gap-2">
                <Input id="api-key-secret" readOnly value={secret} className="font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
                <Button variant="secondary" onClick={copy}>
                  Copy
                </Button>
              </div>
            </Field>
            <div className="flex justify-end">
              <Button onClick={close}>Done</Button>
            </div>
          </div>
        ) : (
          <form onSubmit={onSubmit} className="flex flex-col gap-4">
            <Field label="Key name" htmlFor="api-key-name" hint="Name it after the application or pipeline that uses it.">
              <Input id="api-key-name" name="name" required maxLength={80} />
            </Field>
            <Field label="Scope" htmlFor="api-key-scope">
              <Select id="api-key-scope" name="scope" defaultValue="read">
                <option value="read">read: fetch and render prompts</option>
                <option value="read-write">read-write: also add versions and request promotions</option>
              </Select>
            </Field>
            <FormError message={error} />
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" busy={busy}>
                Create
              </Button>
            </div>
          </form>
        )}
      </Dialog>
    </>
  );
}
