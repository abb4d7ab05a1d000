// A worker process is SIGKILLed mid-run; a restarted process marks the run interrupted (stale heartbeat) and
// resumes it without repeating a finished case. Real processes, one shared SQLite file, real HTTP to the fixture.
import { REPO_ROOT } from "@/lib/testing/repo-root";
import { spawn, type ChildProcess } from "node:child_process";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFixtureLlmServer, type FixtureLlmServer } from "@/e2e/fixtures/llm-server";
import { getDb } from "@/db";
import { evalRunCases } from "@/db/schema";
import { containsScorer, makeDataset, makeEvalWorkspace, resultsOf as results, waitFor } from "@/lib/testing/eval-runs";
import { createEvalRun } from "./manage-runs";
import { findEvalRun } from "./queries";

let server: FixtureLlmServer;
beforeAll(async () => {
  // Each call takes 30 ms, so the worker is killed with calls in flight.
  server = await startFixtureLlmServer({ latencyMs: 30 });
});
afterAll(async () => {
  await server.close();
});

const root = REPO_ROOT;

function startWorkerProcess(runId: string, env: Record<string, string> = {}): { child: ChildProcess; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "lib/testing/eval-worker-process.ts", runId], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, exited };
}

describe("a worker process killed mid-run", () => {
  it("is resumed by the next process without repeating finished cases", async () => {
    const ws = makeEvalWorkspace({ fixtureUrl: server.url });
    const dataset = makeDataset({ workspaceId: ws.workspace.id, count: 60 });
    const { id } = createEvalRun(ws.editor, {
      datasetId: dataset.id,
      promptId: ws.promptId,
      targets: [{ version: 1 }],
      scorers: [containsScorer("Echo")],
      concurrency: 4,
    });

    const first = startWorkerProcess(id);
    await waitFor(() => results(id).length >= 12, 30_000);
    first.child.kill("SIGKILL");
    await first.exited;
    const beforeCrash = results(id);
    expect(beforeCrash.length).toBeLessThan(60);
    expect(findEvalRun(getDb(), { runId: id })!.status).toBe("running");

    // "Restart": a new process whose worker finds the heartbeat stale, marks the run interrupted and resumes it.
    // Stale after 2 s: ten of the worker's 200 ms heartbeats, so a loaded machine delaying a few of the new
    // process's own heartbeats never makes it take its live run for a dead one and start it twice.
    const second = startWorkerProcess(id, { EVAL_STALE_MS: "2000" });
    expect(await second.exited).toBe(0);

    const run = findEvalRun(getDb(), { runId: id })!;
    expect(run.status).toBe("completed");
    const after = results(id);
    expect(after).toHaveLength(60);
    expect(new Set(after.map((r) => r.runCaseId)).size).toBe(60);
    // Results written before the crash are untouched.
    const byId = new Map(after.map((r) => [r.id, r]));
    for (const r of beforeCrash) expect(byId.get(r.id)).toEqual(r);

    // The fixture saw each finished case exactly once; only the calls in flight at the kill were sent again.
    const cases = getDb().select().from(evalRunCases).where(eq(evalRunCases.runId, id)).all();
    const promptOf = new Map(cases.map((c) => [c.id, `Say hello to ${c.variables.name}.`]));
    for (const r of beforeCrash) expect(server.byPrompt.get(promptOf.get(r.runCaseId)!)).toBe(1);
    const sent = cases.reduce((sum, c) => sum + (server.byPrompt.get(promptOf.get(c.id)!) ?? 0), 0);
    expect(sent).toBeGreaterThanOrEqual(60);
    expect(sent).toBeLessThanOrEqual(60 + 4);
  }, 60_000);
});
