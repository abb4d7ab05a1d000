// Prop types for the editor components, importable from server code without pulling in any client module.

/** One problem to underline in the template (1-based lines and columns, end exclusive like Monaco). */
export interface TemplateEditorIssue {
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A linter finding to underline, with its rule and, when it has one, a quick fix (offsets into this editor's text). */
export interface TemplateEditorLint extends TemplateEditorIssue {
  ruleId: string;
  severity: "error" | "warning" | "info";
  fix?: { title: string; start: number; end: number; text: string };
}

export interface TemplateEditorProps {
  value: string;
  onChange: (value: string) => void;
  /** Accessible name of the editor's text input (e.g. "Prompt template"); e2e tests find it by role textbox + this name. */
  ariaLabel: string;
  readOnly?: boolean;
  /** Variables offered by the completion list after `{{`. */
  variables?: string[];
  /** Other prompts' names, offered after `{{>`. */
  partialNames?: string[];
  /** Shown as error markers (squiggles + hover + F8 navigation). */
  issues?: TemplateEditorIssue[];
  /** The prompt linter's findings (lib/core/lint): squiggles by severity, with quick fixes under Ctrl/Cmd+. */
  lint?: TemplateEditorLint[];
  /** Ctrl/Cmd+S inside the editor (the browser's save dialog is always suppressed there). */
  onSave?: () => void;
  /** Ctrl/Cmd+Enter inside the editor. */
  onRun?: () => void;
  /** Pixels, or "auto" to grow with the content between 120 and 600 px. Default "auto". */
  height?: number | "auto";
  className?: string;
}

export type DiffLanguage = "promptops-template" | "json";

export interface VersionDiffEditorProps {
  before: string;
  after: string;
  language?: DiffLanguage;
  /** true: two columns; false: inline (unified) diff. */
  sideBySide: boolean;
  /** Base accessible name; the two sides are named "<ariaLabel> (before)" and "<ariaLabel> (after)". Default "Version diff". */
  ariaLabel?: string;
  /** Pixels or any CSS height. Default 360. */
  height?: number | string;
  className?: string;
}
