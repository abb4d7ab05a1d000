"use client";

import { useRef, useState } from "react";
import { toast } from "sonner";
import { createWebhookAction } from "@/lib/platform/webhooks/actions";
import { Card } from "@/components/ui/card";
import { FormSubmit } from "@/components/ui/form-submit";
import { Field, Input } from "@/components/ui/input";
import { WebhookSecret } from "./webhook-secret";

export function WebhookForm() {
  const formRef = useRef<HTMLFormElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ url: string; secret: string } | null>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    const result = await createWebhookAction({ url: String(form.get("url") ?? ""), description: String(form.get("description") ?? "") });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      toast.error("The webhook was not added");
      return;
    }
    toast.success(`Added webhook ${result.data.url}`);
    setCreated({ url: result.data.url, secret: result.data.secret });
    formRef.current?.reset();
  }

  return (
    <Card>
      <h3 className="mb-4 text-sm font-semibold">Add a webhook</h3>
      <form ref={formRef} onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-2">
        <Field label="Webhook URL" htmlFor="webhook-url" hint="http:// or https://. It receives a POST for every deployment change.">
          <Input id="webhook-url" name="url" type="url" required maxLength={2000} placeholder="https://example.com/hooks/promptops" />
        </Field>
        <Field label="Description" htmlFor="webhook-description" hint="Optional: what listens there.">
          <Input id="webhook-description" name="description" maxLength={200} placeholder="Posts deployments to #releases" />
        </Field>
        <FormSubmit error={error} busy={busy} className="sm:col-span-2">
          Add webhook
        </FormSubmit>
      </form>
      {created && <WebhookSecret url={created.url} secret={created.secret} onDone={() => setCreated(null)} />}
    </Card>
  );
}
