"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { ScorerBuilder } from "@/components/evals/scorer-builder";
import { FormSubmit, submitHandlers } from "@/components/ui/form-submit";
import { Field, Input, Options, Select } from "@/components/ui/input";
import type { ScorerConfig } from "@/db/schema";
import { draftsToConfigs, toDraft, type ScorerDraft } from "@/lib/evals";
import { BUDGET_CAPS, OPTIMIZER_DEFAULTS, OPTIMIZER_LIMITS, type StartOptimizationInput } from "@/lib/optimizer";
import { startOptimizationAction } from "@/lib/optimizer/actions";
import type { OptimizableDataset } from "@/lib/optimizer/server";
import { MetricWeights } from "./metric-weights";
import { STRATEGY_LABELS } from "./labels";

/** Without dataset defaults, the metric a labelled dataset wants: the reply equals the case's expected output. */
const EXPECTED_OUTPUT: ScorerConfig = { key: "equals-1", type: "equals", label: "equals the expected output", params: { trim: true } };

const draftsFor = (dataset: OptimizableDataset | undefined) => (dataset?.defaultScorers.length ? dataset.defaultScorers : [EXPECTED_OUTPUT]).map(toDraft);

const STRATEGIES = Object.entries(STRATEGY_LABELS) as [StartOptimizationInput["strategy"], string][];

/** A whole number within [min, max], or the problem in words. */
function wholeNumber(label: string, text: string, min: number, max: number): number | string {
  const value = Number(text);
  return Number.isInteger(value) && value >= min && value <= max ? value : `${label} must be a whole number from ${min} to ${max}.`;
}

export interface NewOptimizationProps {
  promptId: string;
  baseVersion: number;
  datasets: OptimizableDataset[];
  models: { id: string; label: string }[];
  defaultTaskModel: string;
  defaultProposerModel: string;
}

/** "New optimization": what to optimize on, what to maximise, with which models and strategy, within which budget. */
export function NewOptimizationForm({ promptId, baseVersion, datasets, models, defaultTaskModel, defaultProposerModel }: NewOptimizationProps) {
  const router = useRouter();
  const usable = datasets.filter((d) => d.caseCount >= OPTIMIZER_LIMITS.minCases);
  const [datasetId, setDatasetId] = useState(usable[0]?.id ?? "");
  const [drafts, setDrafts] = useState<ScorerDraft[]>(() => draftsFor(usable[0]));
  const [weights, setWeights] = useState<Record<string, string>>({});
  const [taskModelId, setTaskModelId] = useState(defaultTaskModel);
  const [proposerModelId, setProposerModelId] = useState(defaultProposerModel);
  const [strategy, setStrategy] = useState<StartOptimizationInput["strategy"]>("both");
  const [budget, setBudget] = useState({ candidates: "16", modelCalls: "5000", costUsd: "5", wallMinutes: "30" });
  const [rounds, setRounds] = useState(String(OPTIMIZER_DEFAULTS.rounds));
  const [seed, setSeed] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const dataset = datasets.find((d) => d.id === datasetId);

  function chooseDataset(id: string) {
    setDatasetId(id);
    setDrafts(draftsFor(datasets.find((d) => d.id === id)));
    setWeights({});
  }

  /** The request, or the first problem in words (the server checks every limit again). */
  function request(): StartOptimizationInput | string {
    if (!dataset) return "Choose a dataset.";
    const scorers = draftsToConfigs(drafts);
    if ("error" in scorers) return scorers.error;
    if (scorers.configs.length === 0) return "Add at least one scorer: the metric is what the optimization maximises.";
    if (scorers.configs.length > OPTIMIZER_LIMITS.maxMetricParts) return `The metric can have at most ${OPTIMIZER_LIMITS.maxMetricParts} scorers.`;
    const metric: StartOptimizationInput["metric"] = [];
    for (const [i, config] of scorers.configs.entries()) {
      const weight = Number(weights[drafts[i]!.id] ?? "1");
      if (!Number.isFinite(weight) || weight <= 0 || weight > 100) return `Scorer ${i + 1}: the weight must be more than 0 and at most 100.`;
      metric.push({ scorer: config, weight });
    }
    const candidates = wholeNumber("Candidates", budget.candidates, 1, BUDGET_CAPS.candidates);
    const modelCalls = wholeNumber("Model calls", budget.modelCalls, 1, BUDGET_CAPS.modelCalls);
    const roundCount = wholeNumber("Rounds", rounds, 1, OPTIMIZER_LIMITS.maxRounds);
    const costUsd = Number(budget.costUsd);
    const wallMinutes = Number(budget.wallMinutes);
    for (const value of [candidates, modelCalls, roundCount]) if (typeof value === "string") return value;
    if (!(costUsd > 0 && costUsd <= BUDGET_CAPS.costUsd)) return `Cost must be more than $0 and at most $${BUDGET_CAPS.costUsd}.`;
    if (!(wallMinutes > 0 && wallMinutes <= BUDGET_CAPS.wallMinutes)) return `Wall time must be more than 0 and at most ${BUDGET_CAPS.wallMinutes} minutes.`;
    const seedValue = seed.trim() === "" ? undefined : wholeNumber("Seed", seed.trim(), 0, 2_147_483_647);
    if (typeof seedValue === "string") return seedValue;
    return {
      promptId,
      version: baseVersion,
      datasetId: dataset.id,
      metric,
      taskModelId,
      proposerModelId,
      strategy,
      budget: { candidates: candidates as number, modelCalls: modelCalls as number, costUsd, wallMinutes },
      rounds: roundCount as number,
      ...(seedValue === undefined ? {} : { seed: seedValue }),
    };
  }

  async function submit() {
    if (busy) return;
    setError(null);
    const input = request();
    if (typeof input === "string") return setError(input);
    setBusy(true);
    const result = await startOptimizationAction(input);
    if (!result.ok) {
      setError(result.error);
      toast.error(result.error);
      setBusy(false);
      return;
    }
    toast.success("Optimization started");
    router.push(`/optimizations/${result.data.id}`);
  }

  if (usable.length === 0) {
    return (
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        An optimization needs a dataset of at least {OPTIMIZER_LIMITS.minCases} cases with expected outputs, to split into train, validation and held-out
        cases. {datasets.length === 0 ? "This workspace has no dataset yet" : "No dataset here is that large yet"}: create or import one on the Datasets page, then come back.
      </p>
    );
  }

  const budgetField = (key: keyof typeof budget, label: string, max: number, hint: string, step?: string) => (
    <Field label={label} htmlFor={`opt-${key}`} hint={hint}>
      <Input id={`opt-${key}`} type="number" min={key === "candidates" || key === "modelCalls" ? 1 : 0} max={max} step={step} value={budget[key]} onChange={(e) => setBudget({ ...budget, [key]: e.target.value })} required />
    </Field>
  );

  return (
    <form aria-label="New optimization" className="flex flex-col gap-5" {...submitHandlers(submit)}>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Dataset" htmlFor="opt-dataset" hint={dataset ? `${dataset.caseCount} cases, split into train, validation and held-out.` : undefined}>
          <Select id="opt-dataset" value={datasetId} onChange={(e) => chooseDataset(e.target.value)}>
            <Options items={usable.map((d) => [d.id, `${d.name} (${d.caseCount} cases)`] as const)} />
          </Select>
        </Field>
        <Field label="Strategy" htmlFor="opt-strategy" hint="Rewrite the instructions, pick few-shot examples from the training cases, or both.">
          <Select id="opt-strategy" value={strategy} onChange={(e) => setStrategy(e.target.value as StartOptimizationInput["strategy"])}>
            <Options items={STRATEGIES} />
          </Select>
        </Field>
        <Field label="Task model" htmlFor="opt-task-model" hint="The model the prompt is for; it answers every case.">
          <Select id="opt-task-model" value={taskModelId} onChange={(e) => setTaskModelId(e.target.value)}>
            <Options items={models.map((m) => [m.id, m.label] as const)} />
          </Select>
        </Field>
        <Field label="Proposer model" htmlFor="opt-proposer-model" hint="The model that proposes rewrites, shown the failures.">
          <Select id="opt-proposer-model" value={proposerModelId} onChange={(e) => setProposerModelId(e.target.value)}>
            <Options items={models.map((m) => [m.id, m.label] as const)} />
          </Select>
        </Field>
      </div>

      <ScorerBuilder drafts={drafts} onChange={setDrafts} />
      <MetricWeights drafts={drafts} weights={weights} onChange={setWeights} />

      <fieldset className="grid gap-4 rounded-lg border border-zinc-200 p-4 sm:grid-cols-3 dark:border-zinc-800">
        <legend className="px-1 text-sm font-medium">Budget: it stops at the first limit reached</legend>
        {budgetField("candidates", "Candidates", BUDGET_CAPS.candidates, `Prompts scored, the baseline included; at most ${BUDGET_CAPS.candidates}.`)}
        {budgetField("modelCalls", "Model calls", BUDGET_CAPS.modelCalls, `Task and proposer calls; at most ${BUDGET_CAPS.modelCalls.toLocaleString("en-US")}.`)}
        {budgetField("costUsd", "Cost (USD)", BUDGET_CAPS.costUsd, `At most $${BUDGET_CAPS.costUsd}.`, "0.01")}
        {budgetField("wallMinutes", "Wall minutes", BUDGET_CAPS.wallMinutes, `At most ${BUDGET_CAPS.wallMinutes} minutes.`)}
        <Field label="Rounds" htmlFor="opt-rounds" hint={`1–${OPTIMIZER_LIMITS.maxRounds}.`}>
          <Input id="opt-rounds" type="number" min={1} max={OPTIMIZER_LIMITS.maxRounds} value={rounds} onChange={(e) => setRounds(e.target.value)} required />
        </Field>
        <Field label="Seed" htmlFor="opt-seed" hint="Optional: the same seed draws the same split and the same order.">
          <Input id="opt-seed" type="number" min={0} value={seed} onChange={(e) => setSeed(e.target.value)} />
        </Field>
      </fieldset>

      <FormSubmit error={error} busy={busy}>
        Start optimization
      </FormSubmit>
    </form>
  );
}
