// The one-line summary of a version diff: line counts plus the model settings that changed.
import type { ModelConfig } from "@/lib/core/vocabulary/prompt-content";
import { normaliseJson, sortKeysDeep } from "./normalise-json";
import type { DiffSummary, SettingChange } from "./types";

/** Long values are cut so the summary stays one line in a version list. */
const MAX_VALUE_LENGTH = 40;
const MINUS = "\u2212";

/** Top-level keys whose values differ semantically (key order inside objects ignored), sorted. */
export function settingChanges({ before, after }: { before: ModelConfig; after: ModelConfig }): SettingChange[] {
  const from = before as Record<string, unknown>;
  const to = after as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])].sort();
  return keys
    .filter((key) => normaliseJson(from[key]) !== normaliseJson(to[key]))
    .map((key) => ({ key, from: from[key], to: to[key] }));
}

/** A setting value in a few characters: "unset" when absent, objects as abbreviated JSON. */
export function formatSettingValue(value: unknown): string {
  if (value === undefined) return "unset";
  if (typeof value === "string") return value === "" ? '""' : abbreviate(value);
  if (value === null || typeof value === "number" || typeof value === "boolean") return String(value);
  return abbreviate(JSON.stringify(sortKeysDeep(value)) ?? String(value));
}

export function summariseDiff({
  linesAdded,
  linesRemoved,
  changes,
}: {
  linesAdded: number;
  linesRemoved: number;
  changes: SettingChange[];
}): DiffSummary {
  const pieces: string[] = [];
  if (linesAdded > 0 || linesRemoved > 0) pieces.push(`+${linesAdded} ${MINUS}${linesRemoved} lines`);
  for (const change of changes) pieces.push(`${change.key} ${formatSettingValue(change.from)} → ${formatSettingValue(change.to)}`);
  return { linesAdded, linesRemoved, settingChanges: changes, text: pieces.length > 0 ? pieces.join(", ") : "No changes" };
}

function abbreviate(text: string): string {
  return text.length <= MAX_VALUE_LENGTH ? text : `${text.slice(0, MAX_VALUE_LENGTH - 1)}…`;
}
