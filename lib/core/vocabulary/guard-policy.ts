// A prompt version's guard policy (issue 19): what the delivery API refuses or masks in the inputs and outputs of
// that version. Stored inside the version's model configuration (ModelConfig.guard), so it is versioned, diffed,
// exported and imported with the rest of the version; lib/prompts/schemas.ts bounds it, lib/core/guard applies it.

/** The rules of a policy, in the order they are checked; a refusal names the first one violated. */
export const GUARD_RULES = ["max-input-length", "word-list", "denied-topic", "pii"] as const;
export type GuardRule = (typeof GUARD_RULES)[number];

export const GUARD_PII_MODES = ["off", "block", "mask"] as const;
export type GuardPiiMode = (typeof GUARD_PII_MODES)[number];

export interface GuardPolicy {
  /** Phrases an input must not contain: matched whole, ignoring case and how words are spaced. */
  deniedTopics?: string[];
  /** Words (or short phrases) an input must not contain, matched on word boundaries ignoring case; masked in outputs. */
  words?: string[];
  /** E-mail addresses, phone numbers and card numbers: refused ("block") or replaced ("mask") in inputs; masked in outputs either way. */
  pii?: GuardPiiMode;
  /** The most characters (UTF-16 code units) all the input variables' values may hold together. */
  maxInputChars?: number;
}

/** The bounds lib/prompts/schemas.ts enforces on a stored policy. */
export const GUARD_POLICY_LIMITS = {
  deniedTopics: 50,
  deniedTopicChars: 200,
  words: 500,
  wordChars: 100,
  maxInputChars: 1_000_000,
} as const;
