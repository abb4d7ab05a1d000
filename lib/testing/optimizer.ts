import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { evalResults, evalRuns, optimizationCandidates, type ScorerConfig } from "@/db/schema";
import { userPrincipal } from "@/lib/platform/auth/principal";
import { demoTickets } from "@/lib/platform/models/simulated-task/task";
import { createPrompt, saveVersion } from "@/lib/prompts/manage-prompts";
import { startOptimization } from "@/lib/optimizer/manage-optimizations";
import type { StartOptimizationInput } from "@/lib/optimizer/schemas";
import { makeDataset } from "./eval-runs";
import { makeWorkspace } from "./factories";

// An optimization on the simulated ticket-triage task (lib/platform/models/simulated-task), in a new workspace:
// the weak baseline prompt, 120 labelled tickets tagged with their label, and the exact-match metric.

export const TICKET_BASELINE = "Classify this ticket:\n{{ticket}}";
export const labelScorer: ScorerConfig = { key: "label", type: "equals", label: "equals the expected label", params: { trim: true } };

export async function makeTicketWorkspace({ cases = 120, seed = 5 }: { cases?: number; seed?: number } = {}) {
  const { workspace, members } = await makeWorkspace(["admin", "editor", "viewer"]);
  const [admin, editor, viewer] = members.map((m) => userPrincipal(m.ctx)) as [ReturnType<typeof userPrincipal>, ReturnType<typeof userPrincipal>, ReturnType<typeof userPrincipal>];
  const { id: promptId } = await createPrompt(editor, { name: "ticket-triage", type: "text", description: "", tags: [] });
  await saveVersion(editor, { promptId, body: { type: "text", template: TICKET_BASELINE }, modelConfig: { model: "offline:ticket-triage" }, commitMessage: "v1", expectedParentVersion: null });
  const tickets = demoTickets(cases, seed);
  const dataset = await makeDataset({
    workspaceId: workspace.id,
    count: tickets.length,
    caseAt: (i) => ({ variables: { ticket: tickets[i - 1]!.ticket }, expectedOutput: tickets[i - 1]!.label, tags: [tickets[i - 1]!.label] }),
  });
  const start = (overrides: Partial<StartOptimizationInput> = {}, principal = editor) =>
    startOptimization(principal, {
      promptId,
      datasetId: dataset.id,
      metric: [{ scorer: labelScorer, weight: 1 }],
      taskModelId: "offline:ticket-triage",
      proposerModelId: "offline:demo",
      strategy: "both",
      budget: { candidates: 16, modelCalls: 5_000, costUsd: 10, wallMinutes: 10 },
      seed: 1,
      concurrency: 16,
      ...overrides,
    });
  return { workspace, promptId, dataset, admin, editor, viewer, start };
}

/** How many times each (candidate, case) pair was evaluated across the optimization's eval runs. */
export async function evaluationsPerCandidateCase(runId: string): Promise<Map<string, number>> {
  const db = getDb();
  const candidates = await db.select().from(optimizationCandidates).where(eq(optimizationCandidates.runId, runId));
  const counts = new Map<string, number>();
  for (const candidate of candidates) {
    for (const evalRunId of [candidate.searchEvalRunId, candidate.heldOutEvalRunId]) {
      if (!evalRunId) continue;
      const results = await db.select({ runCaseId: evalResults.runCaseId }).from(evalResults).where(eq(evalResults.runId, evalRunId));
      for (const r of results) counts.set(`${candidate.key}:${evalRunId}:${r.runCaseId}`, (counts.get(`${candidate.key}:${evalRunId}:${r.runCaseId}`) ?? 0) + 1);
    }
  }
  return counts;
}

export async function evalRunsOfOptimization(runId: string) {
  const db = getDb();
  const candidates = await db.select().from(optimizationCandidates).where(eq(optimizationCandidates.runId, runId));
  const ids = candidates.flatMap((c) => [c.searchEvalRunId, c.heldOutEvalRunId]).filter((id): id is string => id !== null);
  const runs = [];
  for (const id of ids) runs.push((await db.select().from(evalRuns).where(eq(evalRuns.id, id)))[0]!);
  return runs;
}
