// An optimization end to end in the studio: started by an editor, its candidates scored by real eval runs on the
// simulated ticket-triage task, its claim checked on held-out cases. Real SQLite, the offline provider's models.
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { findOptimization, listOptimizationCandidates } from "./queries";
import { driveOptimization } from "./drive";
import { describeOptimization } from "./read-optimizations";
import { evalRunsOfOptimization, makeTicketWorkspace } from "@/lib/testing/optimizer";
import { latestCompletedTarget, listEvalRuns, loadEvalDashboard } from "@/lib/evals/server";
import { countEvalRuns } from "@/lib/evals/runs/read-runs";
import { listReviewableEvalRuns } from "@/lib/review/queries";

describe("an optimization in the studio", () => {
  it("improves held-out accuracy from the weak baseline, scoring every candidate through eval runs", async () => {
    const ws = await makeTicketWorkspace();
    const { id } = await ws.start();
    expect(await driveOptimization({ runId: id, workerId: "w1", heartbeatMs: 200 })).toBe("completed");
    const run = (await findOptimization(getDb(), { runId: id }))!;
    expect(run.status).toBe("completed");
    expect(run.outcome!.heldOut.verdict).toBe("better");
    expect(run.outcome!.heldOut.best - run.outcome!.heldOut.baseline).toBeGreaterThanOrEqual(0.15);
    expect(run.split!.heldOut.length).toBeGreaterThan(0);
    // Every candidate's scores are an ordinary eval run's, of the optimizer's source, over train and validation.
    const candidates = await listOptimizationCandidates(getDb(), { runId: id });
    expect(candidates.length).toBeGreaterThan(1);
    const evalRuns = await evalRunsOfOptimization(id);
    expect(evalRuns.every((r) => r.status === "completed" && r.source === "optimizer")).toBe(true);
    const view = await describeOptimization(ws.viewer, { runId: id });
    expect(view.candidates[0]!.validationScore).toBeGreaterThanOrEqual(view.candidates.at(-1)!.validationScore!);
    expect(view.progress!.bestByRound.length).toBeGreaterThan(1);
    // Candidates are drafts, not the version they were built on: they are neither the team's evaluations nor
    // points of v1's quality trend.
    expect(await listEvalRuns({ workspaceId: ws.workspace.id })).toEqual([]);
    expect(await countEvalRuns({ workspaceId: ws.workspace.id })).toBe(0);
    // Nor a source for a review queue (the e2e suite caught them crowding the team's runs out of that list).
    expect(await listReviewableEvalRuns(getDb(), { workspaceId: ws.workspace.id })).toEqual([]);
    expect(await latestCompletedTarget({ promptId: ws.promptId, version: 1 })).toBeNull();
    expect((await loadEvalDashboard(ws.viewer, { range: "all" })).points).toEqual([]);
  }, 60_000);

  it("reports no significant difference on the null task", async () => {
    const ws = await makeTicketWorkspace();
    const { id } = await ws.start({ taskModelId: "offline:ticket-triage-null" });
    expect(await driveOptimization({ runId: id, workerId: "w1", heartbeatMs: 200 })).toBe("completed");
    expect((await findOptimization(getDb(), { runId: id }))!.outcome!.heldOut.verdict).toBe("no significant difference");
  }, 60_000);
});
