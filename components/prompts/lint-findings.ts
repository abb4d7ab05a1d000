// The linter's findings as the editors take them: one list per editor (a text prompt has one, a chat prompt one per
// message), each finding located in that editor's own text.
import type { TemplateEditorLint } from "@/components/editor/monaco/types";
import type { LintFinding } from "@/lib/core/lint";

export function lintPerEditor(findings: readonly LintFinding[], editors: number): TemplateEditorLint[][] {
  const lists: TemplateEditorLint[][] = Array.from({ length: Math.max(1, editors) }, () => []);
  for (const finding of findings) {
    if (finding.silenced) continue;
    const { message, line, column, endLine, endColumn } = finding.location;
    const list = lists[message ?? 0];
    if (!list) continue;
    list.push({
      ruleId: finding.ruleId,
      severity: finding.severity,
      message: `${finding.message} (${finding.ruleId})`,
      line,
      column,
      endLine,
      endColumn,
      ...(finding.fix ? { fix: { title: finding.fix.title, start: finding.fix.start, end: finding.fix.end, text: finding.fix.text } } : {}),
    });
  }
  return lists;
}
