// `npm run bench:evals`: 1,000 cases at concurrency 16 against the fixture LLM server answering each call after
// 50 ms, scored with `contains`. In one run, side by side:
//   - the floor: a plain fetch loop with 16 workers (no framework at all);
//   - the studio's runner (createEvalRun + executeEvalRun: render, streamCompletion without streaming, scorers, one
//     SQLite commit per case), in this process with no Next.js in the loop, as the server's worker runs it (the
//     fixture server runs in a process of its own, like a real model server);
//   - promptfoo 0.123.1 `eval -j 16 --no-cache` on the same cases and assertion against the same server, installed
//     by this script into a temporary folder (not a project dependency) and run with Node 24 from the `node` npm
//     package, because promptfoo needs Node >= 22.22.
// Reports wall time against the ideal (cases × latency / concurrency), the studio's per-case overhead and CPU, and
// whether both gave the same verdict per case. Each round also runs the studio's runner once more with the dashboards'
// rollup triggers dropped (and put back after), so the write cost the rollups add per case is measured in the same run. A benchmark reports numbers; it asserts nothing.
// Options (env): BENCH_CASES (1000), BENCH_CONCURRENCY (16), BENCH_LATENCY_MS (50), BENCH_REPEAT (3),
// BENCH_SKIP_PROMPTFOO=1, BENCH_PROMPTFOO_DIR (default <tmp>/promptops-bench-promptfoo, reused between runs).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-evals-"));
process.env.DATABASE_URL = path.join(dir, "bench.db");
process.env.LOG_LEVEL ??= "warn";

const CASES = Number(process.env.BENCH_CASES ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);
const PROMPTFOO_VERSION = "0.123.1";
const PROMPTFOO_DIR = process.env.BENCH_PROMPTFOO_DIR ?? path.join(os.tmpdir(), "promptops-bench-promptfoo");
const NEEDLE = "Case 1";
const TEMPLATE = "Say hello to {{name}}.";
const FIXTURE_PORT = Number(process.env.BENCH_FIXTURE_PORT ?? 4310);
const IDEAL_S = (CASES * LATENCY_MS) / CONCURRENCY / 1000;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const s = (x: number) => `${x.toFixed(2)} s`;
const caseName = (i: number) => `Case ${i}`;

/**
 * The fixture server runs in its own process, like a real model server: in this process its SSE work would compete
 * with the runner for the one JavaScript thread (promptfoo, a separate process, would not pay that).
 */
async function startFixtureProcess(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ["--import", "tsx", "e2e/fixtures/llm-server-cli.ts"], {
    cwd: path.resolve(__dirname, ".."),
    env: { ...process.env, PORT: String(FIXTURE_PORT), FIXTURE_LATENCY_MS: String(LATENCY_MS) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = `http://127.0.0.1:${FIXTURE_PORT}/v1`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the fixture server exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/models`)).ok) return { url, child };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the fixture server did not start within 30 s");
}

/** The practical floor: 16 workers each awaiting one plain fetch at a time. */
async function plainFetchLoop(url: string): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < CASES) {
        const i = ++next;
        const response = await fetch(`${url}/chat/completions`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ model: "echo", messages: [{ role: "user", content: TEMPLATE.replace("{{name}}", caseName(i)) }] }),
        });
        await response.json();
      }
    }),
  );
  return (performance.now() - started) / 1000;
}

function ensurePromptfoo(): { node: string; cli: string } | { error: string } {
  const node = path.join(PROMPTFOO_DIR, "node_modules", "node", "bin", "node");
  const cli = path.join(PROMPTFOO_DIR, "node_modules", "promptfoo", "dist", "src", "main.js");
  const installed = (() => {
    try {
      return JSON.parse(fs.readFileSync(path.join(PROMPTFOO_DIR, "node_modules", "promptfoo", "package.json"), "utf8")).version === PROMPTFOO_VERSION;
    } catch {
      return false;
    }
  })();
  if (!installed || !fs.existsSync(node)) {
    console.log(`Installing promptfoo@${PROMPTFOO_VERSION} and node@24 into ${PROMPTFOO_DIR} (first run only)…`);
    fs.mkdirSync(PROMPTFOO_DIR, { recursive: true });
    if (!fs.existsSync(path.join(PROMPTFOO_DIR, "package.json"))) fs.writeFileSync(path.join(PROMPTFOO_DIR, "package.json"), '{"name":"bench-promptfoo","private":true}\n');
    const install = spawnSync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", `promptfoo@${PROMPTFOO_VERSION}`, "node@24"], { cwd: PROMPTFOO_DIR, stdio: "inherit" });
    if (install.status !== 0) return { error: `npm install failed with code ${install.status}` };
  }
  if (!fs.existsSync(cli)) {
    const pkg = JSON.parse(fs.readFileSync(path.join(PROMPTFOO_DIR, "node_modules", "promptfoo", "package.json"), "utf8")) as { bin?: Record<string, string> | string };
    const bin = typeof pkg.bin === "string" ? pkg.bin : (pkg.bin?.promptfoo ?? "");
    return { node, cli: path.join(PROMPTFOO_DIR, "node_modules", "promptfoo", bin) };
  }
  return { node, cli };
}

/** promptfoo on the same cases and assertion; returns wall time and its verdict per case name. */
function runPromptfoo(fixtureUrl: string): { seconds: number; verdicts: Map<string, boolean>; evalSeconds: number | null } | { error: string } {
  const found = ensurePromptfoo();
  if ("error" in found) return found;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "bench-promptfoo-run-"));
  const tests = Array.from({ length: CASES }, (_, k) => ({ vars: { name: caseName(k + 1) }, assert: [{ type: "contains", value: NEEDLE }] }));
  const config = {
    description: "bench:evals",
    prompts: [TEMPLATE],
    providers: [{ id: "openai:chat:echo", config: { apiBaseUrl: fixtureUrl, apiKey: "fixture" } }],
    tests,
  };
  fs.writeFileSync(path.join(work, "promptfooconfig.json"), JSON.stringify(config));
  const output = path.join(work, "out.json");
  const env = {
    ...process.env,
    PROMPTFOO_DISABLE_TELEMETRY: "1",
    PROMPTFOO_DISABLE_UPDATE: "1",
    PROMPTFOO_DISABLE_SHARING: "1",
    // Kept between runs, so promptfoo's first-run setup (its own SQLite migrations) is not counted.
    PROMPTFOO_CONFIG_DIR: path.join(PROMPTFOO_DIR, ".promptfoo"),
    OPENAI_API_KEY: "fixture",
    NODE_OPTIONS: "",
  };
  const started = performance.now();
  const result = spawnSync(found.node, [found.cli, "eval", "-c", "promptfooconfig.json", "-j", String(CONCURRENCY), "--no-cache", "--no-progress-bar", "--no-table", "-o", output], {
    cwd: work,
    env,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  if (!fs.existsSync(output)) return { error: `promptfoo exited ${result.status} without results:\n${(result.stderr || result.stdout).slice(-2000)}` };
  const parsed = JSON.parse(fs.readFileSync(output, "utf8")) as {
    results: { results: { vars: { name: string }; success: boolean }[]; stats?: { durationMs?: number } };
  };
  const verdicts = new Map(parsed.results.results.map((r) => [r.vars.name, r.success]));
  const durationMs = parsed.results.stats?.durationMs;
  return { seconds, verdicts, evalSeconds: typeof durationMs === "number" ? durationMs / 1000 : null };
}

async function main() {
  const [{ getDb, getSqlite }, { evalResults, evalRunCases }, { eq }, testing, { createEvalRun }, { executeEvalRun }] = await Promise.all([
    import("../db"),
    import("../db/schema"),
    import("drizzle-orm"),
    import("../lib/testing/eval-runs"),
    import("../lib/evals/runs/manage-runs"),
    import("../lib/evals/runs/runner"),
  ]);
  const server = await startFixtureProcess();
  console.log(`bench:evals: ${CASES} cases, concurrency ${CONCURRENCY}, fixture latency ${LATENCY_MS} ms, contains "${NEEDLE}"; ideal ${s(IDEAL_S)}\n`);

  const ws = await testing.makeEvalWorkspace({ fixtureUrl: server.url });
  const dataset = await testing.makeDataset({ workspaceId: ws.workspace.id, count: CASES });

  // Warm-up: JIT, connection pool, prepared statements.
  await plainFetchLoop(server.url);
  const warm = await createEvalRun(ws.editor, { datasetId: dataset.id, promptId: ws.promptId, targets: [{ version: 1 }], scorers: [testing.containsScorer(NEEDLE)], concurrency: CONCURRENCY });
  await executeEvalRun({ runId: warm.id, workerId: "bench" });

  const floor: number[] = [];
  const studio: number[] = [];
  const cpu: number[] = [];
  const withoutRollups = { wall: [] as number[], cpu: [] as number[] };
  let lastRunId = "";
  const sqlite = getSqlite();
  const rollupTriggers = sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%rollup%'").all() as { name: string; sql: string }[];
  const studioRun = async () => {
    const { id } = await createEvalRun(ws.editor, { datasetId: dataset.id, promptId: ws.promptId, targets: [{ version: 1 }], scorers: [testing.containsScorer(NEEDLE)], concurrency: CONCURRENCY });
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const outcome = await executeEvalRun({ runId: id, workerId: "bench" });
    const wall = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpuBefore);
    if (outcome !== "completed") throw new Error(`the studio's run ended ${outcome}`);
    return { id, wall, cpu: (used.user + used.system) / 1000 / CASES };
  };
  for (let r = 0; r < REPEAT; r++) {
    floor.push(await plainFetchLoop(server.url));
    const run = await studioRun();
    studio.push(run.wall);
    cpu.push(run.cpu);
    lastRunId = run.id;
    for (const trigger of rollupTriggers) sqlite.exec(`DROP TRIGGER "${trigger.name}"`);
    try {
      const bare = await studioRun();
      withoutRollups.wall.push(bare.wall);
      withoutRollups.cpu.push(bare.cpu);
    } finally {
      for (const trigger of rollupTriggers) sqlite.exec(trigger.sql);
    }
  }

  const db = getDb();
  const rows = db
    .select({ status: evalResults.status, variables: evalRunCases.variables })
    .from(evalResults)
    .innerJoin(evalRunCases, eq(evalRunCases.id, evalResults.runCaseId))
    .where(eq(evalResults.runId, lastRunId))
    .all();
  const studioVerdicts = new Map(rows.map((row) => [row.variables.name!, row.status === "passed"]));
  const studioWall = median(studio);
  const overheadMs = ((studioWall - IDEAL_S) * 1000 * CONCURRENCY) / CASES;

  console.log("| Runner | Wall time (median) | vs ideal |");
  console.log("| --- | --- | --- |");
  console.log(`| plain fetch loop, ${CONCURRENCY} workers (floor) | ${s(median(floor))} | ${(median(floor) / IDEAL_S).toFixed(2)}× |`);
  console.log(`| studio runner (render, call, score, commit per case) | ${s(studioWall)} | ${(studioWall / IDEAL_S).toFixed(2)}× |`);

  let promptfoo: ReturnType<typeof runPromptfoo> | null = null;
  if (process.env.BENCH_SKIP_PROMPTFOO !== "1") {
    promptfoo = runPromptfoo(server.url);
    if ("error" in promptfoo) console.log(`| promptfoo ${PROMPTFOO_VERSION} | failed: ${promptfoo.error} | |`);
    else {
      const evalPart = promptfoo.evalSeconds === null ? "" : ` (${s(promptfoo.evalSeconds)} of eval)`;
      console.log(`| promptfoo ${PROMPTFOO_VERSION} -j ${CONCURRENCY} --no-cache (Node 24) | ${s(promptfoo.seconds)}${evalPart} | ${(promptfoo.seconds / IDEAL_S).toFixed(2)}× |`);
    }
  }

  console.log("");
  console.log(`Studio per-case overhead: ${overheadMs.toFixed(2)} ms of slot time beyond the ${LATENCY_MS} ms call ((wall − ideal) × concurrency / cases)`);
  console.log(`Studio CPU per case: ${median(cpu).toFixed(2)} ms (user + system of the runner's process)`);
  const added = (median(cpu) / median(withoutRollups.cpu) - 1) * 100;
  console.log(
    `Without the rollup triggers: CPU per case ${median(withoutRollups.cpu).toFixed(2)} ms, wall ${s(median(withoutRollups.wall))}; ` +
      `the rollups add ${added.toFixed(1)}% CPU per case (target < 15%) and ${((studioWall / median(withoutRollups.wall) - 1) * 100).toFixed(1)}% wall time`,
  );
  console.log(`Studio runs: ${studio.map(s).join(", ")}; floor runs: ${floor.map(s).join(", ")}`);
  console.log(`Studio pass count: ${[...studioVerdicts.values()].filter(Boolean).length} / ${studioVerdicts.size}`);
  if (promptfoo && !("error" in promptfoo)) {
    const disagreements = [...studioVerdicts].filter(([name, passed]) => promptfoo.verdicts.get(name) !== passed).map(([name]) => name);
    console.log(
      `Same verdict per case as promptfoo: ${disagreements.length === 0 && promptfoo.verdicts.size === studioVerdicts.size ? "yes" : "no"} ` +
        `(${studioVerdicts.size - disagreements.length} of ${studioVerdicts.size} agree${disagreements.length ? `; differ: ${disagreements.slice(0, 10).join(", ")}` : ""})`,
    );
    console.log(`Studio vs promptfoo wall time: ${(studioWall / promptfoo.seconds).toFixed(2)}× (lower is faster)`);
  }
  console.log(`Targets: within 1.15× of ideal (${(studioWall / IDEAL_S).toFixed(2)}×), faster than promptfoo.`);
  server.child.kill("SIGTERM");
  fs.rmSync(dir, { recursive: true, force: true });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
