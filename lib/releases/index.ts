// The client-safe surface of lib/releases/: types and pure helpers that components, pages, scripts, workers and the
// features above it may import without loading the server. It is one of the feature's three surfaces: this file,
// server.ts (loaders and what the server calls) and actions.ts (the server actions client code calls). Nothing
// outside lib/releases/ imports its other files; .dependency-cruiser.cjs fails the lint if it does.

export type { EvalGateResult } from "./eval-gate";
export { moveEnvironmentSchema } from "./schemas";
export { formatUsd, GATE_LABELS, type ComplianceGateResult, type GateCheck, type GateName } from "./gate-results";
export { workspaceLintSchema, type WorkspaceLint } from "./schemas";
