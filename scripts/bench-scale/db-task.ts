// The database half of bench:scale, run as a child process: seeding, creating and measuring an eval run, timing the
// dashboard queries. The schema objects are built for the engine DATABASE_URL names when db/schema loads
// (db/schema/dialect.ts), so one process cannot speak both engines: bench-scale.ts never imports @/db and runs each
// step here, with DATABASE_URL set to the database the step is for.
//
//   tsx --conditions=react-server scripts/bench-scale/db-task.ts <task> '<input as JSON>'
//
// prints its answer as one line `BENCH_RESULT <json>` on stdout (anything else it prints is not parsed).
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import type { UserPrincipal } from "@/lib/platform/auth/principal";
import type { SeededWorkspace } from "../bench-dashboards-seed";
import { seedDeliveryWorkspace } from "../bench-delivery-calls";

export const RESULT_MARKER = "BENCH_RESULT ";

export interface DeliveryKeys {
  read: string;
  write: string;
}

/** The eval workspace's ids and its editor, plain data a later task can create runs with. */
export interface EvalWorkspaceRef {
  workspaceId: string;
  promptId: string;
  editor: UserPrincipal;
}

export interface Seeded {
  keys: DeliveryKeys;
  evals?: EvalWorkspaceRef;
}


/**
 * The workspace, prompt, production deployment and keys bench-delivery.ts seeds and, given a fixture server, a
 * workspace with a provider on it for the eval runs. Both in one process: lib/testing's factories number their users
 * per process, so two processes would make the same e-mail addresses.
 */
async function seed({ fixtureUrl }: { fixtureUrl?: string }): Promise<Seeded> {
  const { prepareDatabase, closeDb } = await import("@/db");
  await prepareDatabase();
  const { read, write } = await seedDeliveryWorkspace();
  let evals: EvalWorkspaceRef | undefined;
  if (fixtureUrl) {
    const { makeEvalWorkspace } = await import("@/lib/testing/eval-runs");
    const evalWs = await makeEvalWorkspace({ fixtureUrl, models: "echo" });
    evals = { workspaceId: evalWs.workspace.id, promptId: evalWs.promptId, editor: evalWs.editor };
  }
  closeDb();
  return { keys: { read, write }, evals };
}

export interface EvalRunInput {
  workspace: EvalWorkspaceRef;
  cases: number;
  concurrency: number;
  timeoutMs: number;
}

export interface EvalRunMeasure {
  cases: number;
  status: string;
  /** Why the run failed, when it did. */
  errorMessage: string | null;
  /** Results per status (passed, failed, error). */
  statuses: Record<string, number>;
  /** Each process (worker) that leased cases: when it was first seen holding one (ms since the epoch), and how many. */
  workers: { joinedAt: number; cases: number }[];
  /** From the first result stored to the last. */
  firstToLast: { seconds: number; perSecond: number };
  /** From the moment the last process to join was first seen holding cases, to the last result. */
  allJoined: { seconds: number; results: number; perSecond: number };
}

const WATCH_MS = 100;

/**
 * A dataset of `cases` cases and a run over it at `concurrency`, in the eval workspace: the studio processes' eval
 * workers pick it up (none runs here). While it runs, the leases show which processes hold cases (they are deleted
 * when the run finishes, so they are watched, every WATCH_MS); the rates come from the results' own times.
 */
async function evalRun({ workspace, cases, concurrency, timeoutMs }: EvalRunInput): Promise<EvalRunMeasure> {
  const { prepareDatabase, getDb, closeDb } = await import("@/db");
  await prepareDatabase();
  const { makeDataset, containsScorer } = await import("@/lib/testing/eval-runs");
  const { createEvalRun } = await import("@/lib/evals/runs/manage-runs");
  const { findEvalRun } = await import("@/lib/evals/runs/queries");
  const dataset = await makeDataset({ workspaceId: workspace.workspaceId, count: cases });
  // Every echo contains "Echo:", so a result that is not "passed" is a failure worth seeing in the report.
  const scorers = [containsScorer("Echo:")];
  const run = await createEvalRun(workspace.editor, { datasetId: dataset.id, promptId: workspace.promptId, targets: [{ version: 1 }], scorers, concurrency });

  const db = getDb();
  const deadline = Date.now() + timeoutMs;
  const workers = new Map<string, { joinedAt: number; cases: number }>();
  let current = await findEvalRun(db, { runId: run.id });
  while (current && ["queued", "running", "interrupted"].includes(current.status)) {
    if (Date.now() > deadline) throw new Error(`eval run ${run.id} still ${current.status} after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, WATCH_MS));
    await watchLeases(db, run.id, workers);
    current = await findEvalRun(db, { runId: run.id });
  }
  const measure = await measureRun(db, run.id, [...workers.values()]);
  closeDb();
  return { cases, status: current?.status ?? "missing", errorMessage: current?.errorMessage ?? null, ...measure };
}

/** Notes each worker holding cases of the run: when first seen, and the most cases seen leased to it. */
async function watchLeases(db: DbOrTx, runId: string, workers: Map<string, { joinedAt: number; cases: number }>): Promise<void> {
  const { rawRows } = await import("@/db/raw");
  const now = Date.now();
  const rows = await rawRows<{ worker: string; n: number | string }>(db, sql`SELECT worker_id AS "worker", count(*) AS "n" FROM eval_case_leases WHERE run_id = ${runId} GROUP BY worker_id`);
  for (const { worker, n } of rows) {
    const seen = workers.get(worker) ?? { joinedAt: now, cases: 0 };
    seen.cases = Math.max(seen.cases, Number(n));
    workers.set(worker, seen);
  }
}

/** The run's rates, from its results' times and when each worker joined. */
async function measureRun(db: DbOrTx, runId: string, workers: EvalRunMeasure["workers"]): Promise<Omit<EvalRunMeasure, "cases" | "status" | "errorMessage">> {
  const { rawRows } = await import("@/db/raw");
  const statusRows = await rawRows<{ status: string; n: number | string }>(db, sql`SELECT status AS "status", count(*) AS "n" FROM eval_results WHERE run_id = ${runId} GROUP BY status`);
  const statuses = Object.fromEntries(statusRows.map((row) => [row.status, Number(row.n)]));
  const span = await rawRows<{ first: number | string | null; last: number | string | null; n: number | string }>(
    db,
    sql`SELECT min(created_at) AS "first", max(created_at) AS "last", count(*) AS "n" FROM eval_results WHERE run_id = ${runId}`,
  );
  const total = Number(span[0]?.n ?? 0);
  const none = { seconds: 0, perSecond: 0 };
  if (total < 2 || workers.length === 0) return { statuses, workers, firstToLast: none, allJoined: { ...none, results: 0 } };
  const first = Number(span[0]!.first);
  const last = Number(span[0]!.last);
  const joined = Math.max(...workers.map((w) => w.joinedAt));
  const afterJoin = await rawRows<{ n: number | string }>(db, sql`SELECT count(*) AS "n" FROM eval_results WHERE run_id = ${runId} AND created_at > ${joined}`);
  const steady = Number(afterJoin[0]?.n ?? 0);
  const rate = (results: number, ms: number) => (ms > 0 ? (results * 1000) / ms : 0);
  return {
    statuses,
    workers: [...workers].sort((a, b) => a.joinedAt - b.joinedAt),
    // n results span n - 1 intervals.
    firstToLast: { seconds: (last - first) / 1000, perSecond: rate(total - 1, last - first) },
    allJoined: { seconds: (last - joined) / 1000, results: steady, perSecond: rate(steady, last - joined) },
  };
}

export interface DashboardSeed {
  seeded: Pick<SeededWorkspace, "workspaceId" | "promptIds" | "counts">;
  seconds: number;
}

/** bench:dashboards' data, into the SQLite file DATABASE_URL names (migrated as the app opens it). */
async function dashboardsSeed(): Promise<DashboardSeed> {
  const { getSqlite, closeDb } = await import("@/db");
  const { seedDashboards } = await import("../bench-dashboards-seed");
  const sqlite = getSqlite();
  const started = performance.now();
  const { workspaceId, promptIds, counts } = seedDashboards(sqlite);
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  const seconds = (performance.now() - started) / 1000;
  closeDb();
  return { seeded: { workspaceId, promptIds, counts }, seconds };
}

/**
 * The seeded SQLite file copied, every row, into the Postgres database DATABASE_URL names, with the project's own
 * db:copy, so both engines hold the very same rows. Then VACUUM ANALYZE: a copy leaves the planner without
 * statistics and the visibility map unset (so an index-only scan still reads the table) until autovacuum gets round
 * to it, and a live database has both.
 */
async function dashboardsCopy({ from }: { from: string }): Promise<{ seconds: number; rows: number }> {
  const { copyDatabase } = await import("@/db/copy/copy-database");
  const started = performance.now();
  const summary = await copyDatabase({ from, to: process.env.DATABASE_URL! });
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query("VACUUM ANALYZE");
  } finally {
    await client.end();
  }
  return { seconds: (performance.now() - started) / 1000, rows: summary.rows };
}

export interface DashboardTiming {
  name: string;
  variant: string;
  median: number;
  p95: number;
}

/** Every bench:dashboards query, each filter variant, timed `runs` times after `warmup` untimed runs. */
async function dashboardsTime({ seeded, runs, warmup }: { seeded: DashboardSeed["seeded"]; runs: number; warmup: number }): Promise<DashboardTiming[]> {
  const { prepareDatabase, closeDb } = await import("@/db");
  await prepareDatabase();
  const { dashboardCases, quantile, sample } = await import("../bench-dashboards");
  const { cases } = await dashboardCases(seeded);
  const timings: DashboardTiming[] = [];
  for (const c of cases) {
    const samples = await sample(c.run, runs, warmup);
    timings.push({ name: c.name, variant: c.variant, median: quantile(samples, 0.5), p95: quantile(samples, 0.95) });
  }
  closeDb();
  return timings;
}

const TASKS: Record<string, (input: never) => Promise<unknown>> = {
  seed,
  "eval-run": evalRun,
  "dashboards-seed": dashboardsSeed,
  "dashboards-copy": dashboardsCopy,
  "dashboards-time": dashboardsTime,
};

async function main() {
  const [name, input = "{}"] = process.argv.slice(2);
  const task = name === undefined ? undefined : TASKS[name];
  if (!task) throw new Error(`unknown task ${name}; one of ${Object.keys(TASKS).join(", ")}`);
  const result = await task(JSON.parse(input) as never);
  process.stdout.write(`${RESULT_MARKER}${JSON.stringify(result)}\n`);
}

// Only as a child process: bench-scale.ts imports this file's types and constants.
if (require.main === module) {
  main().then(
    // A pool or a timer left open must not keep the child, and so the benchmark, waiting.
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
