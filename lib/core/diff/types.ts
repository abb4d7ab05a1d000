// Shapes of a diff between two prompt versions. Client-safe: the browser renders these as-is.

export type DiffLineKind = "add" | "remove" | "same";

/** A piece of a changed line for word-level highlighting; joined in order they spell the line. */
export interface DiffSegment {
  kind: DiffLineKind;
  text: string;
}

export interface DiffLine {
  kind: DiffLineKind;
  text: string;
  /** 1-based line number in the before text; null for an added line. */
  beforeLine: number | null;
  /** 1-based line number in the after text; null for a removed line. */
  afterLine: number | null;
  /** Only on a removed/added line paired with its counterpart, and only when the pair shares enough words to help. */
  segments?: DiffSegment[];
}

export type DiffPartStatus = "added" | "removed" | "changed" | "unchanged";

export interface DiffPart {
  /** "template", "message-<n>" (1-based), or "settings"; a message whose role changed yields "message-<n>-removed" and "message-<n>-added" so ids stay unique. */
  id: string;
  /** "Template", "Message 1 · system", "Model settings". */
  label: string;
  status: DiffPartStatus;
  before: string;
  after: string;
  lines: DiffLine[];
}

export interface SettingChange {
  key: string;
  /** undefined when the key was unset. */
  from: unknown;
  to: unknown;
}

export interface DiffSummary {
  /** Lines of prompt content (template and messages); model settings are summarised by settingChanges instead. */
  linesAdded: number;
  linesRemoved: number;
  /** Top-level modelConfig keys whose values differ, sorted by key. */
  settingChanges: SettingChange[];
  /** e.g. "+12 −3 lines, temperature 0.2 → 0.7", or "No changes". */
  text: string;
}

export interface VersionDiff {
  parts: DiffPart[];
  summary: DiffSummary;
}
