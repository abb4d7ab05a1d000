// `npm run bench:optimize`: the optimizer on the simulated ticket-triage task (lib/platform/models/simulated-task),
// through the studio's real path: startOptimization + driveOptimization, every candidate an eval run in SQLite,
// the offline models answering after their usual ~15 ms. In one run:
//   - the weak baseline, and instruction search, few-shot selection and both, each with a budget of 400 task-model
//     calls (the target), same dataset, same seed, so the same split;
//   - per strategy: held-out score with its 95% Wilson interval, the difference with its test and verdict, calls,
//     simulated cost, wall time, and the optimizer's overhead next to a BARE LOOP of the same eval calls: the same
//     rendered prompts sent straight to the same model (streamCompletion, concurrency as the runner's), grouped as the
//     runs were (one group per eval run, one after another), with no database and no optimizer;
//   - the null task (a model that ignores the prompt) over 20 seeds: how many report "better".
// A benchmark reports; it asserts nothing. Options (env): BENCH_CASES (120), BENCH_CALLS (400), BENCH_NULL_SEEDS (20).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-optimize-"));
process.env.DATABASE_URL = path.join(dir, "bench.db");
process.env.LOG_LEVEL ??= "warn";

const CASES = Number(process.env.BENCH_CASES ?? 120);
const CALLS = Number(process.env.BENCH_CALLS ?? 400);
const NULL_SEEDS = Number(process.env.BENCH_NULL_SEEDS ?? 20);
const CONCURRENCY = 16;
const SEED = 1;

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const pad = (text: string, width: number) => text.padEnd(width);

async function main() {
  const { getDb } = await import("@/db");
  const { eq } = await import("drizzle-orm");
  const { evalResults, evalRuns } = await import("@/db/schema");
  const { driveOptimization } = await import("@/lib/optimizer/drive");
  const { findOptimization } = await import("@/lib/optimizer/queries");
  const { makeTicketWorkspace } = await import("@/lib/testing/optimizer");
  const { evalRunsOfOptimization } = await import("@/lib/testing/optimizer");
  const { wilsonInterval } = await import("@/lib/core/stats/wilson");
  const { streamCompletion } = await import("@/lib/platform/models/stream-completion");
  const { getWorkspaceModel } = await import("@/lib/platform/providers/workspace-model");
  const { drainQueue } = await import("@/lib/evals/runs/pool");

  const ws = await makeTicketWorkspace({ cases: CASES, seed: 5 });
  const budget = { candidates: 200, modelCalls: CALLS, costUsd: 10, wallMinutes: 30 };

  /** The same calls as the optimization's eval runs, straight to the model: one group per eval run, in order. */
  async function bareLoop(runId: string): Promise<number> {
    const model = await getWorkspaceModel({ workspaceId: ws.workspace.id, modelId: "offline:ticket-triage" });
    const groups: string[][] = [];
    for (const run of (await evalRunsOfOptimization(runId)).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())) {
      const rows = await getDb().select({ input: evalResults.renderedInput }).from(evalResults).where(eq(evalResults.runId, run.id));
      groups.push(rows.map((r) => r.input));
    }
    const started = performance.now();
    for (const inputs of groups) {
      let next = 0;
      await drainQueue({
        next: async () => (next < inputs.length ? inputs[next++]! : null),
        concurrency: CONCURRENCY,
        task: async (input) => {
          await streamCompletion({ ...model, messages: [{ role: "user", content: input }], stream: false });
        },
      });
    }
    return performance.now() - started;
  }

  console.log(`bench:optimize — simulated ticket triage, ${CASES} cases (split 40/30/30, seed ${SEED}), budget ${CALLS} task-model calls, concurrency ${CONCURRENCY}\n`);
  const rows: string[][] = [];
  let baselineShown = false;
  let bothSummary = "";
  for (const strategy of ["instruction", "few-shot", "both"] as const) {
    const { id } = await ws.start({ strategy, budget, seed: SEED, concurrency: CONCURRENCY });
    const started = performance.now();
    await driveOptimization({ runId: id, workerId: "bench" });
    const wallMs = performance.now() - started;
    const run = (await findOptimization(getDb(), { runId: id }))!;
    const outcome = run.outcome!;
    const { heldOut, spent } = outcome;
    const n = heldOut.cases;
    if (!baselineShown) {
      const base = wilsonInterval(Math.round(heldOut.baseline * n), n);
      rows.push(["baseline", pct(heldOut.baseline), `${pct(base.low)}–${pct(base.high)}`, "", "", "", "", "", ""]);
      baselineShown = true;
    }
    const best = wilsonInterval(Math.round(heldOut.best * n), n);
    const bareMs = await bareLoop(id);
    const evalRunCount = (await evalRunsOfOptimization(id)).length;
    const overhead = (wallMs - bareMs) / bareMs;
    const candidates = spent.candidates + 1;
    const significance = heldOut.pValue !== null ? `p=${heldOut.pValue.toPrecision(2)}` : heldOut.interval ? `CI ${heldOut.interval.low.toFixed(3)}..${heldOut.interval.high.toFixed(3)}` : "";
    rows.push([
      strategy,
      pct(heldOut.best),
      `${pct(best.low)}–${pct(best.high)}`,
      `${((heldOut.best - heldOut.baseline) * 100).toFixed(1)} pts, ${significance}, ${heldOut.verdict}`,
      `${spent.modelCalls} calls, $${spent.costUsd.toFixed(4)}`,
      `${(wallMs / 1000).toFixed(2)} s`,
      `${(bareMs / 1000).toFixed(2)} s`,
      `${(overhead * 100).toFixed(1)}%`,
      `${((wallMs - bareMs) / candidates).toFixed(1)} ms (${candidates} candidates, ${evalRunCount} eval runs)`,
    ]);
    if (strategy === "both") {
      const gain = heldOut.best - heldOut.baseline;
      bothSummary = `"both": ${(gain * 100).toFixed(1)} points held-out (target ≥ 15), ${significance} (target p < 0.05), ${spent.modelCalls} task-model calls (target ≤ 400): ${gain >= 0.15 && (heldOut.pValue ?? 1) < 0.05 && spent.modelCalls <= 400 ? "met" : "NOT met"}`;
    }
  }
  const header = ["strategy", "held-out", "95% Wilson", "vs baseline", "spent", "wall", "bare loop", "overhead", "overhead / candidate"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)) + 2);
  console.log(header.map((h, i) => pad(h, widths[i]!)).join(""));
  for (const row of rows) console.log(row.map((cell, i) => pad(cell, widths[i]!)).join(""));
  console.log(`\n${bothSummary}`);

  const verdicts = { better: 0, "no significant difference": 0, worse: 0 };
  const nullStarted = performance.now();
  for (let seed = 1; seed <= NULL_SEEDS; seed++) {
    const { id } = await ws.start({ strategy: "both", budget: { ...budget, candidates: 8 }, seed, taskModelId: "offline:ticket-triage-null", concurrency: CONCURRENCY });
    await driveOptimization({ runId: id, workerId: "bench" });
    verdicts[(await findOptimization(getDb(), { runId: id }))!.outcome!.heldOut.verdict] += 1;
  }
  console.log(
    `null task over ${NULL_SEEDS} seeds: better ${verdicts.better}, no significant difference ${verdicts["no significant difference"]}, worse ${verdicts.worse} (target: never "better": ${verdicts.better === 0 ? "met" : "NOT met"}) in ${((performance.now() - nullStarted) / 1000).toFixed(1)} s`,
  );
  console.log(`overhead target: under 10% wall time over the bare eval calls (table above). ${(await getDb().select().from(evalRuns)).length} eval runs in ${dir}`);
  fs.rmSync(dir, { recursive: true, force: true });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
