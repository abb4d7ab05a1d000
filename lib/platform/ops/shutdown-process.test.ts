// SIGTERM to a real server process mid-run (booted like the studio: lib/boot/boot.ts, and shut down like server.ts):
// its eval run is handed back as "interrupted" at once, so the next process resumes it on its first poll instead of
// waiting 30 s for the heartbeat to go stale, and no finished case is run twice. Real SQLite file shared by the
// processes, real HTTP to the fixture LLM server.
import { describe, expect, it } from "vitest";
import { setUpFixtureLlmServer } from "@/lib/testing/fixture-llm";
import { getDb } from "@/db";
import { findEvalRun } from "@/lib/evals/runs/queries";
import { containsScorer, createRunOverCases, makeEvalWorkspace, resultsOf as results, waitFor } from "@/lib/testing/eval-runs";
import { expectResumedWithoutRepeats } from "@/lib/testing/resumed-run";
import { startTestProcess } from "@/lib/testing/test-process";

const llm = setUpFixtureLlmServer({ latencyMs: 40 });

const startServerProcess = (args: string[]) => startTestProcess("lib/testing/boot-process.ts", args, { SHUTDOWN_GRACE_MS: "10000" });

describe("SIGTERM to a server process with an eval run in flight", () => {
  it("marks the run interrupted, and a restart resumes it at once without repeating a finished case", async () => {
    const ws = await makeEvalWorkspace({ fixtureUrl: llm.url });
    const { id } = await createRunOverCases(ws, { cases: 80, scorers: [containsScorer("Echo")], concurrency: 4 });

    const first = startServerProcess([]);
    await waitFor(async () => (await results(id)).length >= 12, 30_000);
    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);

    const run = (await findEvalRun(getDb(), { runId: id }))!;
    expect(run).toMatchObject({ status: "interrupted", workerId: null });
    const beforeStop = await results(id);
    expect(beforeStop.length).toBeLessThan(80);

    // The restart's worker claims the run on its first poll. Its stale-heartbeat rule (30 s after the last heartbeat)
    // never comes into it: once booted, the process finishes the run well before that.
    const second = startServerProcess([id]);
    await waitFor(() => second.stdout().includes("booted"), 60_000);
    const booted = Date.now();
    expect(await second.exited).toBe(0);
    expect(Date.now() - booted).toBeLessThan(20_000);

    expect((await findEvalRun(getDb(), { runId: id }))!.status).toBe("completed");
    // Each case finished before the shutdown reached the model once; only calls cut by the shutdown were sent again.
    const sent = await expectResumedWithoutRepeats({ runId: id, cases: 80, beforeStop, llm });
    expect(sent).toBeLessThanOrEqual(80 + 4);
  }, 90_000);
});
