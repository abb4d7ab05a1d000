import { GUARD_POLICY_LIMITS as LIMITS, type GuardPiiMode, type GuardPolicy } from "@/lib/core/vocabulary/guard-policy";

// The "Guard policy" part of the model-settings form: lists are edited one entry per line, the length as text.
// Client-safe and pure like settings-form.ts, with the same bounds as the server's zod schema (guardPolicySchema).

export interface GuardFields {
  guardDeniedTopics: string;
  guardWords: string;
  guardPii: GuardPiiMode;
  guardMaxInputChars: string;
}

export type GuardErrors = Partial<Record<keyof GuardFields, string>>;

export function toGuardFields(policy: GuardPolicy | undefined): GuardFields {
  return {
    guardDeniedTopics: (policy?.deniedTopics ?? []).join("\n"),
    guardWords: (policy?.words ?? []).join("\n"),
    guardPii: policy?.pii ?? "off",
    guardMaxInputChars: policy?.maxInputChars?.toString() ?? "",
  };
}

const lines = (value: string) =>
  value
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);

function listError(entries: string[], { most, chars, what }: { most: number; chars: number; what: string }): string | undefined {
  if (entries.length > most) return `At most ${most} ${what}s.`;
  if (entries.some((entry) => entry.length > chars)) return `A ${what} is at most ${chars} characters.`;
  return undefined;
}

/** The policy the fields describe (undefined when they set nothing), or what is wrong with them. */
export function fromGuardFields(fields: GuardFields): { guard: GuardPolicy | undefined; errors: GuardErrors } {
  const errors: GuardErrors = {};
  const guard: GuardPolicy = {};
  const deniedTopics = lines(fields.guardDeniedTopics);
  const words = lines(fields.guardWords);
  const topicsError = listError(deniedTopics, { most: LIMITS.deniedTopics, chars: LIMITS.deniedTopicChars, what: "denied topic" });
  const wordsError = listError(words, { most: LIMITS.words, chars: LIMITS.wordChars, what: "listed word" });
  if (topicsError) errors.guardDeniedTopics = topicsError;
  else if (deniedTopics.length) guard.deniedTopics = deniedTopics;
  if (wordsError) errors.guardWords = wordsError;
  else if (words.length) guard.words = words;
  if (fields.guardPii !== "off") guard.pii = fields.guardPii;
  const max = fields.guardMaxInputChars.trim();
  if (max) {
    const n = Number(max);
    if (!Number.isInteger(n) || n < 1 || n > LIMITS.maxInputChars) errors.guardMaxInputChars = `Enter a whole number from 1 to ${LIMITS.maxInputChars.toLocaleString("en")}.`;
    else guard.maxInputChars = n;
  }
  return { guard: Object.keys(guard).length ? guard : undefined, errors };
}
