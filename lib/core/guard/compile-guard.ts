// A guard policy made ready to apply: its word list and denied topics compiled once per policy object (the
// delivery API's cached prompt and the generations' served-target cache keep the same object, so a request pays
// nothing for it), then reused by every check and mask.
import type { GuardPolicy } from "../vocabulary/guard-policy";
import { compilePhrases, type PhraseMatcher } from "./phrase-matcher";

export interface CompiledGuard {
  policy: GuardPolicy;
  words: PhraseMatcher | null;
  deniedTopics: PhraseMatcher | null;
}

const compiled = new WeakMap<GuardPolicy, CompiledGuard>();

/** Null for a version without a policy, or with one that checks nothing: such a version is served as before. */
export function compileGuard(policy: GuardPolicy | undefined): CompiledGuard | null {
  if (!policy || !enforcesAnything(policy)) return null;
  let guard = compiled.get(policy);
  if (!guard) {
    guard = {
      policy,
      words: policy.words?.length ? compilePhrases(policy.words) : null,
      deniedTopics: policy.deniedTopics?.length ? compilePhrases(policy.deniedTopics) : null,
    };
    compiled.set(policy, guard);
  }
  return guard;
}

function enforcesAnything(policy: GuardPolicy): boolean {
  return Boolean(policy.words?.length || policy.deniedTopics?.length || (policy.pii && policy.pii !== "off") || policy.maxInputChars !== undefined);
}
