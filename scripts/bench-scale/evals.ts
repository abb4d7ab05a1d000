// Part 2 of bench:scale: eval cases per second when 1, 2 or 4 studio processes share one run on one Postgres.
// The run is created (db-task.ts) while the processes are up; the first process's worker claims it and the others
// join at their next poll (every 2 s), so the first seconds are not all processes' work. The rate reported is
// measured from the moment the LAST process was first seen holding cases (db-task.ts watches the leases while the
// run goes) to the run's last result, every process working; the first-to-last-result rate, join delay included,
// is shown beside it.
import type { ChildProcess } from "node:child_process";
import path from "node:path";
import type { EvalRunInput, EvalRunMeasure, EvalWorkspaceRef } from "./db-task";
import { cpuSeconds, dbTask, freePort, machineCpuSeconds, startChild, waitFor } from "./processes";

export const EVAL_CONCURRENCY = 16;
export const FIXTURE_LATENCY_MS = 50;
/** Cases per process: enough that the join delay (up to one 2 s poll) is a small part of the run. */
export const CASES_PER_PROCESS = Number(process.env.BENCH_SCALE_EVAL_CASES_PER_PROCESS ?? 1600);

/**
 * The fixture model server in a process of its own, like a real model server (as bench-evals.ts runs it), answering
 * every call after FIXTURE_LATENCY_MS.
 */
export async function startFixture(): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const cli = path.join(__dirname, "..", "..", "e2e", "fixtures", "llm-server-cli.ts");
  const child = startChild(["--import", "tsx", cli], { PORT: String(port), FIXTURE_LATENCY_MS: String(FIXTURE_LATENCY_MS) });
  const url = `http://127.0.0.1:${port}/v1`;
  await waitFor(`${url}/models`, { child, timeoutMs: 30_000 });
  return { url, child };
}

export interface EvalRow {
  processes: number;
  measure: EvalRunMeasure;
  /** Cores busy over the whole run (creation and join delay included): the studio processes, and the machine. */
  cores: { studios: number; machine: number; available: number };
}

/** One run over CASES_PER_PROCESS × the processes' count cases in `workspace` (whose provider is the fixture server). */
export async function measureEvals(databaseUrl: string, workspace: EvalWorkspaceRef, pids: number[]): Promise<EvalRow> {
  const processes = pids.length;
  const input: EvalRunInput = { workspace, cases: CASES_PER_PROCESS * processes, concurrency: EVAL_CONCURRENCY, timeoutMs: 600_000 };
  const sample = () => ({ studios: pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0), machine: machineCpuSeconds(), at: performance.now() });
  const before = sample();
  const measure = await dbTask<EvalRunMeasure>(databaseUrl, "eval-run", input);
  const after = sample();
  const seconds = (after.at - before.at) / 1000;
  const cores = {
    studios: (after.studios - before.studios) / seconds,
    machine: (after.machine.busy - before.machine.busy) / seconds,
    available: (after.machine.total - before.machine.total) / seconds,
  };
  return { processes, measure, cores };
}

/** What the fixture's latency allows at most: every slot of every process always waiting on a call. */
export const latencyBound = (processes: number) => (processes * EVAL_CONCURRENCY) / (FIXTURE_LATENCY_MS / 1000);
