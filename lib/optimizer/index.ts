// The client-safe surface of lib/optimizer/: types and pure helpers that components, pages, scripts and workers may
// import without loading the server. The feature's other surfaces (server.ts, actions.ts) come with its runner.

export { BUDGET_CAPS, NOTHING_SPENT, budgetSchema, describeLimit, exhausted, limitBefore } from "./budget";
export type { Budget, BudgetLimit, Spent } from "./budget";
export { checkCandidate } from "./check-candidate";
export type { CandidateCheck, CandidateContent } from "./check-candidate";
