// The server surface of lib/evals/: its page loaders and what composition (the delivery API, boot, home) and the
// features above it call on the server. Client code imports it only as `import type`. Nothing outside lib/evals/
// imports its other files; .dependency-cruiser.cjs fails the lint if it does.
import "server-only";

export { compareRuns } from "./compare/compare-runs";
export type { RunComparison } from "./compare/compare-runs";
export { latestCompletedTarget } from "./compare/latest-runs";
export { loadPromotionEvals } from "./compare/promotion-evals";
export { aggregateTarget } from "./compare/queries";
export { gateRunCosts, promptDatasetIds } from "./compare/gate-costs";
export type { GateRunCosts } from "./compare/gate-costs";
export { loadEvalDashboard } from "./dashboard/load-dashboard";
export { latestRedTeamTarget, readAttackSuccess } from "./redteam/attack-success";
export type { RedTeamTarget } from "./redteam/attack-success";
export { listLatestRedTeamRuns, loadRunAttackSuccess } from "./redteam/load-attack-success";
export type { LatestRedTeamRun, RunAttackSuccess } from "./redteam/load-attack-success";
export { commitPromptfooImport, previewPromptfooImport, promptfooImportSchema } from "./promptfoo/import-config";
export { describeEvalRun, describeEvalRunResult, listEvalRunResultsForApi, startEvalRunFromApi } from "./runs/api";
export { loadNewEvaluationOptions } from "./runs/form-options";
export { cancelCandidateEvalRuns, cancelEvalRun, createCandidateEvalRun, createEvalRun, resumeEvalRun } from "./runs/manage-runs";
export type { CandidateEvalRunInput } from "./runs/manage-runs";
export { completeEvalRun, readCandidateResults } from "./runs/candidate-runs";
export type { CandidateCaseResult } from "./runs/candidate-runs";
export { assertScorerAvailable } from "./scorers/registry";
export { findRunDatasetByName } from "./runs/queries";
export { listEvalRuns, listRunnablePrompts } from "./runs/read-runs";
export { executeEvalRun } from "./runs/runner";
export { seedDemoEvalRuns } from "./runs/seed-demo";
export { seedDemoRedTeam } from "./redteam/seed-demo";
export { startEvalWorker, stopEvalWorker } from "./runs/worker";
