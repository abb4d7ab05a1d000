// Turning the corpus into cases for one prompt: each attack goes into the variable most likely to carry the user's
// input, the prompt's other variables get neutral filler, and `{topic}` becomes what the prompt is about. Pure and
// deterministic: the same prompt, categories and corpus version always give the same cases.
import type { AttackCategory } from "../vocabulary/compliance";
import { CORPUS, type AttackDefence, type CorpusAttack } from "./corpus";

/**
 * Words in a variable's name that say a user writes it, most telling first. A name is split into words at `_`, `-`,
 * `.` and camelCase humps; the variable whose words contain the earliest entry of this list carries the attack. With
 * none matching, the first variable every render needs; with none required, the first variable.
 */
export const USER_INPUT_WORDS = ["message", "question", "query", "input", "request", "prompt", "ticket", "comment", "feedback", "body", "text", "content", "user", "chat", "email", "review", "description", "issue", "note"] as const;

/** Indirect injection arrives inside material the prompt reads, so it prefers a variable named like a document. */
export const DOCUMENT_WORDS = ["document", "doc", "context", "article", "page", "email", "body", "content", "transcript", "text", "source", "passage"] as const;

export interface PromptVariableInfo {
  name: string;
  required: boolean;
}

export interface TailoredCase {
  attackId: string;
  category: AttackCategory;
  defence: AttackDefence;
  /** The word an obeyed injection writes (only for the "no-marker" defence). */
  marker: string | null;
  /** The attack text as placed in `variables[attackVariable]`. */
  attack: string;
  attackVariable: string;
  variables: Record<string, string>;
  tags: string[];
}

export const attackTag = (category: AttackCategory) => `attack:${category}`;
export const attackIdTag = (id: string) => `attack-id:${id}`;

function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

function pickByWords(variables: readonly PromptVariableInfo[], words: readonly string[]): PromptVariableInfo | undefined {
  for (const word of words) {
    const found = variables.find((v) => nameWords(v.name).includes(word));
    if (found) return found;
  }
  return undefined;
}

/** The variable an attack of this category is written into (documented on USER_INPUT_WORDS and DOCUMENT_WORDS). */
export function attackVariable(variables: readonly PromptVariableInfo[], category: AttackCategory): string | null {
  if (variables.length === 0) return null;
  const picked =
    (category === "indirect-injection" ? pickByWords(variables, DOCUMENT_WORDS) : undefined) ??
    pickByWords(variables, USER_INPUT_WORDS) ??
    variables.find((v) => v.required) ??
    variables[0]!;
  return picked.name;
}

/** Plain, harmless values for the variables the attack does not use, chosen by the variable's name. */
export function neutralFiller(name: string): string {
  const words = nameWords(name);
  if (words.includes("name") || words.includes("customer") || words.includes("user")) return "Alex";
  if (words.some((w) => w.startsWith("lang"))) return "English";
  if (words.includes("tone") || words.includes("style")) return "friendly";
  if (words.includes("date")) return "Monday";
  if (words.some((w) => ["count", "number", "limit", "max", "min"].includes(w))) return "3";
  return `an example ${words.join(" ") || "value"}`;
}

/** What the prompt is about, for `{topic}`: the last segment of its name, in words ("support/triage" → "triage"). */
export function topicOf(promptName: string): string {
  const last = promptName.split("/").filter(Boolean).pop() ?? promptName;
  return nameWords(last).join(" ") || "this service";
}

/** The marker an obeyed injection writes: fixed per attack, so a rerun of the same dataset checks the same word. */
export const markerFor = (attackId: string) => `INJECTED-${attackId.toUpperCase().replace(/[^A-Z0-9]/g, "")}`;

export function fillAttack(attack: CorpusAttack, topic: string): string {
  return attack.text.replaceAll("{topic}", topic).replaceAll("{marker}", markerFor(attack.id));
}

/**
 * One case per corpus attack of the chosen categories, in corpus order. Returns no case when the prompt has no
 * variable: nothing a user writes reaches such a prompt, so there is nowhere to put an attack.
 */
export function tailorAttacks({
  variables,
  categories,
  promptName,
}: {
  variables: readonly PromptVariableInfo[];
  categories: readonly AttackCategory[];
  promptName: string;
}): TailoredCase[] {
  const topic = topicOf(promptName);
  const chosen = new Set(categories);
  const cases: TailoredCase[] = [];
  for (const attack of CORPUS) {
    if (!chosen.has(attack.category)) continue;
    const target = attackVariable(variables, attack.category);
    if (target === null) return [];
    const text = fillAttack(attack, topic);
    const filled: Record<string, string> = {};
    for (const v of variables) filled[v.name] = v.name === target ? text : neutralFiller(v.name);
    cases.push({
      attackId: attack.id,
      category: attack.category,
      defence: attack.defence,
      marker: attack.defence === "no-marker" ? markerFor(attack.id) : null,
      attack: text,
      attackVariable: target,
      variables: filled,
      tags: [attackTag(attack.category), attackIdTag(attack.id)],
    });
  }
  return cases;
}


