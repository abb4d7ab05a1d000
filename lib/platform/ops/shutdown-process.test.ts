// SIGTERM to a real server process mid-run (booted like the studio: lib/boot/boot.ts, and shut down like server.ts):
// its eval run is handed back as "interrupted" at once, so the next process resumes it on its first poll instead of
// waiting 30 s for the heartbeat to go stale, and no finished case is run twice. Real SQLite file shared by the
// processes, real HTTP to the fixture LLM server.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFixtureLlmServer, type FixtureLlmServer } from "@/e2e/fixtures/llm-server";
import { getDb } from "@/db";
import { evalRunCases } from "@/db/schema";
import { createEvalRun } from "@/lib/evals/runs/manage-runs";
import { findEvalRun } from "@/lib/evals/runs/queries";
import { containsScorer, makeDataset, makeEvalWorkspace, resultsOf as results, waitFor } from "@/lib/testing/eval-runs";

let llm: FixtureLlmServer;
beforeAll(async () => {
  llm = await startFixtureLlmServer({ latencyMs: 40 });
});
afterAll(async () => {
  await llm.close();
});

const root = path.resolve(__dirname, "../..");

function startServerProcess(args: string[]): { child: ChildProcess; exited: Promise<number | null>; stdout: () => string } {
  let stdout = "";
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "lib/testing/boot-process.ts", ...args], {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: "warn", SHUTDOWN_GRACE_MS: "10000" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, exited, stdout: () => stdout };
}

describe("SIGTERM to a server process with an eval run in flight", () => {
  it("marks the run interrupted, and a restart resumes it at once without repeating a finished case", async () => {
    const ws = makeEvalWorkspace({ fixtureUrl: llm.url });
    const dataset = makeDataset({ workspaceId: ws.workspace.id, count: 80 });
    const { id } = createEvalRun(ws.editor, { datasetId: dataset.id, promptId: ws.promptId, targets: [{ version: 1 }], scorers: [containsScorer("Echo")], concurrency: 4 });

    const first = startServerProcess([]);
    await waitFor(() => results(id).length >= 12, 30_000);
    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);

    const run = findEvalRun(getDb(), { runId: id })!;
    expect(run).toMatchObject({ status: "interrupted", workerId: null });
    const beforeStop = results(id);
    expect(beforeStop.length).toBeLessThan(80);

    // The restart's worker claims the run on its first poll. Its stale-heartbeat rule (30 s after the last heartbeat)
    // never comes into it: once booted, the process finishes the run well before that.
    const second = startServerProcess([id]);
    await waitFor(() => second.stdout().includes("booted"), 60_000);
    const booted = Date.now();
    expect(await second.exited).toBe(0);
    expect(Date.now() - booted).toBeLessThan(20_000);

    expect(findEvalRun(getDb(), { runId: id })!.status).toBe("completed");
    const after = results(id);
    expect(after).toHaveLength(80);
    expect(new Set(after.map((r) => r.runCaseId)).size).toBe(80);
    const byId = new Map(after.map((r) => [r.id, r]));
    for (const r of beforeStop) expect(byId.get(r.id)).toEqual(r);

    // Each case finished before the shutdown reached the model once; only calls cut by the shutdown were sent again.
    const cases = getDb().select().from(evalRunCases).where(eq(evalRunCases.runId, id)).all();
    const promptOf = new Map(cases.map((c) => [c.id, `Say hello to ${c.variables.name}.`]));
    for (const r of beforeStop) expect(llm.byPrompt.get(promptOf.get(r.runCaseId)!)).toBe(1);
    const sent = cases.reduce((sum, c) => sum + (llm.byPrompt.get(promptOf.get(c.id)!) ?? 0), 0);
    expect(sent).toBeLessThanOrEqual(80 + 4);
  }, 90_000);
});
