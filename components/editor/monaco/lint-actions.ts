// The prompt linter in Monaco: findings become markers (owner "promptops-lint", code = the rule id, severity by the
// finding's), and a code action provider offers each finding's quick fix under the light bulb and Ctrl/Cmd+. .
// Findings live in a per-model registry (like completion contexts) so several editors on a page keep their own.
import type * as Monaco from "monaco-editor";
import type { TemplateEditorLint } from "./types";
import { TEMPLATE_LANGUAGE_ID, type MonacoApi } from "./template-language";

export const LINT_MARKER_OWNER = "promptops-lint";

const lintByModel = new WeakMap<Monaco.editor.ITextModel, TemplateEditorLint[]>();
const registered = new WeakSet<object>();

export function toLintMarker(monaco: MonacoApi, model: Monaco.editor.ITextModel, lint: TemplateEditorLint): Monaco.editor.IMarkerData {
  const lineCount = model.getLineCount();
  const startLineNumber = Math.min(Math.max(1, lint.line), lineCount);
  const startColumn = Math.max(1, lint.column);
  const endLineNumber = Math.min(Math.max(startLineNumber, lint.endLine), lineCount);
  let endColumn = Math.max(1, lint.endColumn);
  // An empty range (a finding about the whole prompt) underlines the first word rather than an invisible dot.
  if (endLineNumber === startLineNumber && endColumn <= startColumn) endColumn = Math.max(startColumn + 1, model.getWordAtPosition({ lineNumber: startLineNumber, column: startColumn })?.endColumn ?? 0);
  const severity = lint.severity === "error" ? monaco.MarkerSeverity.Error : lint.severity === "warning" ? monaco.MarkerSeverity.Warning : monaco.MarkerSeverity.Info;
  return { severity, message: lint.message, code: lint.ruleId, source: "lint", startLineNumber, startColumn, endLineNumber, endColumn };
}

export function setModelLint(monaco: MonacoApi, model: Monaco.editor.ITextModel, lint: readonly TemplateEditorLint[]): void {
  lintByModel.set(model, [...lint]);
  monaco.editor.setModelMarkers(model, LINT_MARKER_OWNER, lint.map((finding) => toLintMarker(monaco, model, finding)));
}

/** Registers the quick-fix provider once per Monaco instance. */
export function registerLintActions(monaco: MonacoApi): void {
  if (registered.has(monaco)) return;
  registered.add(monaco);
  monaco.languages.registerCodeActionProvider(TEMPLATE_LANGUAGE_ID, {
    provideCodeActions(model, range) {
      const actions: Monaco.languages.CodeAction[] = [];
      for (const finding of lintByModel.get(model) ?? []) {
        if (!finding.fix) continue;
        const marker = toLintMarker(monaco, model, finding);
        const touches = marker.startLineNumber <= range.endLineNumber && marker.endLineNumber >= range.startLineNumber;
        if (!touches) continue;
        const from = model.getPositionAt(finding.fix.start);
        const to = model.getPositionAt(finding.fix.end);
        actions.push({
          title: finding.fix.title,
          kind: "quickfix",
          isPreferred: true,
          diagnostics: [marker],
          edit: {
            edits: [
              {
                resource: model.uri,
                versionId: model.getVersionId(),
                textEdit: { range: { startLineNumber: from.lineNumber, startColumn: from.column, endLineNumber: to.lineNumber, endColumn: to.column }, text: finding.fix.text },
              },
            ],
          },
        });
      }
      return { actions, dispose: () => undefined };
    },
  });
}
