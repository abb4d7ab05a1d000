// What the editor and the playground show for a draft while it is being typed. Its own variables and syntax
// issues are analysed in the browser on every keystroke; its partials can only be read by the server, whose answer
// arrives debounced and so may describe a slightly older text. These merge the two without showing stale places.
import type { PartialProblem, PromptVariable } from "./collect-variables";
import type { TemplateAnalysis, TemplateIssue } from "./parse-template";
import { partialKey } from "./partial-ref";

/**
 * The draft's variables: its own as typed now (`own`, in order), then those the server found in its partials.
 * A name the server saw only in the template's own text, and which is no longer there, is gone.
 */
export function mergeDraftVariables(own: readonly string[], known: readonly PromptVariable[]): PromptVariable[] {
  const byName = new Map(known.map((variable) => [variable.name, variable]));
  const mine = new Set(own);
  const merged: PromptVariable[] = own.map((name) => ({ name, inTemplate: true, partials: byName.get(name)?.partials ?? [], required: byName.get(name)?.required ?? false }));
  for (const variable of known) {
    if (mine.has(variable.name) || variable.partials.length === 0) continue;
    merged.push({ ...variable, inTemplate: false });
  }
  return merged;
}

/**
 * Partial problems as editor markers: matched to the tags of the current text by key, so every tag with that key is
 * underlined where it is now (a problem belongs to the partial, not to where its tag was when the server looked).
 */
export function partialIssues({ analysis, problems, templateIndex = 0 }: { analysis: TemplateAnalysis; problems: readonly PartialProblem[]; templateIndex?: number }): TemplateIssue[] {
  const byKey = new Map<string, string[]>();
  for (const problem of problems) {
    if (problem.templateIndex !== templateIndex) continue;
    byKey.set(problem.partial, [...(byKey.get(problem.partial) ?? []), problem.message]);
  }
  return analysis.partials.flatMap((ref) =>
    (byKey.get(partialKey(ref)) ?? []).map((message) => ({ message, line: ref.line, column: ref.column, endLine: ref.endLine, endColumn: ref.endColumn })),
  );
}
