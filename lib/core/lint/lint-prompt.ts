// The prompt linter: every check over the prompt's texts, then the workspace's severities and the inline silences.
// Pure and synchronous, so the editor runs it on every keystroke, the CLI over a directory, and the server on every
// promotion request, with the same findings.
import { contextWindow } from "./checks/context-window";
import type { Check } from "./checks/check";
import { injection } from "./checks/injection";
import { messages } from "./checks/messages";
import { outputFormat } from "./checks/output-format";
import { movingPartials } from "./checks/partials";
import { sensitive } from "./checks/sensitive";
import { datasetVariables } from "./checks/variables";
import { LINT_RULES, type Severity } from "./rules";
import { silencesOf } from "./silence";
import { sourcesOf } from "./sources";
import type { LintContext, LintFinding, LintTarget } from "./types";

const CHECKS: Check[] = [messages, datasetVariables, injection, sensitive, movingPartials, contextWindow, outputFormat];

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function lintPrompt(target: LintTarget, context: LintContext = {}): LintFinding[] {
  const sources = sourcesOf(target);
  const silences = silencesOf(sources);
  const findings: LintFinding[] = [];
  for (const check of CHECKS) {
    for (const raw of check(sources, context, target)) {
      const severity = context.severities?.[raw.ruleId] ?? LINT_RULES[raw.ruleId].severity;
      if (severity === "off") continue;
      const reason = silences.get(raw.ruleId);
      findings.push({ ...raw, severity, ...(reason !== undefined ? { silenced: { reason } } : {}) });
    }
  }
  return findings.sort(
    (a, b) =>
      (a.location.message ?? -1) - (b.location.message ?? -1) || a.location.line - b.location.line || a.location.column - b.location.column || RANK[a.severity] - RANK[b.severity],
  );
}

/** The findings that count: not silenced. */
export const activeFindings = (findings: readonly LintFinding[]) => findings.filter((f) => !f.silenced);

/** True when an active finding is an error (a promotion gate and the CLI's exit code). */
export const hasErrors = (findings: readonly LintFinding[]) => activeFindings(findings).some((f) => f.severity === "error");
