"use client";

import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { toast } from "sonner";
import { clearDraft, parseStoredDraft, readDraftRaw, subscribeToDrafts, writeDraft, sameContent, fromSettingsForm, toSettingsForm, type SettingsForm, estimateTokens } from "@/lib/prompts";
import { saveVersionAction } from "@/lib/prompts/actions";
import { LazyTemplateEditor } from "@/components/editor/template-editor-lazy";
import { Badge } from "@/components/ui/badge";
import type { SubmitResult } from "@/components/ui/form-dialog";
import { Button } from "@/components/ui/button";
import { diffVersions } from "@/lib/core/diff/diff-versions";
import { BODY_LIMITS, describeBytes } from "@/lib/core/limits";
import type { ChatMessageRecord, PromptContent, PromptType } from "@/lib/core/vocabulary/prompt-content";
import { analyseTemplate, mergeDraftVariables, partialIssues, type PromptVariable, type PromptVariables } from "@/lib/core/templates";
import { ChatMessagesEditor } from "./chat-messages-editor";
import { activeFindings, lintPrompt, type LintFinding } from "@/lib/core/lint";
import type { LintSeverities } from "@/lib/core/vocabulary/compliance";
import { lintPerEditor } from "./lint-findings";
import { ConflictDialog, type ConflictingVersion } from "./conflict-dialog";
import { ModelSettingsForm } from "./model-settings-form";
import { SaveVersionDialog } from "./save-version-dialog";
import { useDraftVariables, type DraftBody } from "./use-draft-variables";
import { useUnsavedChangesGuard } from "./use-unsaved-changes-guard";

/** A save either lands or meets a newer version; both close the save dialog, and a conflict opens its own. */
type SaveOutcome = { saved: { version: number; created: boolean } } | { conflict: ConflictingVersion };

function emptyContent(type: PromptType): PromptContent {
  return type === "text"
    ? { type, template: "", messages: null, modelConfig: {} }
    : { type, template: null, messages: [{ role: "system", content: "" }, { role: "user", content: "" }], modelConfig: {} };
}

export function PromptEditor({
  promptId,
  type,
  latest,
  canWrite,
  partialNames,
  initialVariables,
  models,
  defaultModel,
  lintSeverities = {},
}: {
  promptId: string;
  type: PromptType;
  latest: { version: number; content: PromptContent } | null;
  canWrite: boolean;
  partialNames: string[];
  /** The variables of `latest` (or of the empty prompt), its partials' included, read by the page's loader. */
  initialVariables: PromptVariables;
  models: { id: string; label: string }[];
  defaultModel: string;
  /** The workspace's lint severities (Settings → Lint rules), so the markers agree with the promotion check. */
  lintSeverities?: LintSeverities;
}) {
  const router = useRouter();
  // The version the draft started from, and its content; a rebase moves both to the newer version.
  const [base, setBase] = useState(() => ({ version: latest?.version ?? null, content: latest?.content ?? emptyContent(type) }));
  const [template, setTemplate] = useState(base.content.template ?? "");
  const [messages, setMessages] = useState<ChatMessageRecord[]>(base.content.messages ?? []);
  const [settings, setSettings] = useState<SettingsForm>(() => toSettingsForm(base.content.modelConfig));
  const [dialogOpen, setDialogOpen] = useState(false);
  const [conflict, setConflict] = useState<ConflictingVersion | null>(null);

  const { config, errors: settingsErrors } = useMemo(() => fromSettingsForm(settings), [settings]);
  const draft: PromptContent = useMemo(
    () => ({ type, template: type === "text" ? template : null, messages: type === "chat" ? messages : null, modelConfig: config }),
    [type, template, messages, config],
  );
  const sources = useMemo(() => (type === "text" ? [template] : messages.map((m) => m.content)), [type, template, messages]);
  const analyses = useMemo(() => sources.map((s) => analyseTemplate(s)), [sources]);
  const body: DraftBody = useMemo(() => (type === "text" ? { type, template } : { type, messages }), [type, template, messages]);
  const known = useDraftVariables({ promptId, body, initial: initialVariables });
  const variableList = useMemo(() => mergeDraftVariables([...new Set(analyses.flatMap((a) => a.variables))], known.variables), [analyses, known.variables]);
  const variables = useMemo(() => variableList.map((v) => v.name), [variableList]);
  // Syntax issues block saving; partial problems are underlined too but do not, since the partial may be created or
  // deployed later (a render still refuses them).
  const issues = useMemo(
    () => analyses.map((analysis, templateIndex) => [...analysis.issues, ...partialIssues({ analysis, problems: known.problems, templateIndex })]),
    [analyses, known.problems],
  );
  // The prompt linter (lib/core/lint) on every change: the same rules as `promptops lint` and the promotion check.
  // A new text prompt's empty template is where everyone starts, not a finding (the save dialog refuses it anyway).
  const lintFindings = useMemo(
    () => lintPrompt(draft, { severities: draft.type === "text" && !draft.template ? { ...lintSeverities, "empty-message": "off" } : lintSeverities }),
    [draft, lintSeverities],
  );
  const lint = useMemo(() => lintPerEditor(lintFindings, sources.length), [lintFindings, sources.length]);
  const lintCounts = useMemo(() => countBySeverity(activeFindings(lintFindings)), [lintFindings]);
  const issueCount = analyses.reduce((n, a) => n + a.issues.length, 0);
  const partialProblemCount = issues.reduce((n, list) => n + list.length, 0) - issueCount;
  const settingsInvalid = Object.keys(settingsErrors).length > 0;
  const dirty = !sameContent(draft, base.content);
  const tokens = estimateTokens(sources.join("\n"));
  useUnsavedChangesGuard(dirty);

  // The draft outlives this component in sessionStorage (see lib/prompts/draft-store.ts): the Playground tab runs
  // it, and coming back to the editor offers it again. Nothing is written until this editor changes something,
  // so opening the editor never overwrites a draft it has not shown.
  const storedRaw = useSyncExternalStore(subscribeToDrafts, () => readDraftRaw(promptId), () => null);
  const stored = useMemo(() => parseStoredDraft(storedRaw), [storedRaw]);
  const offerStored = canWrite && stored !== null && stored.content.type === type && !sameContent(stored.content, draft);
  const touched = useRef(false);
  useEffect(() => {
    if (!canWrite) return;
    if (!dirty && !touched.current) return;
    touched.current = true;
    if (dirty) writeDraft(promptId, { baseVersion: base.version, content: draft });
    else clearDraft(promptId);
  }, [canWrite, dirty, draft, base.version, promptId]);

  function restoreStored() {
    if (!stored) return;
    setTemplate(stored.content.template ?? "");
    setMessages(stored.content.messages ?? []);
    setSettings(toSettingsForm(stored.content.modelConfig));
    toast.info("Restored your unsaved draft.");
  }

  function openSave() {
    if (!canWrite) return;
    if (issueCount > 0 || settingsInvalid) {
      toast.error(issueCount > 0 ? "Fix the template errors marked in the editor before saving." : "Fix the model settings before saving.");
      return;
    }
    if (!dirty && base.version !== null) {
      toast.info(`Nothing to save: identical to v${base.version}.`);
      return;
    }
    setDialogOpen(true);
  }

  // Ctrl/Cmd+S anywhere on the page (Monaco handles it itself while it has focus).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") {
        event.preventDefault();
        openSave();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  async function save(commitMessage: string): Promise<SubmitResult<SaveOutcome>> {
    const body = type === "text" ? { type: "text" as const, template } : { type: "chat" as const, messages };
    const input = { promptId, body, modelConfig: config, commitMessage, expectedParentVersion: base.version };
    // The server refuses an action body over the limit before reading it; say so here, with the numbers.
    const size = new TextEncoder().encode(JSON.stringify([input])).length;
    if (size > BODY_LIMITS.promptContent) {
      return { ok: false, error: `This version is ${(size / 1024 / 1024).toFixed(1)} MiB when sent; a version can be at most ${describeBytes(BODY_LIMITS.promptContent)}.` };
    }
    const result = await saveVersionAction(input).catch(() => ({ ok: false as const, error: "The version could not be saved. Check your connection and try again.", code: "", details: undefined }));
    if (result.ok) return { ok: true, data: { saved: result.data } };
    if (result.code === "conflict:prompt" && result.details?.latest) return { ok: true, data: { conflict: result.details.latest as ConflictingVersion } };
    return result;
  }

  function onSaved(outcome: SaveOutcome) {
    if ("conflict" in outcome) return setConflict(outcome.conflict);
    const { version, created } = outcome.saved;
    if (created) toast.success(`Saved v${version}`);
    else toast.info(`Nothing to save: identical to v${version}.`);
    setBase({ version, content: draft });
    router.refresh();
  }

  function rebase() {
    if (!conflict) return;
    setBase({ version: conflict.version, content: conflict.content });
    setConflict(null);
    toast.info(`Your draft is now based on v${conflict.version}. Save again to add it on top.`);
    setDialogOpen(true);
  }

  function loadTheirs() {
    if (!conflict) return;
    const theirs = conflict.content;
    setBase({ version: conflict.version, content: theirs });
    setTemplate(theirs.template ?? "");
    setMessages(theirs.messages ?? []);
    setSettings(toSettingsForm(theirs.modelConfig));
    setConflict(null);
    router.refresh();
  }

  const nextVersion = (base.version ?? 0) + 1;
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-3">
        {canWrite ? (
          <Button onClick={openSave} aria-keyshortcuts="Control+S Meta+S">
            Save
          </Button>
        ) : (
          <Badge tone="neutral">Read-only: your role cannot edit prompts</Badge>
        )}
        <span className="text-sm text-zinc-600 dark:text-zinc-400">
          {base.version ? `Editing from v${base.version}` : "No versions yet: saving creates v1"}
        </span>
        {dirty && (
          <Badge tone="warning" role="status">
            Unsaved changes
          </Badge>
        )}
        <span className="ml-auto text-xs text-zinc-500">Ctrl/⌘+S to save</span>
      </div>
      {offerStored && (
        <div role="status" className="flex flex-wrap items-center gap-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200">
          <span>
            {stored.baseVersion === base.version
              ? "You have an unsaved draft of this prompt from earlier in this browser tab."
              : `You have an unsaved draft based on ${stored.baseVersion ? `v${stored.baseVersion}` : "no version"}; v${base.version} has been saved since.`}
          </span>
          <Button size="sm" variant="secondary" onClick={restoreStored}>
            Restore draft
          </Button>
          <Button size="sm" variant="ghost" onClick={() => clearDraft(promptId)}>
            Discard draft
          </Button>
        </div>
      )}
      <div className="flex flex-col gap-6 lg:flex-row">
        <div className="flex min-w-0 flex-1 flex-col gap-2">
          {type === "text" ? (
            <div className="overflow-hidden rounded-lg border border-zinc-200 dark:border-zinc-800">
              <LazyTemplateEditor
                value={template}
                onChange={setTemplate}
                ariaLabel="Prompt template"
                readOnly={!canWrite}
                variables={variables}
                partialNames={partialNames}
                issues={issues[0] ?? []}
                lint={lint[0] ?? []}
                onSave={openSave}
                height={360}
              />
            </div>
          ) : (
            <ChatMessagesEditor
              messages={messages}
              onChange={setMessages}
              issues={issues}
              lint={lint}
              variables={variables}
              partialNames={partialNames}
              readOnly={!canWrite}
              onSave={openSave}
            />
          )}
          <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400" aria-live="polite">
            <span data-testid="token-count">≈ {tokens.toLocaleString()} tokens before variables are filled in</span>
            <VariableList variables={variableList} />
            {issueCount > 0 && <span className="text-red-600 dark:text-red-400">{issueCount} template error{issueCount > 1 ? "s" : ""}</span>}
            {lintCounts.total > 0 && (
              <span data-testid="lint-count" className={lintCounts.error > 0 ? "text-red-600 dark:text-red-400" : "text-amber-700 dark:text-amber-400"}>
                Lint: {describeCounts(lintCounts)} (hover the underlined text; Ctrl+. for a quick fix)
              </span>
            )}
            {partialProblemCount > 0 && (
              <span className="text-red-600 dark:text-red-400">
                {partialProblemCount} partial problem{partialProblemCount > 1 ? "s" : ""}
              </span>
            )}
          </div>
        </div>
        <aside className="w-full shrink-0 lg:w-80">
          <ModelSettingsForm form={settings} errors={settingsErrors} onChange={setSettings} models={models} defaultModel={defaultModel} readOnly={!canWrite} />
        </aside>
      </div>
      <SaveVersionDialog
        open={dialogOpen}
        nextVersion={nextVersion}
        summary={base.version ? `Changes from v${base.version}: ${diffVersions({ before: base.content, after: draft }).summary.text}` : "This will be the first version."}
        onClose={() => setDialogOpen(false)}
        save={save}
        onSaved={onSaved}
      />
      <ConflictDialog theirs={conflict} draft={draft} onRebase={rebase} onDiscardDraft={loadTheirs} onClose={() => setConflict(null)} />
    </div>
  );
}

/** "Variables: name audience (from marketing/tagline@production)": a partial's variables say where they come from. */
function VariableList({ variables }: { variables: PromptVariable[] }) {
  return (
    <span data-testid="variables">
      Variables:{" "}
      {variables.length
        ? variables.map((v) => (
            <span key={v.name} className="mr-1.5 inline-block">
              <code className="rounded bg-zinc-100 px-1 dark:bg-zinc-800">{v.name}</code>
              {!v.inTemplate && v.partials.length > 0 && <span> (from {v.partials.join(", ")})</span>}
            </span>
          ))
        : "none"}
    </span>
  );
}

function countBySeverity(findings: readonly LintFinding[]) {
  const counts = { error: 0, warning: 0, info: 0, total: findings.length };
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}

function describeCounts({ error, warning, info }: ReturnType<typeof countBySeverity>): string {
  const parts = [error && `${error} error${error > 1 ? "s" : ""}`, warning && `${warning} warning${warning > 1 ? "s" : ""}`, info && `${info} note${info > 1 ? "s" : ""}`];
  return parts.filter(Boolean).join(", ");
}
