// A candidate prompt is checked before it costs a model call. Instruction search and few-shot selection both
// rewrite the prompt's text; a rewrite that loses `{{ticket}}` would be scored on outputs made without the ticket,
// and one that loses `{{> house-style}}` would silently drop a shared block. So a candidate is valid only when:
//   - it has the baseline's shape (a text template, or chat messages);
//   - its templates parse, with no issues;
//   - every variable the baseline uses and the dataset fills is still used;
//   - every partial the baseline includes is still included (same name and label);
//   - it asks for no required variable the dataset does not fill (that render would fail on every case).
import { analyseTemplate, partialKey, type TemplateAnalysis } from "@/lib/core/templates";
import type { ChatMessageRecord } from "@/lib/core/vocabulary/prompt-content";

export interface CandidateContent {
  template: string | null;
  messages: readonly ChatMessageRecord[] | null;
}

export type CandidateCheck = { ok: true } | { ok: false; reasons: string[] };

function analyses(content: CandidateContent): TemplateAnalysis[] {
  if (content.messages) return content.messages.map((message) => analyseTemplate(message.content));
  return [analyseTemplate(content.template ?? "")];
}

export function checkCandidate({ baseline, candidate, datasetVariables }: { baseline: CandidateContent; candidate: CandidateContent; datasetVariables: readonly string[] }): CandidateCheck {
  const reasons: string[] = [];
  const baselineIsChat = baseline.messages !== null;
  if (baselineIsChat !== (candidate.messages !== null)) {
    return { ok: false, reasons: [`The candidate must be ${baselineIsChat ? "chat messages" : "a text template"}, like the baseline.`] };
  }
  const before = analyses(baseline);
  const after = analyses(candidate);
  const issues = after.flatMap((analysis) => analysis.issues.map((issue) => `line ${issue.line}: ${issue.message}`));
  if (issues.length > 0) reasons.push(`The candidate's template has errors: ${issues.slice(0, 3).join("; ")}.`);

  const filled = new Set(datasetVariables);
  const used = new Set(after.flatMap((analysis) => analysis.variables));
  const dropped = [...new Set(before.flatMap((analysis) => analysis.variables))].filter((name) => filled.has(name) && !used.has(name));
  if (dropped.length > 0) reasons.push(`It drops ${dropped.map((name) => `{{${name}}}`).join(", ")}, which the dataset fills.`);

  const included = new Set(after.flatMap((analysis) => analysis.partials.map(partialKey)));
  const lostPartials = [...new Set(before.flatMap((analysis) => analysis.partials.map(partialKey)))].filter((key) => !included.has(key));
  if (lostPartials.length > 0) reasons.push(`It drops ${lostPartials.map((key) => `{{> ${key}}}`).join(", ")}.`);

  const unfilled = [...new Set(after.flatMap((analysis) => analysis.requiredVariables))].filter((name) => !filled.has(name));
  if (unfilled.length > 0) reasons.push(`It needs ${unfilled.map((name) => `{{${name}}}`).join(", ")}, which the dataset does not fill.`);

  return reasons.length === 0 ? { ok: true } : { ok: false, reasons };
}
