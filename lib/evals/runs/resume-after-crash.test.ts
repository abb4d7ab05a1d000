// A worker process is SIGKILLed mid-run; a restarted process marks the run interrupted (stale heartbeat) and
// resumes it without repeating a finished case. Real processes, one shared SQLite file, real HTTP to the fixture.
import { describe, expect, it } from "vitest";
import { setUpFixtureLlmServer } from "@/lib/testing/fixture-llm";
import { getDb } from "@/db";
import { containsScorer, createRunOverCases, makeEvalWorkspace, resultsOf as results, waitFor } from "@/lib/testing/eval-runs";
import { expectResumedWithoutRepeats } from "@/lib/testing/resumed-run";
import { startTestProcess } from "@/lib/testing/test-process";
import { findEvalRun } from "./queries";

// Each call takes 30 ms, so the worker is killed with calls in flight.
const server = setUpFixtureLlmServer({ latencyMs: 30 });

const startWorkerProcess = (runId: string, env: Record<string, string> = {}) => startTestProcess("lib/testing/eval-worker-process.ts", [runId], env);

describe("a worker process killed mid-run", () => {
  it("is resumed by the next process without repeating finished cases", async () => {
    const ws = await makeEvalWorkspace({ fixtureUrl: server.url });
    const { id } = await createRunOverCases(ws, { cases: 60, scorers: [containsScorer("Echo")], concurrency: 4 });

    const first = startWorkerProcess(id);
    await waitFor(async () => (await results(id)).length >= 12, 30_000);
    first.child.kill("SIGKILL");
    await first.exited;
    const beforeCrash = await results(id);
    expect(beforeCrash.length).toBeLessThan(60);
    expect((await findEvalRun(getDb(), { runId: id }))!.status).toBe("running");

    // "Restart": a new process whose worker finds the heartbeat stale, marks the run interrupted and resumes it.
    // Stale after 2 s: ten of the worker's 200 ms heartbeats, so a loaded machine delaying a few of the new
    // process's own heartbeats never makes it take its live run for a dead one and start it twice.
    const second = startWorkerProcess(id, { EVAL_STALE_MS: "2000" });
    expect(await second.exited).toBe(0);

    const run = (await findEvalRun(getDb(), { runId: id }))!;
    expect(run.status).toBe("completed");
    // Results written before the crash are untouched, and the fixture saw each finished case exactly once; only the
    // calls in flight at the kill were sent again.
    const sent = await expectResumedWithoutRepeats({ runId: id, cases: 60, beforeStop: beforeCrash, llm: server });
    expect(sent).toBeGreaterThanOrEqual(60);
    expect(sent).toBeLessThanOrEqual(60 + 4);
  }, 60_000);
});
