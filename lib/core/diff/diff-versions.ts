// Compares two prompt versions part by part (template or each message, then model settings) for the
// version history and review screens. Client-safe: runs in the browser and on the server.
import type { ChatMessageRecord, PromptContent } from "@/lib/core/vocabulary/prompt-content";
import { diffText } from "./diff-text";
import { normaliseJson } from "./normalise-json";
import { settingChanges, summariseDiff } from "./summarise-diff";
import type { DiffPart, DiffPartStatus, VersionDiff } from "./types";
import { createWordDiffBudget, type WordDiffBudget } from "./word-segments";

export function diffVersions({ before, after }: { before: PromptContent; after: PromptContent }): VersionDiff {
  const budget = createWordDiffBudget();
  const contentParts = [...templateParts({ before, after, budget }), ...messageParts({ before, after, budget })];
  const settings = buildPart({
    id: "settings",
    label: "Model settings",
    before: normaliseJson(before.modelConfig),
    after: normaliseJson(after.modelConfig),
    budget,
  }).part;

  let linesAdded = 0;
  let linesRemoved = 0;
  for (const { counts } of contentParts) {
    linesAdded += counts.linesAdded;
    linesRemoved += counts.linesRemoved;
  }
  const changes = settingChanges({ before: before.modelConfig, after: after.modelConfig });
  return {
    parts: [...contentParts.map(({ part }) => part), settings],
    summary: summariseDiff({ linesAdded, linesRemoved, changes }),
  };
}

interface BuiltPart {
  part: DiffPart;
  counts: { linesAdded: number; linesRemoved: number };
}

function templateParts({ before, after, budget }: { before: PromptContent; after: PromptContent; budget: WordDiffBudget }): BuiltPart[] {
  const beforeTemplate = before.type === "text" ? (before.template ?? "") : null;
  const afterTemplate = after.type === "text" ? (after.template ?? "") : null;
  if (beforeTemplate === null && afterTemplate === null) return [];
  return [buildPart({ id: "template", label: "Template", before: beforeTemplate, after: afterTemplate, budget })];
}

/** Messages are matched by position; a different role at the same position is a different message. */
function messageParts({ before, after, budget }: { before: PromptContent; after: PromptContent; budget: WordDiffBudget }): BuiltPart[] {
  const beforeMessages = before.type === "chat" ? (before.messages ?? []) : [];
  const afterMessages = after.type === "chat" ? (after.messages ?? []) : [];
  const parts: BuiltPart[] = [];
  for (let i = 0; i < Math.max(beforeMessages.length, afterMessages.length); i++) {
    const id = `message-${i + 1}`;
    const b = beforeMessages[i];
    const a = afterMessages[i];
    if (b && a && b.role !== a.role) {
      parts.push(buildPart({ id: `${id}-removed`, label: messageLabel(i, b), before: b.content, after: null, budget }));
      parts.push(buildPart({ id: `${id}-added`, label: messageLabel(i, a), before: null, after: a.content, budget }));
    } else {
      const message = a ?? b;
      if (!message) continue;
      parts.push(buildPart({ id, label: messageLabel(i, message), before: b?.content ?? null, after: a?.content ?? null, budget }));
    }
  }
  return parts;
}

function messageLabel(index: number, message: ChatMessageRecord): string {
  return `Message ${index + 1} · ${message.role}`;
}

/** before/after null means the part does not exist on that side. */
function buildPart({
  id,
  label,
  before,
  after,
  budget,
}: {
  id: string;
  label: string;
  before: string | null;
  after: string | null;
  budget: WordDiffBudget;
}): BuiltPart {
  const status: DiffPartStatus = before === null ? "added" : after === null ? "removed" : before === after ? "unchanged" : "changed";
  const { lines, linesAdded, linesRemoved } = diffText({ before, after, wordDiffBudget: budget });
  return {
    part: { id, label, status, before: before ?? "", after: after ?? "", lines },
    counts: { linesAdded, linesRemoved },
  };
}
