// The prompt linter's rules: each has an id (what SARIF, silencing comments and workspace settings name), a default
// severity, a one-line summary and the rationale the docs show. README.md lists them with examples.

export const SEVERITIES = ["error", "warning", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

export const RULE_IDS = [
  "unfilled-variable",
  "unused-dataset-column",
  "variable-in-system-message",
  "undelimited-variable",
  "secret-in-template",
  "personal-data-in-template",
  "moving-partial-label",
  "context-window-exceeded",
  "contradictory-output-format",
  "empty-message",
  "duplicate-message",
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export interface LintRule {
  id: RuleId;
  severity: Severity;
  summary: string;
  rationale: string;
}

export const LINT_RULES: Record<RuleId, LintRule> = {
  "unfilled-variable": {
    id: "unfilled-variable",
    severity: "error",
    summary: "A variable the prompt's datasets never fill.",
    rationale: "Every evaluation renders it empty (or fails), so the scores say nothing about the prompt as it will be served.",
  },
  "unused-dataset-column": {
    id: "unused-dataset-column",
    severity: "warning",
    summary: "A dataset column the prompt never uses.",
    rationale: "Usually a renamed variable: the cases carry data the prompt no longer sees.",
  },
  "variable-in-system-message": {
    id: "variable-in-system-message",
    severity: "warning",
    summary: "A user-controlled variable inside a system message.",
    rationale: "Models give the system message the most authority; text a user controls there can override your instructions (prompt injection). Put it in a user message.",
  },
  "undelimited-variable": {
    id: "undelimited-variable",
    severity: "warning",
    summary: "A user-controlled variable outside any delimiter.",
    rationale: "Without quotes, a fence or <tags> around it, the model cannot tell your instructions from the user's text, which makes injection easy.",
  },
  "secret-in-template": {
    id: "secret-in-template",
    severity: "error",
    summary: "A secret (API key, private key, token) in the template.",
    rationale: "Templates are stored in plain text, shown to every member and sent to the model provider on every call.",
  },
  "personal-data-in-template": {
    id: "personal-data-in-template",
    severity: "error",
    summary: "Personal data (e-mail, phone, card number) in the template.",
    rationale: "Personal data in a template is sent with every call and kept in every version forever; pass it as a variable when it is needed.",
  },
  "moving-partial-label": {
    id: "moving-partial-label",
    severity: "warning",
    summary: "A partial pinned to a label that moves, in a prompt served in a protected environment.",
    rationale: "Promoting the partial changes this prompt's served text without this prompt's review; pin a version instead.",
  },
  "context-window-exceeded": {
    id: "context-window-exceeded",
    severity: "error",
    summary: "The rendered prompt's estimated tokens plus max_tokens exceed the model's context window.",
    rationale: "The provider refuses the call or truncates the input; estimated at about 4 characters per token with the longest values the datasets hold.",
  },
  "contradictory-output-format": {
    id: "contradictory-output-format",
    severity: "warning",
    summary: "The output format set in the model settings contradicts the template's instructions.",
    rationale: "A JSON response format with a template asking for prose (or the reverse) gets one of the two at random, and parsing fails on the other.",
  },
  "empty-message": {
    id: "empty-message",
    severity: "error",
    summary: "An empty message.",
    rationale: "Several providers refuse empty messages; the others waste a turn.",
  },
  "duplicate-message": {
    id: "duplicate-message",
    severity: "warning",
    summary: "A message repeated word for word.",
    rationale: "Usually a copy-paste slip; it doubles the cost of the text and its weight in the model's attention.",
  },
};
