// An optimization's budget: it stops at the first limit reached. The server enforces the caps below whatever a
// request asks for, so one run cannot spend without bound; the limits a run was given are stored with it.
import { z } from "zod";

export const BUDGET_CAPS = {
  candidates: 200,
  modelCalls: 50_000,
  costUsd: 500,
  wallMinutes: 24 * 60,
} as const;

export const budgetSchema = z
  .object({
    candidates: z.number().int().min(1).max(BUDGET_CAPS.candidates),
    modelCalls: z.number().int().min(1).max(BUDGET_CAPS.modelCalls),
    costUsd: z.number().positive().max(BUDGET_CAPS.costUsd),
    wallMinutes: z.number().positive().max(BUDGET_CAPS.wallMinutes),
  })
  .strict();

export type Budget = z.infer<typeof budgetSchema>;

export interface Spent {
  candidates: number;
  modelCalls: number;
  costUsd: number;
  elapsedMs: number;
}

export type BudgetLimit = keyof Budget;

export const NOTHING_SPENT: Spent = { candidates: 0, modelCalls: 0, costUsd: 0, elapsedMs: 0 };

/** The first limit `spent` has reached, in the order a person reads them, or null while there is room. */
export function exhausted(budget: Budget, spent: Spent): BudgetLimit | null {
  if (spent.candidates >= budget.candidates) return "candidates";
  if (spent.modelCalls >= budget.modelCalls) return "modelCalls";
  if (spent.costUsd >= budget.costUsd) return "costUsd";
  if (spent.elapsedMs >= budget.wallMinutes * 60_000) return "wallMinutes";
  return null;
}

/**
 * The limit that stops one more candidate, evaluated with `calls` model calls at about `costPerCall` each, or null
 * when it fits. A candidate is started only when it can finish: a half-evaluated candidate has no score to compare.
 * `reservedCalls` are kept for later (the optimizer's final held-out check) and counted as spent.
 */
export function limitBefore(budget: Budget, spent: Spent, { calls, costPerCall, reservedCalls = 0 }: { calls: number; costPerCall: number; reservedCalls?: number }): BudgetLimit | null {
  const reached = exhausted(budget, spent);
  if (reached !== null) return reached;
  if (spent.candidates + 1 > budget.candidates) return "candidates";
  if (spent.modelCalls + calls + reservedCalls > budget.modelCalls) return "modelCalls";
  if (spent.costUsd + (calls + reservedCalls) * costPerCall > budget.costUsd) return "costUsd";
  return null;
}

/** What a person reads when the run stopped on a limit. */
export function describeLimit(limit: BudgetLimit, budget: Budget): string {
  switch (limit) {
    case "candidates":
      return `Stopped after ${budget.candidates} candidates (the budget).`;
    case "modelCalls":
      return `Stopped at ${budget.modelCalls.toLocaleString("en-US")} model calls (the budget).`;
    case "costUsd":
      return `Stopped at $${budget.costUsd.toFixed(2)} spent (the budget).`;
    case "wallMinutes":
      return `Stopped after ${budget.wallMinutes} minutes (the budget).`;
  }
}
