// The per-process worker: it picks up queued runs, hands its runs back as "interrupted" when the process shuts
// down, and the next worker resumes them. Real SQLite, real HTTP to a fixture server that answers after 20 ms.
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { containsScorer, createRunOverCases, makeEvalWorkspace, resultsOf as results, waitFor } from "@/lib/testing/eval-runs";
import { setUpFixtureLlmServer } from "@/lib/testing/fixture-llm";
import { findEvalRun } from "./queries";
import { evalWorkerIdle, startEvalWorker, stopEvalWorker } from "./worker";

const server = setUpFixtureLlmServer({ latencyMs: 20 });
afterAll(async () => {
  await stopEvalWorker();
});

describe("the eval worker", () => {
  it("runs what is queued, releases its run on shutdown, and the next worker finishes it", async () => {
    const ws = await makeEvalWorkspace({ fixtureUrl: server.url });
    startEvalWorker({ pollMs: 50, heartbeatMs: 100 });
    const { id } = await createRunOverCases(ws, { cases: 40, scorers: [containsScorer("Echo")], concurrency: 2 });
    await waitFor(async () => (await results(id)).length >= 6);

    await stopEvalWorker();
    expect(await findEvalRun(getDb(), { runId: id })).toMatchObject({ status: "interrupted", workerId: null });
    // A stopped worker stays stopped: the end of its run used to schedule one more poll, which claimed the run
    // straight back and went on executing it during the shutdown.
    for (let turn = 0; turn < 3; turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(await findEvalRun(getDb(), { runId: id })).toMatchObject({ status: "interrupted", workerId: null });
    const before = (await results(id)).length;
    expect(before).toBeLessThan(40);

    startEvalWorker({ pollMs: 50, heartbeatMs: 100 });
    await waitFor(async () => (await findEvalRun(getDb(), { runId: id }))?.status === "completed");
    await evalWorkerIdle();
    const after = await results(id);
    expect(after).toHaveLength(40);
    expect(new Set(after.map((r) => r.runCaseId)).size).toBe(40);
  }, 30_000);

  it("a heartbeat in flight when the worker stops does not put the handed-back run back to running", async () => {
    const ws = await makeEvalWorkspace({ fixtureUrl: server.url });
    const { id } = await createRunOverCases(ws, { cases: 200, scorers: [containsScorer("Echo")], concurrency: 2 });
    // A beat every millisecond is nearly always in flight, so each stop races one: a beat waiting for the row lock
    // of the worker's own release (Postgres) used to mark the run "running" again under the stopped worker.
    for (let round = 0; round < 8; round++) {
      startEvalWorker({ pollMs: 50, heartbeatMs: 1 });
      const before = (await results(id)).length;
      await waitFor(async () => (await results(id)).length >= before + 2);
      await stopEvalWorker();
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(await findEvalRun(getDb(), { runId: id })).toMatchObject({ status: "interrupted", workerId: null });
    }
  }, 30_000);
});
