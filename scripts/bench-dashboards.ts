// `npm run bench:dashboards [-- --scale 1,10,30]`: seeds a fresh SQLite file (through the project's migrations, so
// the rollup triggers run as rows arrive) with bench-dashboards-seed.ts's data times each scale (1×: 100,000 eval
// results, 50,000 ratings, 200,000 generations over 90 days), then reports side by side, for the dashboard defaults
// and a prompt filter:
//   - every dashboard query from the rollups (what the studio runs) and from the raw rows (what it ran before
//     issue 17, and still runs while a backfill is under way): median and p95, and raw ÷ rollups;
//   - each whole page as the studio loads it (the eval dashboard, the feedback dashboard, a prompt's Evaluations
//     tab): p50 and p95 from rollups and from raw rows (the page is switched to raw by marking the backfills
//     pending, as a database created before the rollups is), against the targets: p95 < 150 ms at 10×, < 300 ms
//     at 30×, and a page's cost from 1× to 10× within 2× (when both scales run);
//   - the write cost the rollups add per eval result (3 scores), rating (3 rubric scores) and generation: the same
//     inserts timed with the rollup triggers and without them (dropped in a transaction that is rolled back).
// A benchmark reports numbers; it asserts nothing. Options (env): BENCH_RUNS (30), BENCH_RAW_RUNS (10),
// BENCH_PLANS=1 prints EXPLAIN QUERY PLAN of each rollup query.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type Database from "better-sqlite3";
import { parseArgs } from "node:util";
import { seedDashboards, SEED, type SeededWorkspace } from "./bench-dashboards-seed";

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const RAW_RUNS = Number(process.env.BENCH_RAW_RUNS ?? 10);
const WARMUP = 3;
/** Whole-page p95 targets by scale (issue 17); other scales are reported against the nearest one below. */
const PAGE_TARGET_MS: Record<number, number> = { 1: 150, 10: 150, 30: 300 };

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
 * Every query, twice where the rollups replace it: [name, from rollups, from raw rows] (a query with one form gives
 * it twice), the two filter variants, and each query under each variant ready to time ("rollups: …" and "raw: …").
 * Loads the query modules, so DATABASE_URL must name the database first; bench:scale times the same list on SQLite
 * and on Postgres.
 */
export async function dashboardCases(seeded: Pick<SeededWorkspace, "workspaceId" | "promptIds">) {
  const evalRaw = await import("@/lib/evals/dashboard/queries");
  const evalRollups = await import("@/lib/evals/dashboard/rollup-queries");
  const { dashboardFiltersSchema } = await import("@/lib/evals/dashboard/filters");
  const feedbackRaw = await import("@/lib/feedback/dashboard/queries");
  const feedbackRollups = await import("@/lib/feedback/dashboard/rollup-queries");
  const { listRatedItems } = await import("@/lib/feedback/dashboard/rated-items");

  const variants = {
    default: dashboardFiltersSchema.parse({}),
    prompt: dashboardFiltersSchema.parse({ prompt: seeded.promptIds[0] }),
  };
  type Filters = (typeof variants)["default"];
  type Query = (filters: Filters) => unknown;
  const scopeOf = (filters: Filters) => ({ ...filters, workspaceId: seeded.workspaceId });
  const runIds = async (filters: Filters) => [...new Set((await evalRollups.evalTrend(scopeOf(filters))).map((p) => p.runId))];
  const idsOf = { default: await runIds(variants.default), prompt: await runIds(variants.prompt) };
  const both = <K extends string>(name: string, rollups: Record<K, (scope: ReturnType<typeof scopeOf>) => unknown>, raw: Record<K, (scope: ReturnType<typeof scopeOf>) => unknown>, key: K): [string, Query, Query] => [
    name,
    (f) => rollups[key](scopeOf(f)),
    (f) => raw[key](scopeOf(f)),
  ];
  const queries: [string, Query, Query][] = [
    both("eval: evalTrend", evalRollups, evalRaw, "evalTrend"),
    both("eval: scorerTrend", evalRollups, evalRaw, "scorerTrend"),
    both("eval: servedQuality", evalRollups, evalRaw, "servedQuality"),
    ...(["ratingsByVersion", "ratingsByDay", "rubricCriteriaByVersion", "rubricCriteriaByDay", "pairwiseWinRates", "feedbackByEnvironment", "judgeAgreementByDay"] as const).map((key) =>
      both(`feedback: ${key}`, feedbackRollups, feedbackRaw, key),
    ),
  ];
  const single: [string, Query][] = [
    ["eval: dashboardFilterOptions", () => evalRaw.dashboardFilterOptions(seeded.workspaceId)],
    ["feedback: feedbackFilterOptions", () => feedbackRaw.feedbackFilterOptions(seeded.workspaceId)],
    ["feedback: listRatedItems (page 1)", (f) => listRatedItems(scopeOf(f))],
  ];
  const entries = Object.entries(variants) as [keyof typeof variants, Filters][];
  const cases = [
    ...queries.flatMap(([name, rollups, raw]) =>
      entries.flatMap(([variant, filters]) => [
        { name: `rollups: ${name}`, variant, run: () => rollups(filters) },
        { name: `raw: ${name}`, variant, run: () => raw(filters) },
      ]),
    ),
    ...single.flatMap(([name, fn]) => entries.map(([variant, filters]) => ({ name, variant, run: () => fn(filters) }))),
    // scorerLabels is timed on its own, so the run ids it needs are computed outside the timed call.
    ...entries.map(([variant]) => ({ name: "eval: scorerLabels", variant, run: () => evalRaw.scorerLabels(idsOf[variant]) })),
  ];
  return { queries, single, variants, cases };
}

/** The pages as the studio loads them, each a function of nothing: what a person waits for before a page is whole. */
async function pageLoads(seeded: SeededWorkspace) {
  const { loadEvalDashboard } = await import("@/lib/evals/dashboard/load-dashboard");
  const { dashboardFiltersSchema } = await import("@/lib/evals/dashboard/filters");
  const { loadFeedbackDashboard, loadFeedbackFilterOptions } = await import("@/lib/feedback/dashboard/load-feedback-dashboard");
  const principal = { kind: "user" as const, workspaceId: seeded.workspaceId, user: { id: "bench", email: "bench@bench.local", name: "Bench" }, role: "viewer" as const };
  const defaults = dashboardFiltersSchema.parse({});
  // A prompt's Evaluations tab: one prompt, all time (app/(studio)/prompts/[...name]/page.tsx).
  const tab = dashboardFiltersSchema.parse({ prompt: seeded.promptIds[0], range: "all" });
  return {
    "eval dashboard": () => Promise.all([loadEvalDashboard(principal, defaults), loadFeedbackFilterOptions(principal)]),
    "feedback dashboard": () => loadFeedbackDashboard(principal, defaults),
    "prompt Evaluations tab": () => Promise.all([loadEvalDashboard(principal, tab), loadFeedbackFilterOptions(principal), loadFeedbackDashboard(principal, tab)]),
  };
}

interface WriteCost {
  kind: string;
  withRollups: number;
  without: number;
}

/**
 * Microseconds per row to insert eval results (3 scores each), ratings (3 rubric scores each) and generations, with the
 * rollup triggers and without them, each in a transaction that is rolled back so the data stays as seeded.
 */
function writeCosts(sqlite: Database.Database, seeded: SeededWorkspace, rows = 5_000): WriteCost[] {
  const one = <T>(query: string) => sqlite.prepare(query).get() as T;
  const target = one<{ id: string; run_id: string }>("SELECT id, run_id FROM eval_run_targets LIMIT 1");
  const queue = one<{ id: string }>(`SELECT id FROM review_queues WHERE scheme LIKE '%rubric%' LIMIT 1`);
  const reviewer = one<{ id: string }>("SELECT id FROM users LIMIT 1");
  const now = Date.now();
  // Statements are prepared once per round (inside it, since dropping a trigger invalidates them): what is timed is
  // each insert's work, triggers included, not SQLite compiling the statement and its trigger programs.
  const kinds: Record<string, () => (i: number) => void> = {
    "eval result (+3 scores)": () => {
      const addCase = sqlite.prepare("INSERT INTO eval_run_cases (id, run_id, position, variables) VALUES (?, ?, ?, '{}')");
      const addResult = sqlite.prepare("INSERT INTO eval_results (id, run_id, target_id, run_case_id, status, score, output, cost_usd, latency_ms, created_at) VALUES (?, ?, ?, ?, 'passed', 0.8, 'out', 0.0004, 420, ?)");
      const addScore = sqlite.prepare("INSERT INTO eval_scores (id, result_id, run_id, target_id, scorer_key, score, passed) VALUES (?, ?, ?, ?, ?, 0.8, 1)");
      return (i) => {
        const id = crypto.randomUUID();
        // Each result its own (target, case): a new case row keeps eval_results_target_case unique.
        const caseId = crypto.randomUUID();
        addCase.run(caseId, target.run_id, 1_000_000 + i);
        addResult.run(id, target.run_id, target.id, caseId, now);
        for (const key of ["contains-1", "short", "judge"]) addScore.run(crypto.randomUUID(), id, target.run_id, target.id, key);
      };
    },
    "rating (+3 rubric scores)": () => {
      const addItem = sqlite.prepare("INSERT INTO review_items (id, queue_id, position, source_type, source_id, prompt_id, version, variables, output, created_at) VALUES (?, ?, ?, 'generation', ?, ?, 1, '{}', 'out', ?)");
      const addRating = sqlite.prepare("INSERT INTO ratings (id, workspace_id, queue_id, item_id, reviewer_id, value, score, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 0.5, ?, ?)");
      const addScore = sqlite.prepare("INSERT INTO rating_scores (rating_id, criterion, value, score) VALUES (?, ?, 3, 0.5)");
      return (i) => {
        const itemId = crypto.randomUUID();
        addItem.run(itemId, queue.id, 1_000_000 + i, crypto.randomUUID(), seeded.promptIds[0], now);
        const ratingId = crypto.randomUUID();
        addRating.run(ratingId, seeded.workspaceId, queue.id, itemId, reviewer.id, '{"type":"rubric","criteria":{"accuracy":3,"tone":3,"concise":3}}', now, now);
        for (const criterion of ["accuracy", "tone", "concise"]) addScore.run(ratingId, criterion);
      };
    },
    generation: () => {
      const addGeneration = sqlite.prepare(
        "INSERT INTO generations (id, workspace_id, prompt_id, version, environment_id, variables, output, model_id, input_tokens, output_tokens, cost_usd, latency_ms, created_at) VALUES (?, ?, ?, 1, ?, '{}', 'out', 'offline:demo', 120, 80, 0.0004, 500, ?)",
      );
      return () => addGeneration.run(crypto.randomUUID(), seeded.workspaceId, seeded.promptIds[0], seeded.environmentIds[0], now);
    },
  };
  const triggers = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%rollup%'").all() as { name: string }[]).map((t) => t.name);
  const timeInserts = (prepare: () => (i: number) => void, dropTriggers: boolean) => {
    sqlite.exec("BEGIN");
    try {
      if (dropTriggers) for (const name of triggers) sqlite.exec(`DROP TRIGGER "${name}"`);
      const insert = prepare();
      for (let i = 0; i < 200; i++) insert(i); // warm the statement cache and the pages touched
      const started = performance.now();
      for (let i = 200; i < rows + 200; i++) insert(i);
      return ((performance.now() - started) * 1000) / rows;
    } finally {
      sqlite.exec("ROLLBACK");
    }
  };
  return Object.entries(kinds).map(([kind, insert]) => {
    // Alternated, three rounds each, best of three: the page cache and the CPU's state favour neither.
    const withRollups: number[] = [];
    const without: number[] = [];
    for (let round = 0; round < 3; round++) {
      withRollups.push(timeInserts(insert, false));
      without.push(timeInserts(insert, true));
    }
    return { kind, withRollups: Math.min(...withRollups), without: Math.min(...without) };
  });
}

function scalesOf(): number[] {
  try {
    const { values } = parseArgs({ options: { scale: { type: "string", default: "1" } }, strict: true, allowPositionals: false });
    const scales = values.scale.split(",").map(Number);
    if (scales.every((n) => Number.isInteger(n) && n >= 1 && n <= 100)) return scales;
  } catch {
    // reported below
  }
  console.error("usage: npm run bench:dashboards [-- --scale 1,10,30]   (whole numbers 1-100)");
  process.exit(2);
}

const ms = (n: number) => `${n.toFixed(1)} ms`;
const targetAt = (scale: number) => PAGE_TARGET_MS[Math.max(...Object.keys(PAGE_TARGET_MS).map(Number).filter((s) => s <= scale))]!;

interface PageTiming {
  page: string;
  rollups: { p50: number; p95: number };
  raw: { p50: number; p95: number };
}

async function benchScale(scale: number): Promise<PageTiming[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-dashboards-"));
  process.env.DATABASE_URL = path.join(dir, "bench.db");
  const { getSqlite, closeDb } = await import("@/db");
  const sqlite = getSqlite();
  const seedStart = performance.now();
  const seeded = seedDashboards(sqlite, Date.now(), scale);
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.exec("ANALYZE");
  const seedSeconds = (performance.now() - seedStart) / 1000;
  const counts = Object.entries(seeded.counts).map(([table, n]) => `${table} ${n.toLocaleString("en-US")}`).join(", ");
  console.log(`\n=== ${scale}× — seeded in ${seedSeconds.toFixed(1)} s (rollup triggers on): ${counts}.`);
  console.log(`${SEED.prompts} prompts × ${SEED.versionsPerPrompt} versions, 3 environments (+ none), 3 models, created_at over 90 days. SQLite ${(sqlite.prepare("SELECT sqlite_version() AS v").get() as { v: string }).v}.`);
  const rollupRows = (sqlite.prepare("SELECT (SELECT count(*) FROM rating_rollups) + (SELECT count(*) FROM rating_criterion_rollups) + (SELECT count(*) FROM generation_rollups) + (SELECT count(*) FROM eval_target_rollups) + (SELECT count(*) FROM eval_scorer_rollups) AS n").get() as { n: number }).n;
  console.log(`Rollup rows: ${rollupRows.toLocaleString("en-US")}. "default" = dashboard defaults (last 30 days); "prompt" = one prompt, last 30 days.\n`);

  const { cases } = await dashboardCases(seeded);
  const header = `${"query".padEnd(48)} ${"filters".padEnd(8)} ${"median".padStart(10)} ${"p95".padStart(10)}`;
  console.log(header);
  console.log("-".repeat(header.length));
  const medians = new Map<string, number>();
  for (const c of cases) {
    const raw = c.name.startsWith("raw: ");
    const samples = await sample(c.run, raw ? RAW_RUNS : RUNS, raw ? 1 : WARMUP);
    medians.set(`${c.name}|${c.variant}`, quantile(samples, 0.5));
    console.log(`${c.name.padEnd(48)} ${c.variant.padEnd(8)} ${ms(quantile(samples, 0.5)).padStart(10)} ${ms(quantile(samples, 0.95)).padStart(10)}`);
  }
  console.log("\nraw ÷ rollups (medians):");
  for (const c of cases.filter((c) => c.name.startsWith("rollups: "))) {
    const query = c.name.replace(/^rollups: /, "");
    console.log(`  ${`${query} (${c.variant})`.padEnd(56)} ${(medians.get(`raw: ${query}|${c.variant}`)! / medians.get(`${c.name}|${c.variant}`)!).toFixed(1)}×`);
  }

  const pages = await pageLoads(seeded);
  const timings: PageTiming[] = [];
  for (const [page, load] of Object.entries(pages)) {
    const rolled = await sample(load, RUNS, WARMUP);
    // As before the rollups: every backfill pending, so the loaders read raw rows. Put back right after.
    sqlite.exec("UPDATE rollup_backfills SET done = 0");
    let raw: number[];
    try {
      raw = await sample(load, RAW_RUNS, 1);
    } finally {
      sqlite.exec("UPDATE rollup_backfills SET done = 1");
    }
    timings.push({ page, rollups: { p50: quantile(rolled, 0.5), p95: quantile(rolled, 0.95) }, raw: { p50: quantile(raw, 0.5), p95: quantile(raw, 0.95) } });
  }
  const target = targetAt(scale);
  const pageHeader = `${"whole page".padEnd(24)} ${"rollups p50".padStart(12)} ${"p95".padStart(10)}  ${"target".padEnd(9)} ${"result".padEnd(6)} ${"raw p50".padStart(10)} ${"raw p95".padStart(10)} ${"raw÷rollups".padStart(12)}`;
  console.log(`\n${pageHeader}`);
  console.log("-".repeat(pageHeader.length));
  for (const t of timings) {
    console.log(
      `${t.page.padEnd(24)} ${ms(t.rollups.p50).padStart(12)} ${ms(t.rollups.p95).padStart(10)}  ${`< ${target} ms`.padEnd(9)} ${(t.rollups.p95 < target ? "PASS" : "FAIL").padEnd(6)} ${ms(t.raw.p50).padStart(10)} ${ms(t.raw.p95).padStart(10)} ${`${(t.raw.p50 / t.rollups.p50).toFixed(1)}×`.padStart(12)}`,
    );
  }

  console.log("\nWrite cost per row (µs, best of 3 alternated rounds of 5,000 inserts; without = rollup triggers dropped in a rolled-back transaction):");
  for (const w of writeCosts(sqlite, seeded)) {
    const added = (w.withRollups / w.without - 1) * 100;
    console.log(`  ${w.kind.padEnd(28)} with rollups ${w.withRollups.toFixed(1).padStart(7)} µs   without ${w.without.toFixed(1).padStart(7)} µs   added ${added.toFixed(0).padStart(4)}%`);
  }

  if (process.env.BENCH_PLANS === "1") {
    console.log("\nEXPLAIN QUERY PLAN of each rollup query (default filters):");
    for (const c of cases.filter((c) => c.name.startsWith("rollups: ") && c.variant === "default")) {
      console.log(`\n${c.name}:`);
      for (const statement of await captureStatements(sqlite, c.run)) console.log(plan(sqlite, statement));
    }
  }

  closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
  return timings;
}

async function main() {
  const scales = scalesOf();
  process.env.LOG_LEVEL ??= "warn";
  console.log(`bench:dashboards at ${scales.map((s) => `${s}×`).join(", ")}: ${RUNS} timed runs after ${WARMUP} warm-ups from rollups, ${RAW_RUNS} from raw rows; p95 = nearest rank.`);
  const byScale = new Map<number, PageTiming[]>();
  for (const scale of scales) byScale.set(scale, await benchScale(scale));
  if (scales.length > 1) {
    const [first, ...rest] = scales;
    console.log(`\nWhole-page cost against ${first}× (p50, rollups; target: within 2× from 1× to 10×):`);
    for (const scale of rest) {
      for (const t of byScale.get(scale)!) {
        const base = byScale.get(first!)!.find((b) => b.page === t.page)!;
        const ratio = t.rollups.p50 / base.rollups.p50;
        console.log(`  ${t.page.padEnd(24)} ${scale}×: ${ratio.toFixed(2)}× ${scale <= 10 ? (ratio <= 2 ? "PASS" : "FAIL") : ""}   (raw rows: ${(t.raw.p50 / base.raw.p50).toFixed(2)}×)`);
      }
    }
  }
}

// Only as `npm run bench:dashboards`: bench:scale imports dashboardCases without running the benchmark.
if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
