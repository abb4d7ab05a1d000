import { describe, expect, it } from "vitest";
import { BUDGET_CAPS, NOTHING_SPENT, budgetSchema, describeLimit, exhausted, limitBefore, type Budget } from "./budget";

const budget: Budget = { candidates: 10, modelCalls: 400, costUsd: 2, wallMinutes: 30 };

describe("an optimization's budget", () => {
  it("stops at the first limit reached, whichever it is", () => {
    expect(exhausted(budget, NOTHING_SPENT)).toBeNull();
    expect(exhausted(budget, { ...NOTHING_SPENT, candidates: 10 })).toBe("candidates");
    expect(exhausted(budget, { ...NOTHING_SPENT, modelCalls: 400 })).toBe("modelCalls");
    expect(exhausted(budget, { ...NOTHING_SPENT, costUsd: 2.0001 })).toBe("costUsd");
    expect(exhausted(budget, { ...NOTHING_SPENT, elapsedMs: 30 * 60_000 })).toBe("wallMinutes");
    expect(exhausted(budget, { candidates: 3, modelCalls: 399, costUsd: 1.99, elapsedMs: 29 * 60_000 })).toBeNull();
  });

  it("starts a candidate only when its whole evaluation and what is reserved fit what is left, naming what stops it", () => {
    const spent = { candidates: 4, modelCalls: 360, costUsd: 1.5, elapsedMs: 1_000 };
    expect(limitBefore(budget, spent, { calls: 40, costPerCall: 0.001 })).toBeNull();
    expect(limitBefore(budget, spent, { calls: 41, costPerCall: 0.001 })).toBe("modelCalls");
    expect(limitBefore(budget, spent, { calls: 30, costPerCall: 0.001, reservedCalls: 11 })).toBe("modelCalls");
    expect(limitBefore(budget, spent, { calls: 40, costPerCall: 0.02 })).toBe("costUsd");
    expect(limitBefore(budget, { ...spent, candidates: 9 }, { calls: 10, costPerCall: 0 })).toBeNull();
    expect(limitBefore(budget, { ...spent, candidates: 10 }, { calls: 1, costPerCall: 0 })).toBe("candidates");
    expect(limitBefore(budget, { ...spent, elapsedMs: 31 * 60_000 }, { calls: 1, costPerCall: 0 })).toBe("wallMinutes");
  });

  it("refuses a request past the server's caps, a zero, a fraction of a call and unknown fields", () => {
    expect(budgetSchema.safeParse(budget).success).toBe(true);
    expect(budgetSchema.safeParse({ ...budget, candidates: BUDGET_CAPS.candidates + 1 }).success).toBe(false);
    expect(budgetSchema.safeParse({ ...budget, costUsd: BUDGET_CAPS.costUsd * 10 }).success).toBe(false);
    expect(budgetSchema.safeParse({ ...budget, wallMinutes: 0 }).success).toBe(false);
    expect(budgetSchema.safeParse({ ...budget, modelCalls: 10.5 }).success).toBe(false);
    expect(budgetSchema.safeParse({ ...budget, unlimited: true }).success).toBe(false);
  });

  it("says which limit stopped the run", () => {
    expect(describeLimit("modelCalls", { ...budget, modelCalls: 12_000 })).toBe("Stopped at 12,000 model calls (the budget).");
    expect(describeLimit("costUsd", budget)).toBe("Stopped at $2.00 spent (the budget).");
  });
});
