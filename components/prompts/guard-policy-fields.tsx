"use client";

import { Field, Input, Select } from "@/components/ui/input";
import type { SettingsErrors, SettingsForm } from "@/lib/prompts";

const textareaClass = "min-h-20 w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-xs dark:border-zinc-700 dark:bg-zinc-900";

/** The version's guard policy: what the delivery API refuses or masks. Saved with the rest of the settings, as a new version. */
export function GuardPolicyFields({
  form,
  errors,
  set,
}: {
  form: SettingsForm;
  errors: SettingsErrors;
  set: <K extends keyof SettingsForm>(key: K, value: SettingsForm[K]) => void;
}) {
  return (
    <fieldset className="flex flex-col gap-3 border-t border-zinc-200 pt-3 dark:border-zinc-800">
      <legend className="pt-3 text-sm font-semibold">Guard policy</legend>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        Applied by the delivery API to render and reported generations: a refused input is answered with 422 naming the rule.
      </p>
      <Field label="Denied topics" htmlFor="guard-denied-topics" hint="One phrase per line, matched whole, ignoring case." error={errors.guardDeniedTopics}>
        <textarea id="guard-denied-topics" className={textareaClass} value={form.guardDeniedTopics} onChange={(e) => set("guardDeniedTopics", e.target.value)} />
      </Field>
      <Field label="Word list" htmlFor="guard-words" hint="One word or phrase per line; refused in inputs, masked in reported outputs." error={errors.guardWords}>
        <textarea id="guard-words" className={textareaClass} value={form.guardWords} onChange={(e) => set("guardWords", e.target.value)} />
      </Field>
      <Field label="PII handling" htmlFor="guard-pii" hint="E-mail addresses, phone numbers and card numbers in inputs.">
        <Select id="guard-pii" value={form.guardPii} onChange={(e) => set("guardPii", e.target.value === "block" || e.target.value === "mask" ? e.target.value : "off")}>
          <option value="off">Off</option>
          <option value="block">Block</option>
          <option value="mask">Mask</option>
        </Select>
      </Field>
      <Field label="Max input length" htmlFor="guard-max-input" hint="Characters of all variables together; empty for no limit." error={errors.guardMaxInputChars}>
        <Input id="guard-max-input" inputMode="numeric" value={form.guardMaxInputChars} onChange={(e) => set("guardMaxInputChars", e.target.value)} placeholder="no limit" />
      </Field>
    </fieldset>
  );
}
