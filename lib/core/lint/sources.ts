// The texts of a prompt, each scanned once: a text prompt's template, or each chat message. Every check reads these.
import { createLineIndex, type LineIndex } from "@/lib/core/templates/source-position";
import { scanTags, type ScannedTag } from "@/lib/core/templates/scan-tags";
import type { LintFix, LintLocation, LintTarget } from "./types";

export interface LintSource {
  /** The message's index, or null for a text template. */
  message: number | null;
  role: "system" | "user" | "assistant" | null;
  text: string;
  tags: ScannedTag[];
  lines: LineIndex;
}

export function sourcesOf(target: LintTarget): LintSource[] {
  const texts =
    target.type === "chat"
      ? (target.messages ?? []).map((m, i) => ({ message: i, role: m.role, text: m.content }))
      : [{ message: null, role: null, text: target.template ?? "" }];
  return texts.map((t) => ({ ...t, tags: scanTags(t.text).tags, lines: createLineIndex(t.text) }));
}

export function locate(source: LintSource, start: number, end: number): LintLocation {
  const from = source.lines.positionAt(start);
  const to = source.lines.positionAt(end);
  return { message: source.message, line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
}

export function fixIn(source: LintSource, title: string, start: number, end: number, text: string): LintFix {
  return { title, message: source.message, start, end, text };
}

/** The name a variable tag reads: its first path step ("customer" in {{customer.name}}). */
export const variableName = (tag: ScannedTag) => tag.value.split(".")[0]!;

export const isVariableTag = (tag: ScannedTag) => (tag.kind === "variable" || tag.kind === "raw") && tag.value !== ".";

/** Where a source is named in messages: "the system message (2)", or "the template". */
export const placeOf = (source: LintSource) => (source.message === null ? "the template" : `message ${source.message + 1} (${source.role})`);
