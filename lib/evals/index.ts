// The client-safe surface of lib/evals/: types and pure helpers that components, pages, scripts, workers and the
// features above it may import without loading the server. It is one of the feature's three surfaces: this file,
// server.ts (loaders and what the server calls) and actions.ts (the server actions client code calls). Nothing
// outside lib/evals/ imports its other files; .dependency-cruiser.cjs fails the lint if it does.

export { CHANGE_LABELS } from "./compare/classify";
export type { CaseChange } from "./compare/classify";
export type { CompareCell, RunComparison } from "./compare/compare-runs";
export type { PromotionEvals } from "./compare/promotion-evals";
export { dashboardFiltersSchema, rangeStart } from "./dashboard/filters";
export type { DashboardFilters } from "./dashboard/filters";
export type { DashboardPoint, EvalDashboardData, ScorerSeries } from "./dashboard/load-dashboard";
export { buildSeries } from "./dashboard/series";
export type { ChartSeries } from "./dashboard/series";
export type { PromptfooPreview } from "./promptfoo/import-config";
export type { EvalResultView, EvalResultsPage, EvalRunView } from "./runs/api";
export type { NewEvaluationOptions, TargetVariables } from "./runs/form-options";
export { PASS_RATE_LABEL, describePassRate } from "./runs/pass-rate";
export { formatAttackRate, summariseAttacks } from "./redteam/attack-rate";
export type { AttackSuccess, AttackTally } from "./redteam/attack-rate";
export { formatEta } from "./runs/progress";
export { RUN_LIMITS, createEvalRunSchema, evalResultListSchema, evalResultSchema, evalRunSchema, resultsPageQuerySchema, startRunBodySchema } from "./runs/schemas";
export type { RunTargetInput } from "./runs/schemas";
export { FIELD_LABELS, draftsToConfigs, newDraft, toDraft } from "./runs/scorer-drafts";
export type { ScorerDraft } from "./runs/scorer-drafts";
export { SCORER_TYPES, scorerConfigSchema, scorerConfigsSchema } from "./scorers/config";
export { OPTIMIZER_SOURCE } from "./runs/schemas";
