// The server surface of lib/serving/: its page loaders and what composition (the delivery API, boot, home) and the
// features above it call on the server. Client code imports it only as `import type`. Nothing outside lib/serving/
// imports its other files; .dependency-cruiser.cjs fails the lint if it does.
import "server-only";

export { readDeliveryEpoch, readDeliveryEpochIn } from "./epoch";
export { workspacePartialLoader } from "./load-partial";
export { promptVariablesReader, loadVersionVariables } from "./prompt-variables";
export { findEnvironmentById, findEnvironmentBySlug, findPointer, findWorkspaceSlug, listEnvironments, listPointersForPrompts } from "./queries";
export { requireServablePrompt, resolvePrompt } from "./resolve";
export type { PromptTarget } from "./resolve";
export { loadServedVersions, loadServingEnvironments } from "./served-versions";
export { countGuardDecisions, type GuardDecision } from "./manage-guard-counts";
export { loadGuardBlocks, type GuardBlockSummary } from "./load-guard-blocks";
