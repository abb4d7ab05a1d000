"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useReducer, useRef, useState, useSyncExternalStore } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import type { PromptContent } from "@/lib/core/vocabulary/prompt-content";
import { parseStoredDraft, readDraftRaw, subscribeToDrafts } from "@/lib/prompts";
import { summariseFailures, type RunColumnInput, type ColumnSource, type FollowUpTurn, type PlaygroundData, type VariableSetView, MAX_COLUMNS, columnFor, columnFromSeed, createPlaygroundState, parseColumnSettings, playgroundReducer, type ColumnState, type PlaygroundState } from "@/lib/playground";
import { useDraftVariables, type DraftBody } from "@/components/prompts/use-draft-variables";
import { extractChatVariables, extractVariables, mergeDraftVariables, type PromptVariable } from "@/lib/core/templates";
import { cn } from "@/lib/core/ui/cn";
import { FollowUpForm } from "./follow-up-form";
import { PlaygroundColumn } from "./playground-column";
import { RunHistory, runHistoryKey } from "./run-history";
import { useColumnRuns, type ColumnFinish, type ColumnRequest } from "./use-column-runs";
import { VariablesPanel } from "./variables-panel";

const gridColumns = { 1: "xl:grid-cols-1", 2: "xl:grid-cols-2", 3: "xl:grid-cols-3", 4: "xl:grid-cols-4" } as const;

function ownVariables(content: PromptContent): string[] {
  return content.type === "text" ? extractVariables(content.template ?? "") : extractChatVariables(content.messages ?? []);
}

function draftBody(content: PromptContent): DraftBody {
  return content.type === "text" ? { type: "text", template: content.template ?? "" } : { type: "chat", messages: content.messages ?? [] };
}

function initialState(data: PlaygroundData): PlaygroundState {
  if (data.reopened) return createPlaygroundState({ columns: data.reopened.columns.map(columnFromSeed), variables: data.reopened.variables });
  const latest = data.versions[0];
  const source: ColumnSource = latest ? { kind: "version", version: latest.version } : { kind: "draft" };
  return createPlaygroundState({ columns: [columnFor({ source, content: latest?.content ?? null, defaultModel: data.defaultModel })], variables: {} });
}

/**
 * Side-by-side runs of one prompt: 1–4 columns, each a version (or the editor's unsaved draft) on a model with its
 * own settings, sharing one set of variables. Run streams every column at once; Stop cancels them all.
 */
export function Playground({ data, runHref }: { data: PlaygroundData; runHref: string }) {
  const { prompt, versions, models, defaultModel, canRun } = data;
  const queryClient = useQueryClient();
  const [state, dispatch] = useReducer(playgroundReducer, data, initialState);
  const [variableSets, setVariableSets] = useState<VariableSetView[]>(data.variableSets);
  const stateRef = useRef(state);
  useEffect(() => {
    stateRef.current = state;
  }, [state]);

  // The editor's unsaved draft (sessionStorage), or the draft a reopened run ran.
  const storedRaw = useSyncExternalStore(subscribeToDrafts, () => readDraftRaw(prompt.id), () => null);
  const draft = useMemo(() => {
    if (data.reopened?.draft) return data.reopened.draft;
    const stored = parseStoredDraft(storedRaw)?.content ?? null;
    return stored?.type === prompt.type ? stored : null;
  }, [data.reopened, storedRaw, prompt.type]);

  const contentOf = useCallback(
    (source: ColumnSource): PromptContent | null =>
      source.kind === "draft" ? draft : (versions.find((v) => v.version === source.version)?.content ?? null),
    [draft, versions],
  );

  const requestSource = useCallback(
    (source: ColumnSource): RunColumnInput["source"] | null => {
      if (source.kind === "version") return source;
      if (!draft) return null;
      const body = draft.type === "text" ? { type: "text" as const, template: draft.template ?? "" } : { type: "chat" as const, messages: draft.messages ?? [] };
      return { kind: "draft", body, modelConfig: draft.modelConfig };
    },
    [draft],
  );

  // A version's variables (its partials' included) came with the page; the draft's are asked for as it changes.
  const body = useMemo(() => (draft ? draftBody(draft) : null), [draft]);
  const draftKnown = useDraftVariables({
    promptId: prompt.id,
    body,
    initial: data.reopened?.draft ? { variables: data.reopened.draftVariables, problems: [] } : null,
  });
  const draftVariables = useMemo(() => (draft ? mergeDraftVariables(ownVariables(draft), draftKnown.variables) : []), [draft, draftKnown.variables]);

  const variables = useMemo(() => {
    const union = new Map<string, PromptVariable>();
    for (const column of state.columns) {
      const source = column.source;
      const used = source.kind === "draft" ? draftVariables : (versions.find((v) => v.version === source.version)?.variables ?? []);
      for (const variable of used) {
        const seen = union.get(variable.name);
        union.set(
          variable.name,
          seen
            ? { ...seen, inTemplate: seen.inTemplate || variable.inTemplate, partials: [...new Set([...seen.partials, ...variable.partials])] }
            : variable,
        );
      }
    }
    return [...union.values()];
  }, [state.columns, draftVariables, versions]);
  const variableNames = useMemo(() => variables.map((v) => v.name), [variables]);

  // An empty textbox counts as missing, so a forgotten variable is reported by name rather than sent as "".
  const filledVariables = useMemo(
    () => Object.fromEntries(variableNames.filter((name) => (state.variables[name] ?? "") !== "").map((name) => [name, state.variables[name]!])),
    [variableNames, state.variables],
  );

  // Each failing column shows its error; the run as a whole gets one notice, not one per column.
  const onAllFinished = useCallback(
    (finishes: ColumnFinish[]) => {
      void queryClient.invalidateQueries({ queryKey: runHistoryKey(prompt.id) });
      const columns = stateRef.current.columns;
      const failures = finishes.flatMap((finish) => {
        const column = columns.findIndex((c) => c.key === finish.key) + 1;
        return finish.status === "failed" && finish.error && column > 0 ? [{ column, message: finish.error.message }] : [];
      });
      const notice = summariseFailures(failures);
      if (notice) toast.error(notice);
    },
    [queryClient, prompt.id],
  );
  const { run, stop } = useColumnRuns({ dispatch, onAllFinished });

  const running = state.columns.some((c) => c.run?.status === "running");

  const buildRequests = useCallback(
    (columns: { column: ColumnState; followUps: FollowUpTurn[] }[]): ColumnRequest[] | null => {
      const batchId = crypto.randomUUID();
      const all = stateRef.current.columns;
      const requests: ColumnRequest[] = [];
      for (const { column, followUps } of columns) {
        const n = all.findIndex((c) => c.key === column.key) + 1;
        const source = requestSource(column.source);
        if (!source) {
          toast.error(`Column ${n}: the unsaved draft is no longer available. Pick a version.`);
          return null;
        }
        const { settings, errors } = parseColumnSettings(column.settings);
        if (Object.keys(errors).length > 0) {
          toast.error(`Column ${n}: fix its settings first.`);
          return null;
        }
        requests.push({
          key: column.key,
          body: { promptId: prompt.id, batchId, column: n, source, modelId: column.modelId, settings, variables: filledVariables, followUps },
        });
      }
      return requests;
    },
    [prompt.id, requestSource, filledVariables],
  );

  const runAll = useCallback(() => {
    if (!canRun || running) return;
    const requests = buildRequests(stateRef.current.columns.map((column) => ({ column, followUps: column.followUps })));
    if (requests) void run(requests);
  }, [canRun, running, buildRequests, run]);

  function retry(column: ColumnState) {
    const requests = buildRequests([{ column, followUps: column.followUps }]);
    if (requests) void run(requests);
  }

  function sendFollowUp(message: string): boolean {
    const ready = stateRef.current.columns.filter((c) => c.run?.status === "succeeded");
    if (ready.length === 0) {
      toast.info("Run the columns first: a follow-up continues each column's last answer.");
      return false;
    }
    const entries = ready.map((column) => ({
      column,
      followUps: [...column.followUps, { role: "assistant" as const, content: column.run!.output }, { role: "user" as const, content: message }],
    }));
    const requests = buildRequests(entries);
    if (!requests) return false;
    for (const { column, followUps } of entries) dispatch({ type: "set-follow-ups", key: column.key, followUps });
    void run(requests);
    return true;
  }

  // Ctrl/Cmd+Enter runs every column, from anywhere on the page (variables' textboxes included).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key === "Enter") {
        event.preventDefault();
        runAll();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [runAll]);

  function addColumn() {
    const last = state.columns.at(-1);
    const source = last?.source ?? (versions[0] ? { kind: "version" as const, version: versions[0].version } : { kind: "draft" as const });
    dispatch({ type: "add", column: columnFor({ source, content: contentOf(source), defaultModel }) });
  }

  function compareVersions() {
    const [latest, previous] = versions;
    if (!latest || !previous) return;
    dispatch({
      type: "replace-columns",
      columns: [latest, previous].map((v) => columnFor({ source: { kind: "version", version: v.version }, content: v.content, defaultModel })),
    });
  }

  function compareDraft() {
    const latest = versions[0];
    if (!draft || !latest) return;
    dispatch({
      type: "replace-columns",
      columns: [
        columnFor({ source: { kind: "draft" }, content: draft, defaultModel }),
        columnFor({ source: { kind: "version", version: latest.version }, content: latest.content, defaultModel }),
      ],
    });
  }

  function compareModels() {
    const first = state.columns[0];
    if (!first) return;
    const picks = [first.modelId, ...models.map((m) => m.id).filter((id) => id !== first.modelId)].slice(0, 3);
    dispatch({ type: "replace-columns", columns: picks.map((modelId) => ({ ...columnFor({ source: first.source, content: contentOf(first.source), defaultModel }), modelId })) });
  }

  if (versions.length === 0 && !draft) {
    return (
      <EmptyState title="Nothing to run yet">
        Write the prompt in the Editor tab: its unsaved draft can be run here, or save a first version to compare versions and models side by side.
      </EmptyState>
    );
  }

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center gap-2">
        {running ? (
          <Button variant="danger" onClick={stop}>
            Stop
          </Button>
        ) : (
          <Button onClick={runAll} disabled={!canRun} aria-keyshortcuts="Control+Enter Meta+Enter">
            Run
          </Button>
        )}
        <Button variant="secondary" onClick={addColumn} disabled={running || state.columns.length >= MAX_COLUMNS}>
          Add column
        </Button>
        {versions.length >= 2 && (
          <Button variant="ghost" onClick={compareVersions} disabled={running}>
            Compare v{versions[0]!.version} vs v{versions[1]!.version}
          </Button>
        )}
        {draft && versions.length > 0 && (
          <Button variant="ghost" onClick={compareDraft} disabled={running}>
            Compare draft vs v{versions[0]!.version}
          </Button>
        )}
        {models.length >= 2 && (
          <Button variant="ghost" onClick={compareModels} disabled={running}>
            Same prompt on {Math.min(3, models.length)} models
          </Button>
        )}
        <span className="ml-auto text-xs text-zinc-500">{canRun ? "Ctrl/⌘+Enter to run" : "Your role can look at runs but not start them."}</span>
      </div>

      <VariablesPanel
        promptId={prompt.id}
        variables={variables}
        values={state.variables}
        sets={variableSets}
        canSave={canRun}
        dispatch={dispatch}
        onSetsChange={setVariableSets}
      />

      <div className={cn("grid grid-cols-1 gap-4 md:grid-cols-2", gridColumns[state.columns.length as 1 | 2 | 3 | 4])}>
        {state.columns.map((column, index) => {
          const source = requestSource(column.source);
          return (
            <PlaygroundColumn
              key={column.key}
              index={index}
              column={column}
              versions={versions}
              hasDraft={draft !== null}
              models={models}
              settingsErrors={parseColumnSettings(column.settings).errors}
              canRun={canRun}
              canAdd={state.columns.length < MAX_COLUMNS}
              canRemove={state.columns.length > 1}
              preview={source ? { promptId: prompt.id, source, variables: filledVariables, followUps: column.followUps } : null}
              dispatch={dispatch}
              onSourceChange={(next) => dispatch({ type: "set-source", key: column.key, source: next, content: contentOf(next), defaultModel })}
              onRetry={() => retry(column)}
            />
          );
        })}
      </div>

      {prompt.type === "chat" && canRun && (
        <FollowUpForm
          disabled={running}
          hasConversation={state.columns.some((c) => c.followUps.length > 0)}
          onSend={sendFollowUp}
          onClear={() => dispatch({ type: "clear-conversations" })}
        />
      )}

      <RunHistory promptId={prompt.id} openHref={(runId) => `${runHref}${runHref.includes("?") ? "&" : "?"}run=${encodeURIComponent(runId)}`} />
    </div>
  );
}
