"use client";

import type { Dispatch } from "react";
import { SaveTestCaseDialog } from "@/components/datasets/save-test-case-dialog";
import { ModelOptions } from "@/components/prompts/model-options";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/input";
import type { SettingsErrors } from "@/lib/prompts";
import type { ColumnSource, RunColumnInput, ColumnSettingsForm, ColumnState, PlaygroundAction } from "@/lib/playground";
import { cn } from "@/lib/core/ui/cn";
import { ColumnOutput } from "./column-output";
import { RenderedMessages } from "./rendered-messages";
import { RunStatsList } from "./run-stats";

export interface VersionOption {
  version: number;
  commitMessage: string;
}

const DRAFT_VALUE = "draft";

const statusLabels = { running: "Running…", succeeded: "Done", failed: "Failed", cancelled: "Stopped" } as const;
const statusTones = { running: "info", succeeded: "success", failed: "danger", cancelled: "warning" } as const;

export function PlaygroundColumn({
  index,
  column,
  versions,
  hasDraft,
  models,
  settingsErrors,
  canRun,
  canAdd,
  canRemove,
  preview,
  dispatch,
  onSourceChange,
  onRetry,
}: {
  index: number;
  column: ColumnState;
  versions: VersionOption[];
  hasDraft: boolean;
  models: { id: string; label: string }[];
  settingsErrors: SettingsErrors;
  canRun: boolean;
  canAdd: boolean;
  canRemove: boolean;
  preview: Pick<RunColumnInput, "promptId" | "source" | "variables" | "followUps"> | null;
  dispatch: Dispatch<PlaygroundAction>;
  onSourceChange: (source: ColumnSource) => void;
  onRetry: () => void;
}) {
  const n = index + 1;
  const id = (field: string) => `${column.key}-${field}`;
  const run = column.run;
  const running = run?.status === "running";
  const sourceValue = column.source.kind === "draft" ? DRAFT_VALUE : String(column.source.version);
  const setting = (field: keyof ColumnSettingsForm, value: string) => dispatch({ type: "set-setting", key: column.key, field, value });

  return (
    <section
      aria-label={`Column ${n}`}
      className={cn(
        "flex min-w-0 flex-col gap-3 rounded-lg border border-zinc-200 bg-white p-4 shadow-sm dark:border-zinc-800 dark:bg-zinc-900",
        running && "ring-1 ring-indigo-300 dark:ring-indigo-800",
      )}
    >
      <header className="flex items-center justify-between gap-2">
        <h3 className="text-sm font-semibold">Column {n}</h3>
        <div className="flex items-center gap-1">
          {run && (
            <Badge tone={statusTones[run.status]} role="status" aria-label={`Column ${n} status`}>
              {statusLabels[run.status]}
            </Badge>
          )}
          <Button size="sm" variant="ghost" aria-label={`Duplicate column ${n}`} disabled={!canAdd || running} onClick={() => dispatch({ type: "duplicate", key: column.key })}>
            Duplicate
          </Button>
          <Button size="sm" variant="ghost" aria-label={`Remove column ${n}`} disabled={!canRemove || running} onClick={() => dispatch({ type: "remove", key: column.key })}>
            Remove
          </Button>
        </div>
      </header>

      <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
        <Field size="sm" label="Version" htmlFor={id("version")}>
          <Select
            id={id("version")}
            value={sourceValue}
            disabled={running}
            onChange={(event) => onSourceChange(event.target.value === DRAFT_VALUE ? { kind: "draft" } : { kind: "version", version: Number(event.target.value) })}
          >
            {(hasDraft || column.source.kind === "draft") && <option value={DRAFT_VALUE}>{hasDraft ? "Draft (unsaved)" : "Draft (no longer available)"}</option>}
            {versions.map((v) => (
              <option key={v.version} value={v.version}>
                v{v.version} · {v.commitMessage.slice(0, 40)}
              </option>
            ))}
          </Select>
        </Field>
        <Field size="sm" label="Model" htmlFor={id("model")}>
          <Select id={id("model")} value={column.modelId} disabled={running} onChange={(event) => dispatch({ type: "set-model", key: column.key, modelId: event.target.value })}>
            <ModelOptions models={models} current={column.modelId} />
          </Select>
        </Field>
      </div>

      <fieldset disabled={running} className="grid grid-cols-3 gap-2">
        <legend className="sr-only">Settings of column {n}</legend>
        <SettingField id={id("temperature")} label="Temperature" value={column.settings.temperature} error={settingsErrors.temperature} onChange={(v) => setting("temperature", v)} inputMode="decimal" />
        <SettingField id={id("max-tokens")} label="Max tokens" value={column.settings.maxOutputTokens} error={settingsErrors.maxOutputTokens} onChange={(v) => setting("maxOutputTokens", v)} inputMode="numeric" />
        <SettingField id={id("top-p")} label="Top P" value={column.settings.topP} error={settingsErrors.topP} onChange={(v) => setting("topP", v)} inputMode="decimal" />
      </fieldset>

      {column.followUps.length > 0 && (
        <ol aria-label={`Conversation, column ${n}`} className="flex flex-col gap-1 text-xs">
          {column.followUps.map((turn, i) => (
            <li key={i} className={cn("rounded px-2 py-1 whitespace-pre-wrap break-words", turn.role === "user" ? "bg-indigo-50 dark:bg-indigo-950" : "bg-zinc-50 dark:bg-zinc-950")}>
              <span className="font-medium capitalize">{turn.role}: </span>
              {turn.content}
            </li>
          ))}
        </ol>
      )}

      <ColumnOutput output={run?.output ?? ""} running={running} toolCalls={run?.toolCalls ?? []} json={run?.json ?? null} />

      {run?.error && run.status === "failed" && (
        <div role="alert" className="flex flex-col gap-2 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200">
          <p>{run.error.message}</p>
          {run.error.retryAfterSeconds !== null && <p className="text-xs">The provider asks to wait {run.error.retryAfterSeconds} s before retrying.</p>}
          {canRun && (
            <Button size="sm" variant="secondary" className="self-start" aria-label={`Retry column ${n}`} onClick={onRetry}>
              Retry
            </Button>
          )}
        </div>
      )}

      {run?.stats && <RunStatsList stats={run.stats} column={n} />}

      <RenderedMessages column={n} sent={run?.messages ?? null} preview={preview} />

      {run?.status === "succeeded" && run.runId && canRun && (
        <div className="flex items-center gap-2">
          <SaveTestCaseDialog runId={run.runId} column={n} />
        </div>
      )}
    </section>
  );
}

function SettingField({
  id,
  label,
  value,
  error,
  onChange,
  inputMode,
}: {
  id: string;
  label: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
  inputMode: "decimal" | "numeric";
}) {
  return (
    <Field size="sm" label={label} htmlFor={id} error={error} className="min-w-0">
      <Input
        id={id}
        inputMode={inputMode}
        placeholder="default"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.target.value)}
        className="h-8 px-2"
      />
    </Field>
  );
}
