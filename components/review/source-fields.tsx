"use client";

import { Field, Input, Options, Select } from "@/components/ui/input";
import type { NewQueueOptions, QueueSource } from "@/lib/review";

// The filter that picks a queue's outputs, shared by "New queue" and "Add items". Filters that do not apply to the
// chosen source are not shown, and pairwise queues get only the sources that have two outputs per input.

export interface SourceFieldsState {
  type: QueueSource["type"];
  runId: string;
  promptId: string;
  version: string;
  environmentId: string;
  modelId: string;
  minScore: string;
  maxScore: string;
  samplePercent: string;
  limit: string;
}

export function sourceFromFields(s: SourceFieldsState): { source: QueueSource } | { error: string } {
  const number = (v: string) => (v.trim() === "" ? undefined : Number(v));
  const minScore = number(s.minScore);
  const maxScore = number(s.maxScore);
  for (const [label, v] of [["Minimum score", minScore], ["Maximum score", maxScore]] as const) {
    if (v !== undefined && (Number.isNaN(v) || v < 0 || v > 1)) return { error: `${label} must be between 0 and 1.` };
  }
  const samplePercent = Number(s.samplePercent);
  if (!Number.isInteger(samplePercent) || samplePercent < 1 || samplePercent > 100) return { error: "Sample must be a whole percentage from 1 to 100." };
  const limit = Number(s.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) return { error: "At most 1 to 1,000 items at a time." };
  const scored = s.type !== "playground-run";
  return {
    source: {
      type: s.type,
      ...(s.type === "eval-result" && s.runId ? { runId: s.runId } : {}),
      ...(s.promptId ? { promptId: s.promptId } : {}),
      ...(s.promptId && s.version ? { version: Number(s.version) } : {}),
      ...(s.environmentId && s.type !== "playground-run" ? { environmentId: s.environmentId } : {}),
      ...(s.modelId.trim() ? { modelId: s.modelId.trim() } : {}),
      ...(scored && minScore !== undefined ? { minScore } : {}),
      ...(scored && maxScore !== undefined ? { maxScore } : {}),
      samplePercent,
      limit,
    },
  };
}

export function SourceFields({ options, state, onChange, pairwise }: { options: NewQueueOptions; state: SourceFieldsState; onChange: (s: SourceFieldsState) => void; pairwise: boolean }) {
  const set = (change: Partial<SourceFieldsState>) => onChange({ ...state, ...change });
  const prompt = options.prompts.find((p) => p.id === state.promptId);
  const runs = pairwise ? options.evalRuns.filter((r) => r.targetCount >= 2) : options.evalRuns;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field label="Source" htmlFor="source-type">
        <Select id="source-type" value={state.type} onChange={(e) => set({ type: e.target.value as QueueSource["type"] })}>
          <option value="eval-result">Evaluation results</option>
          <option value="playground-run">Playground runs</option>
          {!pairwise && <option value="generation">Production generations</option>}
        </Select>
      </Field>
      {state.type === "eval-result" && (
        <Field label="Evaluation" htmlFor="source-run" hint={pairwise ? "Pairs its first two versions, case by case." : undefined}>
          <Select id="source-run" value={state.runId} onChange={(e) => set({ runId: e.target.value })}>
            <option value="">{pairwise ? "Choose an evaluation of two versions" : "Any evaluation"}</option>
            <Options items={runs.map((r) => [r.id, r.label] as const)} />
          </Select>
        </Field>
      )}
      {state.type === "playground-run" && pairwise && <p className="text-xs text-zinc-600 sm:col-span-1 dark:text-zinc-400">Pairs columns 1 and 2 of each playground run.</p>}
      <Field label="Prompt" htmlFor="source-prompt">
        <Select id="source-prompt" value={state.promptId} onChange={(e) => set({ promptId: e.target.value, version: "" })}>
          <option value="">Any prompt</option>
          <Options items={options.prompts.map((p) => [p.id, p.name] as const)} />
        </Select>
      </Field>
      <Field label="Version" htmlFor="source-version">
        <Select id="source-version" value={state.version} disabled={!prompt} onChange={(e) => set({ version: e.target.value })}>
          <option value="">Any version</option>
          {prompt?.versions.map((v) => (
            <option key={v} value={v}>
              v{v}
            </option>
          ))}
        </Select>
      </Field>
      {state.type !== "playground-run" && !pairwise && (
        <Field label="Environment" htmlFor="source-environment">
          <Select id="source-environment" value={state.environmentId} onChange={(e) => set({ environmentId: e.target.value })}>
            <option value="">Any environment</option>
            <Options items={options.environments.map((env) => [env.id, env.name] as const)} />
          </Select>
        </Field>
      )}
      <Field label="Model" htmlFor="source-model" hint="Exact model id, e.g. offline:demo; empty for any.">
        <Input id="source-model" value={state.modelId} maxLength={200} onChange={(e) => set({ modelId: e.target.value })} />
      </Field>
      {state.type !== "playground-run" && !pairwise && (
        <>
          <Field label="Minimum score" htmlFor="source-min" hint={state.type === "generation" ? "End-user feedback, 0 to 1." : "Eval score, 0 to 1."}>
            <Input id="source-min" inputMode="decimal" value={state.minScore} onChange={(e) => set({ minScore: e.target.value })} />
          </Field>
          <Field label="Maximum score" htmlFor="source-max">
            <Input id="source-max" inputMode="decimal" value={state.maxScore} onChange={(e) => set({ maxScore: e.target.value })} />
          </Field>
        </>
      )}
      <Field label="Sample (%)" htmlFor="source-sample" hint="A random share of the matches; 100 takes them all, newest first.">
        <Input id="source-sample" type="number" min={1} max={100} value={state.samplePercent} onChange={(e) => set({ samplePercent: e.target.value })} />
      </Field>
      <Field label="At most" htmlFor="source-limit" hint="Items added at a time (up to 1,000).">
        <Input id="source-limit" type="number" min={1} max={1000} value={state.limit} onChange={(e) => set({ limit: e.target.value })} />
      </Field>
    </div>
  );
}
