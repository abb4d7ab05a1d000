// The client-safe surface of lib/serving/: types and pure helpers that components, pages, scripts, workers and the
// features above it may import without loading the server. It is one of the feature's three surfaces: this file,
// server.ts (loaders and what the server calls) and actions.ts (the server actions client code calls). Nothing
// outside lib/serving/ imports its other files; .dependency-cruiser.cjs fails the lint if it does.

export { renderInput } from "./render-input";
export type { ResolvedPrompt } from "./resolve";
export { DEFAULT_LABEL, LATEST_LABEL, labelSelector, selectorKey } from "./selector";
export type { ServedVersions } from "./served-versions";
