import { eq } from "drizzle-orm";
import { expect } from "vitest";
import type { FixtureLlmServer } from "@/e2e/fixtures/llm-server";
import { getDb } from "@/db";
import { evalRunCases } from "@/db/schema";
import { resultsOf } from "./eval-runs";

/**
 * Checks a run of `cases` cases that stopped part-way and was resumed to its end: one result per case, the results
 * stored before the stop (`beforeStop`) untouched, and each case finished before the stop sent to the fixture server
 * once. Returns how many calls the fixture received for the run's cases, for the caller's bound on the calls repeated.
 */
export async function expectResumedWithoutRepeats({
  runId,
  cases,
  beforeStop,
  llm,
}: {
  runId: string;
  cases: number;
  beforeStop: Awaited<ReturnType<typeof resultsOf>>;
  llm: Pick<FixtureLlmServer, "byPrompt">;
}): Promise<number> {
  const after = await resultsOf(runId);
  expect(after).toHaveLength(cases);
  expect(new Set(after.map((r) => r.runCaseId)).size).toBe(cases);
  const byId = new Map(after.map((r) => [r.id, r]));
  for (const r of beforeStop) expect(byId.get(r.id)).toEqual(r);

  const runCases = await getDb().select().from(evalRunCases).where(eq(evalRunCases.runId, runId));
  const promptOf = new Map(runCases.map((c) => [c.id, `Say hello to ${c.variables.name}.`]));
  for (const r of beforeStop) expect(llm.byPrompt.get(promptOf.get(r.runCaseId)!)).toBe(1);
  return runCases.reduce((sum, c) => sum + (llm.byPrompt.get(promptOf.get(c.id)!) ?? 0), 0);
}
