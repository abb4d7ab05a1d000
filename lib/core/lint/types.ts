import type { ChatMessageRecord, ModelConfig, PromptType } from "@/lib/core/vocabulary/prompt-content";
import type { RuleId, Severity } from "./rules";

/** The prompt as the linter reads it: one version's content. */
export interface LintTarget {
  type: PromptType;
  template: string | null;
  messages: readonly ChatMessageRecord[] | null;
  modelConfig: ModelConfig;
}

/** What the linter knows beyond the prompt; every field is optional, and a rule without what it needs is skipped. */
export interface LintContext {
  /** The variables each of the prompt's datasets fills (one list per dataset). */
  datasetColumns?: readonly (readonly string[])[];
  /** The longest value each variable has in those datasets, in characters (for the context-window estimate). */
  longestValues?: Readonly<Record<string, number>>;
  /** Variables the application fills itself, never from user input (they may sit in a system message, undelimited). */
  trustedVariables?: readonly string[];
  /** Partial labels that move: environment slugs and "latest". */
  movingLabels?: readonly string[];
  /** The prompt is served in a protected environment. */
  servedInProtectedEnvironment?: boolean;
  /** The model's context window in tokens, when known. */
  contextWindow?: number | null;
  /** The workspace's severities; "off" turns a rule off. */
  severities?: Partial<Record<RuleId, Severity | "off">>;
}

/** Where a finding is: which message (null for a text template) and its 1-based range, like Monaco markers. */
export interface LintLocation {
  message: number | null;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A quick fix: replace [start, end) of one message's (or the template's) text. */
export interface LintFix {
  title: string;
  message: number | null;
  start: number;
  end: number;
  text: string;
}

export interface LintFinding {
  ruleId: RuleId;
  severity: Severity;
  message: string;
  location: LintLocation;
  fix?: LintFix;
  /** Set when an inline comment silenced the rule; the finding is kept so the reason reaches the audit. */
  silenced?: { reason: string };
}
