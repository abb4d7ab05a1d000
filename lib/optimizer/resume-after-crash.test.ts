// A process driving an optimization is SIGKILLed mid-run; a restarted process finds its heartbeat stale, resumes it
// from what is stored, and finishes with no candidate evaluated twice and the same result as a run never stopped.
// Real processes, one shared SQLite file, the offline simulated task model.
import { and, eq, isNotNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { evalRuns, optimizationCandidates } from "@/db/schema";
import { waitFor } from "@/lib/testing/eval-runs";
import { evalRunsOfOptimization, evaluationsPerCandidateCase, makeTicketWorkspace } from "@/lib/testing/optimizer";
import { startTestProcess } from "@/lib/testing/test-process";
import { driveOptimization } from "./drive";
import { findOptimization, listOptimizationCandidates } from "./queries";

const startWorkerProcess = (runId: string, env: Record<string, string> = {}) => startTestProcess("lib/testing/optimizer-worker-process.ts", [runId], env);

const scoredCandidates = async (runId: string) =>
  (await getDb().select().from(optimizationCandidates).where(and(eq(optimizationCandidates.runId, runId), isNotNull(optimizationCandidates.validationScore)))).length;

describe("an optimization whose process is killed mid-run", () => {
  it("is resumed by the next process, evaluating no candidate twice, with the result of an uninterrupted run", async () => {
    const ws = await makeTicketWorkspace();
    const { id } = await ws.start();

    const first = startWorkerProcess(id);
    await waitFor(async () => (await scoredCandidates(id)) >= 4, 40_000);
    first.child.kill("SIGKILL");
    await first.exited;
    const before = await findOptimization(getDb(), { runId: id });
    expect(before!.status).toBe("running");
    const scoredBefore = await listOptimizationCandidates(getDb(), { runId: id });

    // "Restart": stale after 2 s, ten of the dead process's 200 ms heartbeats.
    const second = startWorkerProcess(id, { OPTIMIZER_STALE_MS: "2000" });
    expect(await second.exited).toBe(0);
    const run = (await findOptimization(getDb(), { runId: id }))!;
    expect(run.status).toBe("completed");

    // Each candidate has one eval run per phase, and the workspace has no other optimizer eval run: nothing was
    // started twice. Each (candidate, case) has one result.
    const referenced = await evalRunsOfOptimization(id);
    const all = await getDb().select().from(evalRuns).where(and(eq(evalRuns.workspaceId, ws.workspace.id), eq(evalRuns.source, "optimizer")));
    expect(all.map((r) => r.id).sort()).toEqual(referenced.map((r) => r.id).sort());
    expect([...(await evaluationsPerCandidateCase(id)).values()].every((times) => times === 1)).toBe(true);
    // What was scored before the crash was kept as it was.
    const after = new Map((await listOptimizationCandidates(getDb(), { runId: id })).map((c) => [c.key, c]));
    for (const c of scoredBefore.filter((c) => c.validationScore !== null)) {
      expect(after.get(c.key)!.searchEvalRunId).toBe(c.searchEvalRunId);
      expect(after.get(c.key)!.validationScore).toBe(c.validationScore);
    }

    // The same settings, never interrupted: the same candidates, scores and verdict.
    const again = await ws.start();
    expect(await driveOptimization({ runId: again.id, workerId: "w2", heartbeatMs: 200 })).toBe("completed");
    const uninterrupted = (await findOptimization(getDb(), { runId: again.id }))!;
    const board = async (runId: string) => (await listOptimizationCandidates(getDb(), { runId })).map((c) => [c.key, c.trainScore, c.validationScore, c.heldOutScore]).sort();
    expect(await board(id)).toEqual(await board(again.id));
    expect(run.outcome!.heldOut).toEqual(uninterrupted.outcome!.heldOut);
    expect(run.split).toEqual(uninterrupted.split);
  }, 90_000);
});
