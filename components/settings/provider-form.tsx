"use client";

import { useRef, useState } from "react";
import { toast } from "sonner";
import { saveProviderAction } from "@/lib/platform/providers/actions";
import { Card } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/input";
import { FormSubmit } from "@/components/ui/form-submit";

type Kind = "openai" | "anthropic" | "openai-compatible";

export function ProviderForm() {
  const formRef = useRef<HTMLFormElement>(null);
  const [kind, setKind] = useState<Kind>("openai-compatible");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const get = (name: string) => String(form.get(name) ?? "");
    setBusy(true);
    setError(null);
    const result = await saveProviderAction({
      kind,
      slug: get("slug"),
      label: get("label"),
      baseUrl: get("baseUrl"),
      apiKey: get("apiKey"),
      models: get("models"),
    });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    toast.success(`Saved provider ${result.data.slug}`);
    formRef.current?.reset();
  }

  return (
    <Card>
      <h3 className="mb-4 text-sm font-semibold">Add or update a provider</h3>
      <form ref={formRef} onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-2">
        <Field label="Kind" htmlFor="provider-kind">
          <Select id="provider-kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            <option value="openai-compatible">OpenAI-compatible server</option>
            <option value="openai">OpenAI</option>
            <option value="anthropic">Anthropic</option>
          </Select>
        </Field>
        <Field label="Id" htmlFor="provider-slug" hint='Prefix of its model ids, e.g. "ollama" for "ollama:llama3.1". Same id updates.'>
          <Input id="provider-slug" name="slug" required placeholder="ollama" />
        </Field>
        <Field label="Display name" htmlFor="provider-label">
          <Input id="provider-label" name="label" required placeholder="Local Ollama" />
        </Field>
        <Field label="Base URL" htmlFor="provider-base-url" hint={kind === "openai-compatible" ? "Required, e.g. http://localhost:11434/v1" : "Optional"}>
          <Input id="provider-base-url" name="baseUrl" type="url" required={kind === "openai-compatible"} />
        </Field>
        <Field label="API key" htmlFor="provider-api-key" hint="Encrypted at rest. Leave empty to keep the stored key.">
          <Input id="provider-api-key" name="apiKey" type="password" autoComplete="off" />
        </Field>
        <Field label="Models" htmlFor="provider-models" hint="Comma-separated model names this server offers.">
          <Input id="provider-models" name="models" placeholder="llama3.1, qwen2.5" />
        </Field>
        <FormSubmit error={error} busy={busy} className="sm:col-span-2">
          Save provider
        </FormSubmit>
      </form>
    </Card>
  );
}
