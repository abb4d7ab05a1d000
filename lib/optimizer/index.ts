// The client-safe surface of lib/optimizer/: types and pure helpers that components, pages, scripts and workers may
// import without loading the server. The feature's other surfaces are server.ts and actions.ts.

export { BUDGET_CAPS, NOTHING_SPENT, budgetSchema, describeLimit, exhausted, limitBefore } from "./budget";
export type { Budget, BudgetLimit, Spent } from "./budget";
export { checkCandidate } from "./check-candidate";
export type { CandidateCheck, CandidateContent } from "./check-candidate";
export { OPTIMIZER_DEFAULTS, OPTIMIZER_LIMITS, startOptimizationSchema } from "./schemas";
export type { StartOptimizationInput } from "./schemas";
export type { OptimizationCandidateView, OptimizationSummary, OptimizationView } from "./views";
export { API_BUDGET_DEFAULTS, DEFAULT_METRIC_SCORER, OPTIMIZATION_BODY_LIMIT, optimizationSchema, savedOptimizationSchema, startOptimizationBodySchema } from "./api-schemas";
export type { SavedOptimization, StartOptimizationBody } from "./api-schemas";
