"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormError } from "@/components/ui/form-error";
import { submitHandlers } from "@/components/ui/form-submit";
import { FilterableSelect } from "@/components/ui/filterable-select";
import { Field, Input, Options, Select } from "@/components/ui/input";
import { startEvalRunAction } from "@/lib/evals/actions";
import { type NewEvaluationOptions, RUN_LIMITS, type RunTargetInput, draftsToConfigs, toDraft, type ScorerDraft } from "@/lib/evals";
import { RunVariablesCheck } from "./run-variables-check";
import { ScorerBuilder } from "./scorer-builder";

type TargetKey = `v:${number}` | `l:${string}`;

function toTarget(key: TargetKey): RunTargetInput {
  return key.startsWith("v:") ? { version: Number(key.slice(2)) } : { label: key.slice(2) };
}

/** The "New evaluation" form: dataset, prompt, targets, model, scorers and limits; Ctrl/Cmd+Enter runs it. */
export function NewEvaluationForm({ options, initialPromptId }: { options: NewEvaluationOptions; initialPromptId?: string }) {
  const router = useRouter();
  const [datasetId, setDatasetId] = useState(options.datasets[0]?.id ?? "");
  const [promptId, setPromptId] = useState(initialPromptId ?? options.prompts[0]?.id ?? "");
  const [targets, setTargets] = useState<TargetKey[]>(["l:latest"]);
  const [modelId, setModelId] = useState("");
  const [drafts, setDrafts] = useState<ScorerDraft[]>(() => (options.datasets[0]?.defaultScorers ?? []).map(toDraft));
  const [concurrency, setConcurrency] = useState(String(RUN_LIMITS.defaultConcurrency));
  const [timeoutSeconds, setTimeoutSeconds] = useState(String(RUN_LIMITS.defaultTimeoutMs / 1000));
  const [maxRetries, setMaxRetries] = useState(String(RUN_LIMITS.defaultMaxRetries));
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const prompt = options.prompts.find((p) => p.id === promptId);
  const dataset = options.datasets.find((d) => d.id === datasetId);
  const totalCases = (dataset?.caseCount ?? 0) * targets.length;
  const targetChoices = useMemo(() => {
    if (!prompt) return [];
    const latest = prompt.versions[0];
    return [
      { key: "l:latest" as TargetKey, label: `Latest${latest ? ` (v${latest.version})` : ""}` },
      ...prompt.environments.map((e) => ({ key: `l:${e.slug}` as TargetKey, label: `${e.name} (serves v${e.version})` })),
      ...prompt.versions.map((v) => ({ key: `v:${v.version}` as TargetKey, label: `v${v.version}${v.commitMessage ? ` — ${v.commitMessage}` : ""}` })),
    ];
  }, [prompt]);

  const chosenTargets = useMemo(() => targets.map(toTarget), [targets]);
  const promptChoices = useMemo(() => options.prompts.map((p) => ({ value: p.id, label: p.name })), [options.prompts]);

  function chooseDataset(id: string) {
    setDatasetId(id);
    setError(null);
    setDrafts((options.datasets.find((d) => d.id === id)?.defaultScorers ?? []).map(toDraft));
  }

  function toggleTarget(key: TargetKey, on: boolean) {
    setTargets((current) => (on ? [...current.filter((k) => k !== key), key] : current.filter((k) => k !== key)));
  }

  async function submit() {
    if (busy) return;
    setError(null);
    const scorers = draftsToConfigs(drafts);
    if ("error" in scorers) return setError(scorers.error);
    if (targets.length === 0) return setError("Choose at least one version or environment.");
    setBusy(true);
    const result = await startEvalRunAction({
      datasetId,
      promptId,
      targets: targets.map(toTarget),
      modelId: modelId || null,
      scorers: scorers.configs,
      concurrency: Number(concurrency),
      caseTimeoutMs: Math.round(Number(timeoutSeconds) * 1000),
      maxRetries: Number(maxRetries),
      name,
    });
    if (!result.ok) {
      setError(result.error);
      toast.error(result.error);
      setBusy(false);
      return;
    }
    toast.success("Evaluation started");
    router.push(`/evaluations/${result.data.id}`);
  }

  if (options.datasets.length === 0 || options.prompts.length === 0) {
    return (
      <Card className="p-6 text-sm text-zinc-700 dark:text-zinc-300">
        {options.datasets.length === 0
          ? "There is no dataset to evaluate on yet. Create one on the Datasets page (or import a promptfoo file), then come back."
          : "There is no prompt with a saved version yet. Create a prompt and save a version first."}
      </Card>
    );
  }

  return (
    <form
      aria-label="New evaluation"
      className="flex flex-col gap-5"
      {...submitHandlers(submit)}
    >
      {/* One per row: prompt and dataset names are paths that can be long, and a half-width select would cut them. */}
      <div className="grid gap-4">
        <Field label="Dataset" htmlFor="eval-dataset" hint={dataset ? `${dataset.caseCount} cases` : undefined}>
          <Select id="eval-dataset" value={datasetId} onChange={(e) => chooseDataset(e.target.value)}>
            {options.datasets.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name} ({d.caseCount} cases)
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Prompt" htmlFor="eval-prompt">
          <FilterableSelect
            id="eval-prompt"
            options={promptChoices}
            value={promptId}
            filterLabel="Filter prompts"
            onValueChange={(id) => {
              setPromptId(id);
              setTargets(["l:latest"]);
            }}
          />
        </Field>
      </div>

      <fieldset className="flex flex-col gap-2 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
        <legend className="px-1 text-sm font-medium">Versions to evaluate</legend>
        <div className="grid max-h-48 gap-1 overflow-y-auto sm:grid-cols-2">
          {targetChoices.map((choice) => (
            <label key={choice.key} className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={targets.includes(choice.key)} onChange={(e) => toggleTarget(choice.key, e.target.checked)} />
              <span className="min-w-0 break-words">{choice.label}</span>
            </label>
          ))}
        </div>
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          {targets.length} selected · {totalCases} cases in total. An environment is resolved to the version it serves when the run starts.
        </p>
      </fieldset>

      <RunVariablesCheck datasetId={datasetId} promptId={promptId} targets={chosenTargets} />

      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Model" htmlFor="eval-model">
          <Select id="eval-model" value={modelId} onChange={(e) => setModelId(e.target.value)}>
            <option value="">Version&apos;s own model</option>
            <Options items={options.models.map((m) => [m.id, m.label] as const)} />
          </Select>
        </Field>
        <Field label="Name" htmlFor="eval-name" hint="Optional; defaults to the prompt, versions and dataset.">
          <Input id="eval-name" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
        </Field>
      </div>

      <ScorerBuilder drafts={drafts} onChange={setDrafts} caseAssertions={dataset ? { withAssertions: dataset.casesWithAssertions, total: dataset.caseCount } : undefined} />

      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Concurrency" htmlFor="eval-concurrency" hint={`Model calls in flight, 1–${RUN_LIMITS.maxConcurrency}.`}>
          <Input id="eval-concurrency" type="number" min={1} max={RUN_LIMITS.maxConcurrency} value={concurrency} onChange={(e) => setConcurrency(e.target.value)} />
        </Field>
        <Field label="Timeout" htmlFor="eval-timeout" hint="Seconds per model call.">
          <Input id="eval-timeout" type="number" min={1} max={RUN_LIMITS.maxTimeoutMs / 1000} value={timeoutSeconds} onChange={(e) => setTimeoutSeconds(e.target.value)} />
        </Field>
        <Field label="Max retries" htmlFor="eval-retries" hint="On 429, 5xx and timeouts, with backoff.">
          <Input id="eval-retries" type="number" min={0} max={RUN_LIMITS.maxRetries} value={maxRetries} onChange={(e) => setMaxRetries(e.target.value)} />
        </Field>
      </div>

      <FormError message={error} />
      <div className="flex items-center gap-3">
        <Button type="submit" busy={busy}>
          Run evaluation
        </Button>
        <span className="text-xs text-zinc-500">Ctrl/Cmd+Enter</span>
      </div>
    </form>
  );
}
