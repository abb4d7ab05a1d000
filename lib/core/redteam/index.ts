// The red-team corpus, its tailoring to a prompt's variables, the canary check and the refusal heuristic (issue 19).
// Pure and client-safe: lib/datasets generates red-team datasets from it, lib/evals scores replies with it.
export { CORPUS, CORPUS_VERSION, type AttackDefence, type CorpusAttack } from "./corpus";
export { CANARY_FRAGMENT, CANARY_PREFIX, canaryInstruction, findCanaryLeak, newCanary } from "./canary";
export { REFUSAL_PATTERNS, REFUSAL_WINDOW, findRefusal } from "./refusal";
export {
  DOCUMENT_WORDS,
  USER_INPUT_WORDS,
  attackIdTag,
  attackTag,
  attackVariable,
  fillAttack,
  markerFor,
  neutralFiller,
  tailorAttacks,
  topicOf,
  type PromptVariableInfo,
  type TailoredCase,
} from "./tailor";
export { ATTACK_CATEGORY_LABELS } from "./labels";
