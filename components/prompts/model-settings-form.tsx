"use client";

import { Field, Input, Select } from "@/components/ui/input";
import type { SettingsErrors, SettingsForm } from "@/lib/prompts";
import { GuardPolicyFields } from "./guard-policy-fields";
import { ModelOptions } from "./model-options";

const textareaClass =
  "min-h-24 w-full rounded-md border border-zinc-300 bg-white px-3 py-2 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-900";

export function ModelSettingsForm({
  form,
  errors,
  onChange,
  models,
  defaultModel,
  readOnly,
}: {
  form: SettingsForm;
  errors: SettingsErrors;
  onChange: (form: SettingsForm) => void;
  models: { id: string; label: string }[];
  defaultModel: string;
  readOnly: boolean;
}) {
  const set = <K extends keyof SettingsForm>(key: K, value: SettingsForm[K]) => onChange({ ...form, [key]: value });
  return (
    <fieldset disabled={readOnly} className="flex flex-col gap-3">
      <legend className="mb-2 text-sm font-semibold">Model settings</legend>
      <Field label="Model" htmlFor="setting-model" hint={form.model ? undefined : `Uses the workspace default (${defaultModel}).`}>
        <Select id="setting-model" value={form.model} onChange={(e) => set("model", e.target.value)}>
          <option value="">Workspace default</option>
          <ModelOptions models={models} current={form.model} />
        </Select>
      </Field>
      <div className="grid grid-cols-2 gap-3">
        <Field label="Temperature" htmlFor="setting-temperature" error={errors.temperature}>
          <Input id="setting-temperature" inputMode="decimal" value={form.temperature} onChange={(e) => set("temperature", e.target.value)} placeholder="default" />
        </Field>
        <Field label="Top P" htmlFor="setting-top-p" error={errors.topP}>
          <Input id="setting-top-p" inputMode="decimal" value={form.topP} onChange={(e) => set("topP", e.target.value)} placeholder="default" />
        </Field>
      </div>
      <Field label="Max tokens" htmlFor="setting-max-tokens" error={errors.maxOutputTokens}>
        <Input id="setting-max-tokens" inputMode="numeric" value={form.maxOutputTokens} onChange={(e) => set("maxOutputTokens", e.target.value)} placeholder="default" />
      </Field>
      <Field label="Stop sequences" htmlFor="setting-stop" hint="One per line; write a newline as \n." error={errors.stopSequences}>
        <textarea id="setting-stop" className={textareaClass} value={form.stopSequences} onChange={(e) => set("stopSequences", e.target.value)} />
      </Field>
      <Field label="Response format" htmlFor="setting-response-format">
        <Select id="setting-response-format" value={form.responseFormat} onChange={(e) => set("responseFormat", e.target.value === "json" ? "json" : "text")}>
          <option value="text">Text</option>
          <option value="json">JSON</option>
        </Select>
      </Field>
      {form.responseFormat === "json" && (
        <Field label="JSON Schema" htmlFor="setting-json-schema" hint="Optional. Checked as JSON Schema when you save." error={errors.jsonSchema}>
          <textarea id="setting-json-schema" className={textareaClass} value={form.jsonSchema} onChange={(e) => set("jsonSchema", e.target.value)} />
        </Field>
      )}
      <Field
        label="Tools (JSON)"
        htmlFor="setting-tools"
        hint='Optional: [{ "name": "lookup", "description": "…", "parameters": { JSON Schema } }]'
        error={errors.tools}
      >
        <textarea id="setting-tools" className={textareaClass} value={form.tools} onChange={(e) => set("tools", e.target.value)} />
      </Field>
      <GuardPolicyFields form={form} errors={errors} set={set} />
    </fieldset>
  );
}
