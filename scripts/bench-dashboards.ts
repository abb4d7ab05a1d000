// `npm run bench:dashboards`: seeds a fresh SQLite file (through the project's migrations) with 100,000 eval
// results, 50,000 ratings and 200,000 generations over 90 days (scripts/bench-dashboards-seed.ts), then times every
// dashboard query, eval and human feedback, and the full load functions, with the default filters and with a prompt
// filter: 30 runs each after 3 warm-ups, median and p95 against a 150 ms p95 target.
//
// Baseline, measured in the same run: the same query with this change's indexes unavailable. Inside one
// transaction the indexes created by db/migrations/0006_dashboard_indexes.sql and 0007 are dropped, every query is timed
// again (fewer runs), and the transaction is rolled back, so the data and the other indexes are identical and
// only the new indexes differ. The ratio (without ÷ with) is what they buy; about 1× means a query does not use them.
//
// EXPLAIN QUERY PLAN of every statement each query runs is printed after the table (the SQL is captured by
// wrapping the connection's prepare while the query runs once). A benchmark reports numbers; it asserts nothing.
// Options (env): BENCH_RUNS (30), BENCH_BASELINE_RUNS (5), BENCH_PLANS=0 to skip the plans, BENCH_CACHE_MB to
// set the connection's page cache (default: the app's, SQLite's 2 MiB) and see how much of a query is page reads.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type Database from "better-sqlite3";
import { seedDashboards, SEED, type SeededWorkspace } from "./bench-dashboards-seed";

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const BASELINE_RUNS = Number(process.env.BENCH_BASELINE_RUNS ?? 5);
const WARMUP = 3;
const CACHE_MB = process.env.BENCH_CACHE_MB ? Number(process.env.BENCH_CACHE_MB) : null;
const TARGET_P95_MS = 150;
const MIGRATIONS = ["0006_dashboard_indexes.sql", "0007_generation_feedback_summary.sql"].map((f) => path.join(process.cwd(), "db", "migrations", f));

export const quantile = (xs: number[], q: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
};

export async function sample(fn: () => unknown, runs: number, warmup: number): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return samples;
}

interface Statement {
  sql: string;
  args: unknown[];
}

/** Runs fn once with the connection's prepare wrapped, returning every statement it executed and its arguments. */
async function captureStatements(sqlite: Database.Database, fn: () => unknown): Promise<Statement[]> {
  const captured: Statement[] = [];
  const original = sqlite.prepare.bind(sqlite);
  const patched = ((source: string) => {
    const statement = original(source);
    // Native methods must be called on the real statement, so each is wrapped rather than proxied.
    for (const method of ["all", "get", "run", "iterate"] as const) {
      const call = (statement[method] as (...a: unknown[]) => unknown).bind(statement);
      Object.defineProperty(statement, method, {
        value: (...args: unknown[]) => {
          captured.push({ sql: source, args });
          return call(...args);
        },
      });
    }
    return statement;
  }) as Database.Database["prepare"];
  sqlite.prepare = patched;
  try {
    await fn();
  } finally {
    sqlite.prepare = original as Database.Database["prepare"];
  }
  return captured;
}

function plan(sqlite: Database.Database, { sql, args }: Statement): string {
  const rows = sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { id: number; parent: number; detail: string }[];
  const depth = new Map<number, number>([[0, 0]]);
  return rows
    .map((r) => {
      const d = (depth.get(r.parent) ?? 0) + 1;
      depth.set(r.id, d);
      return `${"  ".repeat(d)}${r.detail}`;
    })
    .join("\n");
}

/**
 * Every query timed, as [name, call with filters], the two filter variants, and each query under each variant ready
 * to time. Loads the query modules, so DATABASE_URL must name the database first; bench:scale times the same list
 * on SQLite and on Postgres.
 */
export async function dashboardCases(seeded: Pick<SeededWorkspace, "workspaceId" | "promptIds">) {
  const evalQueries = await import("@/lib/evals/dashboard/queries");
  const { loadEvalDashboard } = await import("@/lib/evals/dashboard/load-dashboard");
  const { dashboardFiltersSchema } = await import("@/lib/evals/dashboard/filters");
  const feedback = await import("@/lib/feedback/dashboard/queries");
  const { listRatedItems } = await import("@/lib/feedback/dashboard/rated-items");
  const { loadFeedbackDashboard } = await import("@/lib/feedback/dashboard/load-feedback-dashboard");
  const { loadRatedItems } = await import("@/lib/feedback/dashboard/load-rated-items");

  const principal = { kind: "user" as const, workspaceId: seeded.workspaceId, user: { id: "bench", email: "bench@bench.local", name: "Bench" }, role: "viewer" as const };
  const variants = {
    default: dashboardFiltersSchema.parse({}),
    prompt: dashboardFiltersSchema.parse({ prompt: seeded.promptIds[0] }),
  };
  type Filters = (typeof variants)["default"];
  const scopeOf = (filters: Filters) => ({ ...filters, workspaceId: seeded.workspaceId });
  const runIds = async (filters: Filters) => [...new Set((await evalQueries.evalTrend(scopeOf(filters))).map((p) => p.runId))];

  const queries: [string, (filters: Filters) => unknown][] = [
    ["eval: evalTrend", (f) => evalQueries.evalTrend(scopeOf(f))],
    ["eval: scorerTrend", (f) => evalQueries.scorerTrend(scopeOf(f))],
    ["eval: servedQuality", (f) => evalQueries.servedQuality(scopeOf(f))],
    ["eval: dashboardFilterOptions", () => evalQueries.dashboardFilterOptions(seeded.workspaceId)],
    ["eval: scorerLabels", async (f) => evalQueries.scorerLabels(await runIds(f))],
    ["eval: loadEvalDashboard (all)", (f) => loadEvalDashboard(principal, f)],
    ["feedback: ratingsByVersion", (f) => feedback.ratingsByVersion(scopeOf(f))],
    ["feedback: ratingsByDay", (f) => feedback.ratingsByDay(scopeOf(f))],
    ["feedback: rubricCriteriaByVersion", (f) => feedback.rubricCriteriaByVersion(scopeOf(f))],
    ["feedback: rubricCriteriaByDay", (f) => feedback.rubricCriteriaByDay(scopeOf(f))],
    ["feedback: pairwiseWinRates", (f) => feedback.pairwiseWinRates(scopeOf(f))],
    ["feedback: feedbackByEnvironment", (f) => feedback.feedbackByEnvironment(scopeOf(f))],
    ["feedback: judgeAgreementByDay", (f) => feedback.judgeAgreementByDay(scopeOf(f))],
    ["feedback: feedbackFilterOptions", () => feedback.feedbackFilterOptions(seeded.workspaceId)],
    ["feedback: listRatedItems (page 1)", (f) => listRatedItems(scopeOf(f))],
    ["feedback: loadFeedbackDashboard (all)", (f) => loadFeedbackDashboard(principal, f)],
    ["feedback: loadRatedItems (all)", (f) => loadRatedItems(principal, f)],
  ];
  // scorerLabels is timed on its own, so the run ids it needs are computed outside the timed call.
  const idsOf = { default: await runIds(variants.default), prompt: await runIds(variants.prompt) };
  const cases = queries.flatMap(([name, fn]) =>
    (Object.entries(variants) as [keyof typeof variants, Filters][]).map(([variant, filters]) => {
      if (name === "eval: scorerLabels") {
        const ids = idsOf[variant];
        return { name, variant, run: () => evalQueries.scorerLabels(ids) };
      }
      return { name, variant, run: () => fn(filters) };
    }),
  );
  return { queries, variants, cases };
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-dashboards-"));
  process.env.DATABASE_URL = path.join(dir, "bench.db");
  process.env.LOG_LEVEL ??= "warn";
  const { getSqlite, closeDb } = await import("@/db");
  const sqlite = getSqlite();
  if (CACHE_MB !== null) sqlite.pragma(`cache_size = -${CACHE_MB * 1024}`);
  const seedStart = performance.now();
  const seeded = seedDashboards(sqlite);
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  const seedSeconds = (performance.now() - seedStart) / 1000;
  const { queries, variants, cases } = await dashboardCases(seeded);

  const measured = [];
  for (const c of cases) {
    const samples = await sample(c.run, RUNS, WARMUP);
    measured.push({ ...c, median: quantile(samples, 0.5), p95: quantile(samples, 0.95) });
  }

  // Baseline: the same queries with this change's indexes dropped inside a transaction that is rolled back.
  const created = MIGRATIONS.map((f) => (fs.existsSync(f) ? fs.readFileSync(f, "utf8") : "")).join("\n");
  const newIndexes = [...created.matchAll(/CREATE (?:UNIQUE )?INDEX `([^`]+)`/g)].map((m) => m[1]!).filter((name) => !created.includes(`DROP INDEX \`${name}\``));
  const baseline = new Map<string, number>();
  sqlite.exec("BEGIN");
  try {
    for (const name of newIndexes) sqlite.exec(`DROP INDEX IF EXISTS "${name}"`);
    for (const c of cases) baseline.set(`${c.name}|${c.variant}`, quantile(await sample(c.run, BASELINE_RUNS, 1), 0.5));
  } finally {
    sqlite.exec("ROLLBACK");
  }

  const counts = Object.entries(seeded.counts).map(([table, n]) => `${table} ${n.toLocaleString("en-US")}`).join(", ");
  console.log(`Seeded in ${seedSeconds.toFixed(1)} s: ${counts}.`);
  console.log(`${SEED.prompts} prompts × ${SEED.versionsPerPrompt} versions, 3 environments (+ none), 3 models, created_at over 90 days. SQLite ${(sqlite.prepare("SELECT sqlite_version() AS v").get() as { v: string }).v}.`);
  console.log(`Page cache: ${CACHE_MB === null ? "the app's (SQLite default, 2 MiB)" : `${CACHE_MB} MiB (BENCH_CACHE_MB)`}.`);
  console.log(`Filters: "default" = dashboard defaults (last 30 days, no filter); "prompt" = one prompt, last 30 days.`);
  console.log(`${RUNS} timed runs after ${WARMUP} warm-ups; p95 = nearest rank. Baseline: median of ${BASELINE_RUNS} runs of the same query with the`);
  console.log(`indexes of 0006_dashboard_indexes.sql and 0007_generation_feedback_summary.sql dropped (${newIndexes.join(", ")}) in a rolled-back transaction.\n`);
  const header = `${"query".padEnd(40)} ${"filters".padEnd(8)} ${"median".padStart(9)} ${"p95".padStart(9)}  target    ${"result".padEnd(6)} ${"no new idx".padStart(11)} ${"ratio".padStart(7)}`;
  console.log(header);
  console.log("-".repeat(header.length));
  for (const m of measured) {
    const base = baseline.get(`${m.name}|${m.variant}`)!;
    console.log(
      `${m.name.padEnd(40)} ${m.variant.padEnd(8)} ${`${m.median.toFixed(2)} ms`.padStart(9)} ${`${m.p95.toFixed(2)} ms`.padStart(9)}  ${`< ${TARGET_P95_MS} ms`.padEnd(9)} ${(m.p95 < TARGET_P95_MS ? "PASS" : "FAIL").padEnd(6)} ${`${base.toFixed(2)} ms`.padStart(11)} ${`${(base / m.median).toFixed(1)}×`.padStart(7)}`,
    );
  }
  const failed = measured.filter((m) => m.p95 >= TARGET_P95_MS).length;
  console.log(`\n${measured.length - failed} of ${measured.length} under the ${TARGET_P95_MS} ms p95 target.`);

  if (process.env.BENCH_PLANS !== "0") {
    console.log("\nEXPLAIN QUERY PLAN (prompt-filter plans are printed only where they differ from the default's):");
    for (const [name, fn] of queries) {
      if (name.includes("(all)")) continue; // the load functions run the statements listed above
      const plans: string[][] = [];
      for (const filters of Object.values(variants)) plans.push((await captureStatements(sqlite, () => fn(filters))).map((s) => plan(sqlite, s)));
      console.log(`\n${name} (default):`);
      plans[0]!.forEach((p, i) => console.log(`${plans[0]!.length > 1 ? `  statement ${i + 1}:\n` : ""}${p}`));
      if (plans[1]!.join("\n") !== plans[0]!.join("\n")) {
        console.log(`${name} (prompt):`);
        plans[1]!.forEach((p, i) => console.log(`${plans[1]!.length > 1 ? `  statement ${i + 1}:\n` : ""}${p}`));
      }
    }
  }

  closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
}

// Only as `npm run bench:dashboards`: bench:scale imports dashboardCases without running the benchmark.
if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
