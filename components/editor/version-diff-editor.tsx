"use client";

// Read-only Monaco diff of two prompt versions. Pages import LazyVersionDiffEditor
// (version-diff-editor-lazy.tsx), never this module directly.
import { DiffEditor, type DiffBeforeMount, type DiffOnMount } from "@monaco-editor/react";
import type * as Monaco from "monaco-editor";
import { useTheme } from "next-themes";
import { useEffect, useMemo, useState } from "react";
import { EditorSkeleton } from "@/components/editor/editor-skeleton";
import { configureMonacoLoader } from "@/components/editor/monaco/monaco-loader";
import { registerTemplateLanguage, TEMPLATE_LANGUAGE_ID, templateThemeFor, type MonacoApi } from "@/components/editor/monaco/template-language";
import type { VersionDiffEditorProps } from "@/components/editor/monaco/types";
import { cn } from "@/lib/core/ui/cn";

configureMonacoLoader();

export type { DiffLanguage, VersionDiffEditorProps } from "@/components/editor/monaco/types";

export function VersionDiffEditor({
  before,
  after,
  language = TEMPLATE_LANGUAGE_ID,
  sideBySide,
  ariaLabel = "Version diff",
  height = 360,
  className,
}: VersionDiffEditorProps) {
  const { resolvedTheme } = useTheme();
  const [diffEditor, setDiffEditor] = useState<Monaco.editor.IStandaloneDiffEditor | null>(null);

  const options = useMemo<Monaco.editor.IStandaloneDiffEditorConstructionOptions>(
    () => ({
      readOnly: true,
      domReadOnly: true,
      originalEditable: false,
      renderSideBySide: sideBySide,
      // Monaco otherwise silently switches to inline below ~900px; the prop decides the layout.
      useInlineViewWhenSpaceIsLimited: false,
      originalAriaLabel: `${ariaLabel} (before)`,
      modifiedAriaLabel: `${ariaLabel} (after)`,
      ariaLabel,
      wordWrap: "on",
      diffWordWrap: "on",
      minimap: { enabled: false },
      automaticLayout: true,
      lineNumbers: "on",
      scrollBeyondLastLine: false,
      fontSize: 13,
      renderOverviewRuler: false,
      unicodeHighlight: { ambiguousCharacters: false },
      stickyScroll: { enabled: false },
      scrollbar: { alwaysConsumeMouseWheel: false },
      editContext: false,
    }),
    [sideBySide, ariaLabel],
  );

  const beforeMount: DiffBeforeMount = (monaco) => {
    registerTemplateLanguage(monaco as unknown as MonacoApi);
  };
  // @monaco-editor/react disposes the two text models before the diff editor that shows them when it unmounts
  // (switching Inline/Side by side, leaving the page), and Monaco then throws "TextModel got disposed before
  // DiffEditorWidget model got reset". So the wrapper keeps the models (keepCurrent*Model below) and they are
  // disposed here, once the editor itself is gone: nothing leaks, and the order is the one Monaco expects.
  const onMount: DiffOnMount = (mounted) => {
    const models = mounted.getModel();
    mounted.onDidDispose(() => {
      models?.original.dispose();
      models?.modified.dispose();
    });
    setDiffEditor(mounted as unknown as Monaco.editor.IStandaloneDiffEditor);
  };

  // Monaco drops originalAriaLabel/modifiedAriaLabel on every diffEditor.updateOptions() (which
  // @monaco-editor/react calls whenever `options` change), leaving both sides unnamed. Re-apply them on
  // the sub-editors after each options update (this effect runs after the child's).
  useEffect(() => {
    if (!diffEditor) return;
    diffEditor.getOriginalEditor().updateOptions({ ariaLabel: `${ariaLabel} (before)` });
    diffEditor.getModifiedEditor().updateOptions({ ariaLabel: `${ariaLabel} (after)` });
  }, [diffEditor, options, ariaLabel]);

  return (
    <div
      className={cn("w-full overflow-hidden rounded-md border border-zinc-300 dark:border-zinc-700", className)}
      style={{ height }}
      data-version-diff={ariaLabel}
    >
      <DiffEditor
        height="100%"
        original={before}
        modified={after}
        language={language}
        theme={templateThemeFor(resolvedTheme)}
        options={options}
        keepCurrentOriginalModel
        keepCurrentModifiedModel
        beforeMount={beforeMount}
        onMount={onMount}
        loading={<EditorSkeleton height="100%" className="rounded-none border-0" label="Loading diff…" />}
      />
    </div>
  );
}

export default VersionDiffEditor;
