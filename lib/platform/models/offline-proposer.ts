// How the offline provider answers the optimizer's proposer prompt, so instruction search runs with no API key. The
// optimizer's proposer template (lib/optimizer) starts with OFFLINE_PROPOSER_MARKER and wraps what it shows in tags:
//
//   <prompt>a prompt of the beam</prompt>                   (one or more, best first; each may be rewritten)
//   <tried>a prompt tried before</tried>                     (any number; never proposed again)
//   <failure><expected>…</expected><output>…</output></failure>   (failing train cases, any number)
//   <count>how many candidates to write</count>
//
// It is not a language model: it applies a fixed set of edit operators, in an order drawn from the text it was
// given, and answers each candidate in <candidate>…</candidate>. The operators are what a person would try first:
//   - "labels": name the answers the failures expected ("Answer with exactly one of: billing, bug."), when the
//     prompt does not name them all yet;
//   - "form": ask for the answer alone ("Answer with the label only, nothing else.");
//   - "role": open with who is answering ("You are a careful support triage assistant.");
//   - "care": add a reading tip ("Read the whole message before you decide.");
//   - "trim": drop the prompt's last sentence that holds no template tag.
// Template tags are never touched, so every candidate keeps the prompt's variables and partials.

import { unitHash } from "@/lib/core/hash";

export const OFFLINE_PROPOSER_MARKER = "You are improving a prompt for a language model.";

export const PROPOSER_OPERATORS = ["labels", "form", "role", "care", "trim"] as const;
export type ProposerOperator = (typeof PROPOSER_OPERATORS)[number];

interface ProposerInput {
  prompts: string[];
  tried: string[];
  expected: string[];
  count: number;
}

/** Expected answers the "labels" operator names at most: a label set is short, and each costs a scan of the prompt. */
const MAX_LABELS = 20;

/**
 * The contents of every <tag>…</tag>, in one pass with indexOf. Not a lazy regex: on a prompt of many openings and no
 * closing tag, each opening would scan to the end of the text (quadratic; a 1 MiB prompt froze the server).
 */
function tagged(text: string, tag: string): string[] {
  const [open, close] = [`<${tag}>`, `</${tag}>`];
  const found: string[] = [];
  for (let at = text.indexOf(open); at >= 0; ) {
    const end = text.indexOf(close, at + open.length);
    if (end < 0) break;
    found.push(text.slice(at + open.length, end).trim());
    at = text.indexOf(open, end + close.length);
  }
  return found;
}

function readInput(text: string): ProposerInput | null {
  const prompts = tagged(text, "prompt");
  if (prompts.length === 0) return null;
  const expected = [...new Set(tagged(text, "expected").filter((value) => value.length > 0 && value.length <= 40))].sort().slice(0, MAX_LABELS);
  const count = Math.min(8, Math.max(1, Number(tagged(text, "count")[0] ?? 4) || 4));
  return { prompts, tried: tagged(text, "tried"), expected, count };
}

const mentions = (text: string, word: string) => new RegExp(`\\b${word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "i").test(text);

/** `prompt` edited by `operator`, or null when the operator has nothing to do on it. */
export function applyOperator(prompt: string, operator: ProposerOperator, expected: readonly string[]): string | null {
  switch (operator) {
    case "labels": {
      const outside = prompt.replace(/\{\{[\s\S]*?\}\}/g, " ");
      if (expected.length < 2 || expected.every((label) => mentions(outside, label))) return null;
      return `${prompt}\nAnswer with exactly one of: ${expected.join(", ")}.`;
    }
    case "form":
      if (/\bnothing else\b|\blabel only\b/i.test(prompt)) return null;
      return `${prompt}\nAnswer with the label only, nothing else.`;
    case "role":
      if (/^You are\b/.test(prompt)) return null;
      return `You are a careful support triage assistant.\n${prompt}`;
    case "care":
      if (/Read the whole message/.test(prompt)) return null;
      return `${prompt}\nRead the whole message before you decide.`;
    case "trim": {
      // Sentences at even indexes, the whitespace after each at odd ones, so what stays keeps its line breaks.
      const parts = prompt.split(/(?<=[.!?])(\s+)/);
      if (parts.length < 3) return null;
      for (let i = parts.length - 1; i >= 0; i -= 2) {
        // The sentence goes with the whitespace before it (after it, for the first), so the next keeps its line.
        if (!parts[i]!.includes("{{") && parts[i]!.trim()) return (i > 0 ? [...parts.slice(0, i - 1), ...parts.slice(i + 1)] : parts.slice(2)).join("");
      }
      return null;
    }
  }
}

/** The offline proposer's reply to a prompt starting with the marker; null for any other prompt. */
export function offlineProposerReply(text: string): string | null {
  if (!text.trimStart().startsWith(OFFLINE_PROPOSER_MARKER)) return null;
  const input = readInput(text);
  if (!input) return "<candidate></candidate>";
  // The operators in an order drawn from the text (the same request gets the same candidates), each applied to the
  // beam's prompts best first; nothing shown or tried before is proposed again.
  const start = Math.floor(unitHash(text) * PROPOSER_OPERATORS.length);
  const seen = new Set([...input.prompts, ...input.tried].map((prompt) => prompt.trim()));
  const candidates: string[] = [];
  for (let k = 0; k < PROPOSER_OPERATORS.length; k++) {
    for (const prompt of input.prompts) {
      if (candidates.length >= input.count) break;
      const edited = applyOperator(prompt, PROPOSER_OPERATORS[(start + k) % PROPOSER_OPERATORS.length]!, input.expected);
      if (edited !== null && !seen.has(edited.trim())) {
        seen.add(edited.trim());
        candidates.push(edited);
      }
    }
  }
  return candidates.map((candidate) => `<candidate>${candidate}</candidate>`).join("\n");
}
