"use client";

// Monaco-based prompt template editor. Never import this module from a page directly: use
// LazyTemplateEditor (template-editor-lazy.tsx), which loads it with next/dynamic and ssr: false.
import Editor, { type BeforeMount, type OnMount } from "@monaco-editor/react";
import type * as Monaco from "monaco-editor";
import { useTheme } from "next-themes";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { EditorSkeleton } from "@/components/editor/editor-skeleton";
import { configureMonacoLoader } from "@/components/editor/monaco/monaco-loader";
import {
  registerTemplateLanguage,
  setTemplateCompletionContext,
  TEMPLATE_LANGUAGE_ID,
  templateThemeFor,
  type MonacoApi,
} from "@/components/editor/monaco/template-language";
import type { TemplateEditorIssue, TemplateEditorLint, TemplateEditorProps } from "@/components/editor/monaco/types";
import { registerLintActions, setModelLint } from "@/components/editor/monaco/lint-actions";
import { cn } from "@/lib/core/ui/cn";

configureMonacoLoader();

export type { TemplateEditorIssue, TemplateEditorLint, TemplateEditorProps };

const MIN_AUTO_HEIGHT = 120;
const MAX_AUTO_HEIGHT = 600;
const MARKER_OWNER = "promptops-issues";
const NO_NAMES: string[] = [];

// Monaco keeps Tab for indentation, which traps keyboard users (WCAG 2.1.2). These keys leave it; the hint is shown under
// the editor and read with it (aria-describedby on Monaco's textarea). Ctrl+M is Monaco's own "Tab moves focus" toggle.
const LEAVE_HINT = "To leave the editor with the keyboard, press Esc, then Tab (or Ctrl+M to make Tab move focus).";
// Esc is only ours when no widget of Monaco's wants it (suggestions, find, hints, multi-cursor, snippets).
const ESC_FREE =
  "!suggestWidgetVisible && !findWidgetVisible && !parameterHintsVisible && !markersNavigationVisible && !editorHasMultipleSelections && !inSnippetMode";

const clampHeight = (h: number) => Math.min(MAX_AUTO_HEIGHT, Math.max(MIN_AUTO_HEIGHT, Math.ceil(h)));

export function TemplateEditor({
  value,
  onChange,
  ariaLabel,
  readOnly = false,
  variables = NO_NAMES,
  partialNames = NO_NAMES,
  issues,
  lint,
  onSave,
  onRun,
  height = "auto",
  className,
}: TemplateEditorProps) {
  const { resolvedTheme } = useTheme();
  const [editor, setEditor] = useState<Monaco.editor.IStandaloneCodeEditor | null>(null);
  const [autoHeight, setAutoHeight] = useState(MIN_AUTO_HEIGHT);
  const monacoRef = useRef<MonacoApi | null>(null);
  const hintId = useId();

  // Latest callbacks, read by the keyboard commands registered once at mount.
  const onSaveRef = useRef(onSave);
  const onRunRef = useRef(onRun);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onSaveRef.current = onSave;
    onRunRef.current = onRun;
    onChangeRef.current = onChange;
  });

  const options = useMemo<Monaco.editor.IStandaloneEditorConstructionOptions>(
    () => ({
      ariaLabel,
      readOnly,
      domReadOnly: readOnly,
      wordWrap: "on",
      minimap: { enabled: false },
      automaticLayout: true,
      lineNumbers: "on",
      lineNumbersMinChars: 3,
      scrollBeyondLastLine: false,
      fontSize: 13,
      tabSize: 2,
      padding: { top: 8, bottom: 8 },
      // Only our provider completes (names inside tags); word suggestions would pop up over prose.
      wordBasedSuggestions: "off",
      // Prompts are prose in any language: don't flag "ambiguous" Unicode characters.
      unicodeHighlight: { ambiguousCharacters: false },
      stickyScroll: { enabled: false },
      // Suggest/hover widgets escape the rounded, overflow-hidden frame instead of being clipped by it.
      fixedOverflowWidgets: true,
      // Let the page scroll when the (auto-height) editor has nothing to scroll.
      scrollbar: { alwaysConsumeMouseWheel: false },
      renderLineHighlightOnlyWhenFocus: true,
      // Chromium defaults to the EditContext API, which drops characters under fast synthetic input
      // (Playwright's keyboard.type) and can't be fill()ed; the classic hidden <textarea> is robust.
      editContext: false,
    }),
    [ariaLabel, readOnly],
  );

  const beforeMount: BeforeMount = (monaco) => {
    registerTemplateLanguage(monaco as unknown as MonacoApi);
    registerLintActions(monaco as unknown as MonacoApi);
  };

  const onMount: OnMount = (mounted, monacoInstance) => {
    const monaco = monacoInstance as unknown as MonacoApi;
    const instance = mounted as unknown as Monaco.editor.IStandaloneCodeEditor;
    monacoRef.current = monaco;

    // Monaco picks the line ending from the browser's OS: on Windows a fresh model writes "\r\n" for Enter and turns
    // pasted "\n" into "\r\n", so the same template would be stored differently per author (and 1 MiB of text would
    // grow past the limit). Templates always use "\n"; a pasted "\r\n" is normalised on the way in.
    const writeLf = () => instance.getModel()?.setEOL(monaco.editor.EndOfLineSequence.LF);
    writeLf();
    instance.onDidChangeModel(writeLf);

    // addCommand keybindings are global to Monaco's keybinding service: with two editors on a page the
    // last one registered would win even when the other is focused. A context key that only exists in
    // this editor's scope makes each binding apply to its own editor only.
    const scopeKey = `promptopsEditor_${instance.getId().replace(/\W/g, "_")}`;
    instance.createContextKey(scopeKey, true);
    // Monaco's keybinding service calls preventDefault, so Ctrl/Cmd+S never opens the browser's save dialog.
    instance.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => onSaveRef.current?.(), scopeKey);
    instance.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => onRunRef.current?.(), scopeKey);

    // Esc, then Tab: Esc turns on tab-focus mode for this editor until the person types or comes back to it.
    const releaseTab = (on: boolean) => {
      if (instance.getOption(monaco.editor.EditorOption.tabFocusMode) !== on) instance.updateOptions({ tabFocusMode: on });
    };
    instance.addCommand(monaco.KeyCode.Escape, () => releaseTab(true), `${scopeKey} && ${ESC_FREE}`);
    instance.onDidChangeModelContent(() => releaseTab(false));
    instance.onDidFocusEditorText(() => releaseTab(false));
    instance.getDomNode()?.querySelector("textarea")?.setAttribute("aria-describedby", hintId);

    instance.onDidContentSizeChange((e) => {
      if (e.contentHeightChanged) setAutoHeight(clampHeight(e.contentHeight));
    });
    setAutoHeight(clampHeight(instance.getContentHeight()));
    setEditor(instance);
  };

  // Completion lists live in a per-model registry so each editor completes its own names.
  useEffect(() => {
    const model = editor?.getModel();
    if (!model) return;
    setTemplateCompletionContext(model, { variables, partialNames });
  }, [editor, variables, partialNames]);

  useEffect(() => {
    const monaco = monacoRef.current;
    const model = editor?.getModel();
    if (!monaco || !model) return;
    monaco.editor.setModelMarkers(model, MARKER_OWNER, (issues ?? []).map((issue) => toMarker(monaco, model, issue)));
  }, [editor, issues]);

  useEffect(() => {
    const monaco = monacoRef.current;
    const model = editor?.getModel();
    if (!monaco || !model) return;
    setModelLint(monaco, model, lint ?? []);
  }, [editor, lint]);

  const frameHeight = height === "auto" ? autoHeight : height;

  return (
    <div className="flex w-full flex-col gap-1">
      <div
        className={cn(
          "w-full overflow-hidden rounded-md border border-zinc-300 bg-white dark:border-zinc-700 dark:bg-zinc-900",
          "focus-within:ring-2 focus-within:ring-indigo-500/40",
          className,
        )}
        style={{ height: frameHeight }}
        data-template-editor={ariaLabel}
      >
        <Editor
          height="100%"
          language={TEMPLATE_LANGUAGE_ID}
          theme={templateThemeFor(resolvedTheme)}
          value={value}
          onChange={(next) => onChangeRef.current(next ?? "")}
          options={options}
          beforeMount={beforeMount}
          onMount={onMount}
          loading={<EditorSkeleton height="100%" className="rounded-none border-0" />}
        />
      </div>
      <p id={hintId} className="text-xs text-zinc-600 dark:text-zinc-400">
        {LEAVE_HINT}
      </p>
    </div>
  );
}

function toMarker(monaco: MonacoApi, model: Monaco.editor.ITextModel, issue: TemplateEditorIssue): Monaco.editor.IMarkerData {
  const lineCount = model.getLineCount();
  const startLineNumber = Math.min(Math.max(1, issue.line), lineCount);
  const startColumn = Math.max(1, issue.column);
  let endLineNumber = Math.min(Math.max(startLineNumber, issue.endLine), lineCount);
  let endColumn = Math.max(1, issue.endColumn);
  // An empty range renders as an almost invisible dot: widen it to one character (or the line's end).
  if (endLineNumber === startLineNumber && endColumn <= startColumn) {
    endLineNumber = startLineNumber;
    endColumn = Math.min(startColumn + 1, model.getLineMaxColumn(startLineNumber));
    if (endColumn <= startColumn) endColumn = startColumn + 1;
  }
  return {
    severity: monaco.MarkerSeverity.Error,
    message: issue.message,
    startLineNumber,
    startColumn,
    endLineNumber,
    endColumn,
    source: "template",
  };
}

export default TemplateEditor;
