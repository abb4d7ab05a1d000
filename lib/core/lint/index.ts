// The prompt linter (issue 19): pure, client-safe; the editor, the CLI and the promotion request run it. README.md
// documents each rule with its rationale.
export { activeFindings, hasErrors, lintPrompt } from "./lint-prompt";
export { LINT_RULES, RULE_IDS, SEVERITIES, type LintRule, type RuleId, type Severity } from "./rules";
export type { LintContext, LintFinding, LintFix, LintLocation, LintTarget } from "./types";
