// The client-safe surface of lib/datasets/: types and pure helpers that components, pages, scripts, workers and the
// features above it may import without loading the server. It is one of the feature's three surfaces: this file,
// server.ts (loaders and what the server calls) and actions.ts (the server actions client code calls). Nothing
// outside lib/datasets/ imports its other files; .dependency-cruiser.cjs fails the lint if it does.

export { casesToCsv, casesToJsonl } from "./export";
export type { ImportPreview } from "./import/import-cases";
export { COLUMN_TARGETS } from "./import/mapping";
export type { ColumnMapping, ColumnTarget } from "./import/mapping";
export { DATASET_LIMITS, addCaseFromRunSchema, generateRedTeamSchema } from "./schemas";
