// Guard policies (issue 19): a version's rules for what the delivery API refuses (render, reported generations)
// and masks (reported outputs). Pure: the delivery API and lib/feedback apply them, lib/serving counts them.
export { checkInput, guardRefusal, maskPersonalData, type InputVerdict } from "./check-input";
export { compileGuard, type CompiledGuard } from "./compile-guard";
export { maskOutput, WORD_MASK } from "./mask-output";
export { compilePhrases, type PhraseMatcher } from "./phrase-matcher";
export { GUARD_PII_MODES, GUARD_POLICY_LIMITS, GUARD_RULES, type GuardPiiMode, type GuardPolicy, type GuardRule } from "../vocabulary/guard-policy";
