// The `promptops optimize` CLI (bin/promptops.mjs, bin/optimize.mjs) as CI runs it: a child process against a real
// HTTP API, with the optimization worker running the run in this process on the offline simulated task.
import { execFile } from "node:child_process";
import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { optimizationRuns } from "@/db/schema";
import { REPO_ROOT } from "@/lib/testing/repo-root";
import { setUpOptimizerApi } from "@/lib/testing/optimizer-api";
import { cancelOptimization } from "./manage-optimizations";
import type { OptimizationView } from "./views";

const api = setUpOptimizerApi();

function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ["bin/promptops.mjs", ...args], { cwd: REPO_ROOT, env: { ...process.env, ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

const optimize = () => [
  "optimize",
  "--url",
  api.baseUrl,
  "--prompt",
  "ticket-triage",
  "--dataset",
  api.ws.dataset.name,
  "--task-model",
  "offline:ticket-triage",
  "--proposer-model",
  "offline:demo",
  "--candidates",
  "16",
  "--calls",
  "5000",
  "--cost",
  "10",
  "--minutes",
  "10",
  "--seed",
  "1",
  "--poll-interval",
  "100",
];

const latestCliRun = async () =>
  (await getDb().select().from(optimizationRuns).where(and(eq(optimizationRuns.workspaceId, api.ws.workspace.id), eq(optimizationRuns.source, "cli"))).orderBy(desc(optimizationRuns.createdAt)).limit(1))[0];

const percent = (rate: number) => `${(rate * 100).toFixed(1)}%`;

// Each test follows a real optimization from a Node child process: generous bounds for a loaded machine (a hang still fails).
describe("promptops optimize", { timeout: 60_000 }, () => {
  it("follows the run round by round, then prints the leaderboard and the stored held-out verdict, and exits 0", async () => {
    const result = await cli(optimize(), { PROMPTOPS_API_KEY: api.writeKey });
    expect(result.stderr).toMatch(/Started optimization [0-9a-f-]{36} of ticket-triage v1/);
    expect(result.stderr).toMatch(/round 1\/4 · best validation \d+\.\d% · \d+ candidates · \d+ calls/);
    expect(result.code).toBe(0);
    const run = (await latestCliRun())!;
    expect(run.status).toBe("completed");
    const { heldOut } = run.outcome!;
    expect(heldOut.verdict).toBe("better");
    expect(result.stdout).toContain(`Held-out (${heldOut.cases} cases): baseline ${percent(heldOut.baseline)} → best ${percent(heldOut.best)}`);
    expect(result.stdout).toMatch(/Verdict: better \(McNemar, p = [\d.e-]+\)/);
    expect(result.stdout).toMatch(/^#\s+Candidate\s+Origin\s+Round\s+Validation/m);
    const rows = result.stdout.split("\n").filter((line) => /^[1-5]\s/.test(line));
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.length).toBeLessThanOrEqual(5);
    expect(rows[0]).toContain("best");
    // The baseline is shown with its rank even when it is not in the top 5.
    expect(result.stdout).toMatch(/^\d+\s+[0-9a-f]{8}\s+baseline\s+0\s.*baseline$/m);
  });

  it("prints the final optimization as JSON with --json", async () => {
    const result = await cli([...optimize(), "--json", "--api-key", api.writeKey]);
    expect(result.code).toBe(0);
    const view = JSON.parse(result.stdout) as OptimizationView;
    expect(view).toMatchObject({ status: "completed", source: "cli", prompt: { name: "ticket-triage" }, outcome: { heldOut: { verdict: "better" } } });
    expect(view.metric).toEqual([{ key: "equals", type: "equals", weight: 1 }]);
    expect(view.id).toBe((await latestCliRun())!.id);
  });

  it("exits 1 when the optimization is cancelled while it runs", async () => {
    const running = cli(optimize(), { PROMPTOPS_API_KEY: api.writeKey });
    let run = await latestCliRun();
    const before = run?.id;
    while (!run || run.id === before || run.status !== "running") {
      await new Promise((resolve) => setTimeout(resolve, 50));
      run = await latestCliRun();
    }
    await cancelOptimization(api.ws.editor, { runId: run.id });
    const result = await running;
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("the optimization cancelled");
  });

  it("exits 2 with the studio's message for a bad key, a read key, an unknown dataset and bad arguments", async () => {
    const badKey = await cli([...optimize(), "--api-key", "pos_not-a-key"]);
    expect(badKey.code).toBe(2);
    expect(badKey.stderr).toContain("(HTTP 401). Check the API key.");
    const readOnly = await cli([...optimize(), "--api-key", api.readKey]);
    expect(readOnly.code).toBe(2);
    expect(readOnly.stderr).toContain("(HTTP 403). The key needs the read-write scope to start, cancel or save optimizations.");
    const unknown = await cli(["optimize", "--url", api.baseUrl, "--prompt", "ticket-triage", "--dataset", "nope", "--api-key", api.writeKey]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('No dataset "nope" in this workspace. (HTTP 404)');
    const overCap = await cli([...optimize(), "--candidates", "201", "--api-key", api.writeKey]);
    expect(overCap.code).toBe(2);
    expect(overCap.stderr).toContain("--candidates must be a whole number from 1 to 200.");
    expect((await cli(["optimize", "--dataset", "x"], { PROMPTOPS_API_KEY: api.writeKey })).stderr).toContain("--prompt is required.");
  });

  it("prints its help and exits 0", async () => {
    const help = await cli(["optimize", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: promptops optimize");
    expect((await cli(["--help"])).stdout).toMatch(/Usage: promptops eval[\s\S]*Usage: promptops optimize/);
  });
});
