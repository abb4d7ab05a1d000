// The `promptops eval` CLI (bin/promptops.mjs) as CI runs it: a child process against a real HTTP API, with the
// worker running the evaluation in this process against the fixture LLM server.
import { REPO_ROOT } from "@/lib/testing/repo-root";
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { setUpEvalApi } from "@/lib/testing/eval-api";
import { containsScorer, makeDataset } from "@/lib/testing/eval-runs";

const api = setUpEvalApi();

beforeAll(async () => {
  const workspaceId = api.ws.workspace.id;
  // "Case 1" matches case 1 and case 10: 2 of 10 pass.
  await makeDataset({ workspaceId, name: "smoke", count: 10, defaultScorers: [containsScorer("Case 1")] });
  // No default scorers: case 1 passes its own assertion, case 2 fails its own, cases 3 and 4 carry none.
  await makeDataset({
    workspaceId,
    name: "partial",
    count: 4,
    caseAt: (i) => ({ variables: { name: `Case ${i}` }, assertions: i <= 2 ? [containsScorer(i === 1 ? "Case 1" : "Case 99", "assert-1")] : [] }),
  });
});

const root = REPO_ROOT;

function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ["bin/promptops.mjs", ...args], { cwd: root, env: { ...process.env, ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

const base = () => ["eval", "--url", api.baseUrl, "--prompt", "greet", "--version", "1", "--dataset", "smoke", "--poll-interval", "100"];

// Each test starts Node child processes that follow a real run: on a shared, loaded machine that alone can take
// longer than vitest's 5 s default, so the bound is generous (a hang still fails).
describe("promptops eval", { timeout: 60_000 }, () => {
  it("exits 0 at or above the threshold and writes JSON and JUnit reports", async () => {
    const dir = os.tmpdir();
    const json = path.join(dir, `promptops-${crypto.randomUUID()}.json`);
    const junit = path.join(dir, `promptops-${crypto.randomUUID()}.xml`);
    const result = await cli([...base(), "--min-pass-rate", "0.2", "--json", json, "--junit", junit], { PROMPTOPS_API_KEY: api.writeKey });
    expect(result.stderr).toContain("10/10 cases");
    expect(result.stdout).toContain("PASS: pass rate 20.0% ≥ 20.0%");
    expect(result.stdout).toMatch(/Pass rate\s+20\.0%/);
    expect(result.code).toBe(0);
    const report = JSON.parse(await readFile(json, "utf8")) as { run: { status: string }; results: unknown[] };
    expect(report.run.status).toBe("completed");
    expect(report.results).toHaveLength(10);
    const xml = await readFile(junit, "utf8");
    expect(xml).toContain('<testsuite name="greet v1 on smoke" tests="10" failures="8" errors="0"');
    expect(xml).toContain('<testcase classname="greet v1" name="case 2: name=Case 2"');
    expect(xml).toContain('<failure message="contains-1: Output does not contain &quot;Case 1&quot;.">');
  });

  it("exits 1 below the threshold", async () => {
    const result = await cli([...base(), "--api-key", api.writeKey, "--min-pass-rate", "90%"]);
    expect(result.stdout).toContain("FAIL: pass rate 20.0% < 90.0%");
    expect(result.code).toBe(1);
  });

  it("reports unscored cases apart: not in the pass rate, skipped in JUnit, never a pass", async () => {
    const junit = path.join(os.tmpdir(), `promptops-${crypto.randomUUID()}.xml`);
    const args = ["eval", "--url", api.baseUrl, "--prompt", "greet", "--version", "1", "--dataset", "partial", "--poll-interval", "100", "--api-key", api.writeKey, "--junit", junit];
    const half = await cli([...args, "--min-pass-rate", "0.5"]);
    expect(half.stdout).toMatch(/Unscored \(no scorer\)\s+2\s+not in the pass rate/);
    expect(half.stdout).toContain("PASS: pass rate 50.0% ≥ 50.0%");
    expect(half.code).toBe(0);
    const xml = await readFile(junit, "utf8");
    expect(xml).toContain('<testsuite name="greet v1 on partial" tests="4" failures="1" errors="0" skipped="2"');
    expect(xml).toContain('<testcase classname="greet v1" name="case 3: name=Case 3" time="');
    expect(xml.match(/<skipped message="unscored: the case has no scorer"\/>/g)).toHaveLength(2);
    const all = await cli([...args, "--min-pass-rate", "1"]);
    expect(all.stdout).toContain("FAIL: pass rate 50.0% < 100.0%");
    expect(all.code).toBe(1);
  });

  it("exits 2 on bad arguments, a read key, an unknown dataset and an unreachable studio", async () => {
    expect((await cli(["eval", "--prompt", "greet"], { PROMPTOPS_API_KEY: api.writeKey })).code).toBe(2);
    const readOnly = await cli([...base(), "--api-key", api.readKey]);
    expect(readOnly.code).toBe(2);
    expect(readOnly.stderr).toContain("HTTP 403");
    const unknown = await cli(["eval", "--url", api.baseUrl, "--prompt", "greet", "--dataset", "nope", "--api-key", api.writeKey]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('No dataset "nope"');
    const offline = await cli([...base(), "--api-key", api.writeKey, "--url", "http://127.0.0.1:9"]);
    expect(offline.code).toBe(2);
    expect(offline.stderr).toContain("Cannot reach the studio");
  });

  it("prints help and exits 0", async () => {
    const help = await cli(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: promptops eval");
  });
});
