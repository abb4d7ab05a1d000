"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { generateRedTeamDatasetAction } from "@/lib/datasets/actions";
import { ATTACK_CATEGORIES, type AttackCategory } from "@/lib/core/vocabulary/compliance";
import { ATTACK_CATEGORY_LABELS } from "@/lib/core/redteam";
import { FormDialog } from "@/components/ui/form-dialog";
import { Field, Options, Select } from "@/components/ui/input";

/**
 * "Generate red-team dataset" on a prompt page: which attack families, and paraphrases by a model. The dataset is
 * tailored to the prompt's latest version; the dialog opens it once made.
 */
export function RedTeamDialog({ promptId, version, models, defaultModel }: { promptId: string; version: number; models: { id: string; label: string }[]; defaultModel: string }) {
  const router = useRouter();
  const [paraphrase, setParaphrase] = useState(false);
  return (
    <FormDialog
      trigger={{ children: "Generate red-team dataset", size: "sm", variant: "secondary" }}
      title="Generate red-team dataset"
      submitLabel="Generate"
      submit={(form) =>
        generateRedTeamDatasetAction({
          promptId,
          version,
          categories: form.getAll("category").map(String) as AttackCategory[],
          paraphrase,
          ...(paraphrase ? { paraphraseModelId: String(form.get("paraphraseModel") ?? "") } : {}),
        })
      }
      onSuccess={(made) => {
        toast.success(`Created ${made.name} with ${made.cases} attacks`);
        router.push(`/datasets/${made.id}`);
      }}
    >
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Attacks from the built-in corpus, written into v{version}&apos;s variables. Run an evaluation on the dataset to see which attacks succeed.
      </p>
      <fieldset className="flex flex-col gap-1.5">
        <legend className="mb-1 text-sm font-medium text-zinc-800 dark:text-zinc-200">Attack categories</legend>
        {ATTACK_CATEGORIES.map((category) => (
          <label key={category} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="category" value={category} defaultChecked />
            {ATTACK_CATEGORY_LABELS[category]}
          </label>
        ))}
      </fieldset>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={paraphrase} onChange={(e) => setParaphrase(e.target.checked)} />
        Add paraphrases written by a model
      </label>
      {paraphrase && (
        <Field label="Paraphrase model" htmlFor="red-team-model" hint="Two attacks per category get one paraphrase each.">
          <Select id="red-team-model" name="paraphraseModel" defaultValue={defaultModel}>
            <Options items={models.map((m) => [m.id, m.label] as const)} />
          </Select>
        </Field>
      )}
    </FormDialog>
  );
}
