// Applies a guard policy to the variables of a request (a render, or a reported generation's inputs). Rules are
// checked in GUARD_RULES order and the first one violated refuses the request: the length first, because it is
// the cheapest and bounds the work of the others. PII in "mask" mode never refuses: the values are returned with
// each e-mail address, phone number and card number replaced by its kind ("[EMAIL]").
import { AppError } from "../errors";
import { findPersonalData, maskFindings } from "../detect";
import type { GuardRule } from "../vocabulary/guard-policy";
import type { CompiledGuard } from "./compile-guard";
import { forEachLeaf, mapStrings } from "./input-text";
import { wordKeys } from "./phrase-matcher";

export type InputVerdict =
  | { refused: { rule: GuardRule; message: string } }
  | { refused: null; variables: Record<string, unknown>; masked: GuardRule[] };

const PROMPT_REFUSES = "The prompt's guard policy refuses this input";

export function checkInput(guard: CompiledGuard, variables: Record<string, unknown>): InputVerdict {
  const { policy } = guard;
  const leaves: string[] = [];
  let chars = 0;
  forEachLeaf(variables, (text) => {
    leaves.push(text);
    chars += text.length;
  });
  if (policy.maxInputChars !== undefined && chars > policy.maxInputChars) {
    return refuse("max-input-length", `${PROMPT_REFUSES}: its variables hold ${chars.toLocaleString("en")} characters, over the limit of ${policy.maxInputChars.toLocaleString("en")}.`);
  }
  // The matched word or topic is not named: a caller could otherwise read the list out one probe at a time.
  // Each value is cut into words once, for both lists.
  const keys = guard.words || guard.deniedTopics ? leaves.map(wordKeys) : [];
  if (guard.words && keys.some((words) => guard.words!.testKeys(words))) return refuse("word-list", `${PROMPT_REFUSES}: it contains a listed word.`);
  if (guard.deniedTopics && keys.some((words) => guard.deniedTopics!.testKeys(words))) return refuse("denied-topic", `${PROMPT_REFUSES}: it mentions a denied topic.`);
  if (policy.pii === "block" && leaves.some((text) => findPersonalData(text).length > 0)) {
    return refuse("pii", `${PROMPT_REFUSES}: it contains personal data (an e-mail address, phone number or card number).`);
  }
  if (policy.pii === "mask" && leaves.some((text) => findPersonalData(text).length > 0)) {
    return { refused: null, variables: mapStrings(variables, maskPersonalData) as Record<string, unknown>, masked: ["pii"] };
  }
  return { refused: null, variables, masked: [] };
}

function refuse(rule: GuardRule, message: string): InputVerdict {
  return { refused: { rule, message } };
}

export function maskPersonalData(text: string): string {
  const found = findPersonalData(text);
  return found.length ? maskFindings(text, found) : text;
}

/** The 422 a refused input is answered with: `unprocessable:guard`, the rule in `details.rule`. */
export function guardRefusal(refused: { rule: GuardRule; message: string }): AppError {
  return new AppError("unprocessable:guard", refused.message, { details: { rule: refused.rule } });
}
