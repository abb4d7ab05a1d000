// bench:scale's tables: one per part, each row with its target and whether it is met. Only prints.
import type { DashboardResult } from "./dashboards";
import { CONNECTIONS, DURATION_S, WARMUP_S, type RouteRow, type ScaleRow } from "./delivery";
import { CASES_PER_PROCESS, EVAL_CONCURRENCY, FIXTURE_LATENCY_MS, latencyBound, type EvalRow } from "./evals";
import { DASHBOARD_RUNS, DASHBOARD_WARMUP } from "./dashboards";

export const TARGETS = { twoOverOne: 1.6, rssMiB: 400, dashboardP95Ms: 150 } as const;

const verdict = (met: boolean) => (met ? "met" : "NOT met");
const int = (n: number) => Math.round(n).toLocaleString("en");
const ms = (n: number) => `${n} ms`;
const pct = (n: number) => `${(n * 100).toFixed(1)}%`;

/** Left-aligns the first column and right-aligns the rest, each as wide as its widest cell. */
function table(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ").trimEnd();
  console.log(line(header));
  console.log("-".repeat(line(header).length));
  for (const row of rows) console.log(line(row));
}

function failureWarnings(rows: { label: string; failures: number }[]): void {
  for (const row of rows.filter((r) => r.failures > 0)) console.log(`WARNING: ${row.label} answered ${row.failures} non-2xx or errors; its rate is not the endpoint's.`);
}

export function printRoutes(rows: RouteRow[], rssByEngine: Record<string, number>): void {
  console.log(`\nPART 1a. One studio process per engine, each call vs a bare node:http server answering the same bytes (same run).`);
  console.log(`${CONNECTIONS} connections, ${DURATION_S} s each after ${WARMUP_S} s warm-up. Targets: render and generations >= 30% of bare; the prompt GET >= 40% (bench:delivery's).\n`);
  table(
    ["call", "engine", "studio req/s", "p50", "p99", "bare req/s", "bare p99", "studio/bare", "target", "result"],
    rows.map(({ engine, target, studio, bare }) => {
      const ratio = studio.perSecond / bare.perSecond;
      const goal = target.targetRatio;
      return [target.label, engine, int(studio.perSecond), ms(studio.p50), ms(studio.p99), int(bare.perSecond), ms(bare.p99), pct(ratio), goal ? `>= ${goal * 100}%` : "-", goal ? verdict(ratio >= goal) : "-"];
    }),
  );
  const rss = Object.entries(rssByEngine).map(([engine, mib]) => `${engine} ${mib.toFixed(0)} MiB`);
  console.log(`\nRSS of the one process after all four calls' load: ${rss.join(", ")}   target < ${TARGETS.rssMiB} MiB: ${verdict(Object.values(rssByEngine).every((m) => m < TARGETS.rssMiB))}`);
  failureWarnings(rows.flatMap((r) => [{ label: `${r.engine} ${r.target.label}`, failures: r.studio.failures }, { label: `bare ${r.target.label}`, failures: r.bare.failures }]));
}

export function printScaling(rows: ScaleRow[]): void {
  console.log(`\nPART 1b. GET /api/v1/prompts/{name}?label=production over N studio processes on one database, round-robin by connection.`);
  console.log(`${CONNECTIONS} connections dealt over the processes by one load generator, ${DURATION_S} s after ${WARMUP_S} s warm-up. SQLite: one process on a file`);
  console.log("(baseline). Each generator's rows are compared with its own one-process Postgres row.\n");
  const one = (generator: string) => rows.find((r) => r.engine === "Postgres" && r.processes === 1 && r.generator === generator)?.load.perSecond ?? NaN;
  table(
    ["engine", "generator", "processes", "req/s", "p50", "p99", "vs Postgres x1", "target", "result", "RSS per process after load (MiB)", "RSS < 400 MiB"],
    rows.map(({ engine, generator, processes, load, rss }) => {
      const ratio = load.perSecond / one(generator);
      const scaled = engine === "Postgres" && processes > 1;
      const goal = scaled && processes === 2 ? TARGETS.twoOverOne : null;
      return [
        engine,
        generator,
        String(processes),
        int(load.perSecond),
        ms(load.p50),
        ms(load.p99),
        `${ratio.toFixed(2)}x`,
        goal ? `>= ${goal}x` : "-",
        goal ? verdict(ratio >= goal) : "-",
        rss.map((m) => m.toFixed(0)).join(", "),
        verdict(rss.every((m) => m < TARGETS.rssMiB)),
      ];
    }),
  );
  failureWarnings(rows.map((r) => ({ label: `${r.engine} ${r.generator} x${r.processes}`, failures: r.load.failures })));
  const measured = rows.filter((r) => r.cores);
  if (measured.length === 0) return;
  console.log("\nWhere the cores went during those loads (1.00 = one core busy all the time; Postgres and the rest of the machine are");
  console.log("the difference between the machine and the two before it). \"req/s per studio core\" is what the studios serve per core");
  console.log("they were given: if it holds as processes are added, the studio scales, and what it lacks is cores.\n");
  table(
    ["engine", "generator", "processes", "studios", "generator", "rest", "machine busy", "of cores", "req/s per studio core"],
    measured.map(({ engine, generator, processes, cores, load }) => {
      const c = cores!;
      return [engine, generator, String(processes), c.studios.toFixed(2), c.generator.toFixed(2), (c.machine - c.studios - c.generator).toFixed(2), c.machine.toFixed(2), c.available.toFixed(2), int(load.perSecond / c.studios)];
    }),
  );
}

export function printEvals(rows: EvalRow[]): void {
  console.log(`\nPART 2. Eval cases per second, N studio processes sharing one run on one Postgres (concurrency ${EVAL_CONCURRENCY} per process).`);
  console.log(`Fixture model server answering after ${FIXTURE_LATENCY_MS} ms; ${CASES_PER_PROCESS.toLocaleString("en")} cases per process; the run is created while the processes are up.`);
  console.log(`"cases/s" counts from the moment the last process to join was seen holding cases (leases watched every 100 ms) to the`);
  console.log(`run's last result, all processes working; "first->last" counts from the first result, the join delay (up to one 2 s poll) included.`);
  console.log(`Bound = processes x ${EVAL_CONCURRENCY} / ${FIXTURE_LATENCY_MS / 1000} s. No target is set for this part.\n`);
  const one = rows.find((r) => r.processes === 1)?.measure.allJoined.perSecond ?? NaN;
  table(
    ["processes", "cases", "cases/s", "window", "first->last", "vs 1 process", "bound", "of bound", "joined (delay)", "cases leased per process", "run", "results", "cores: studios / machine busy / of"],
    rows.map(({ processes, measure, cores }) => [
      String(processes),
      int(measure.cases),
      int(measure.allJoined.perSecond),
      `${measure.allJoined.seconds.toFixed(1)} s`,
      `${int(measure.firstToLast.perSecond)}/s in ${measure.firstToLast.seconds.toFixed(1)} s`,
      `${(measure.allJoined.perSecond / one).toFixed(2)}x`,
      `${int(latencyBound(processes))}/s`,
      pct(measure.allJoined.perSecond / latencyBound(processes)),
      `${measure.workers.length} of ${processes} (${measure.workers.map((w) => `+${((w.joinedAt - measure.workers[0]!.joinedAt) / 1000).toFixed(1)}`).join(", ")} s)`,
      measure.workers.map((w) => int(w.cases)).join(", "),
      measure.status,
      Object.entries(measure.statuses).map(([status, n]) => `${n} ${status}`).join(", ") || "none",
      `${cores.studios.toFixed(2)} / ${cores.machine.toFixed(2)} / ${cores.available.toFixed(2)}`,
    ]),
  );
  for (const { processes, measure } of rows.filter((r) => r.measure.status !== "completed")) {
    console.log(`WARNING: the run on ${processes} process(es) ended ${measure.status}${measure.errorMessage ? `: ${measure.errorMessage}` : ""}; its rate is not the studio's.`);
  }
}

export function printDashboards({ seed, copy, sqlite, postgres }: DashboardResult): void {
  console.log(`\nPART 3. Dashboard queries, p95 of ${DASHBOARD_RUNS} runs after ${DASHBOARD_WARMUP} warm-ups (nearest rank), SQLite vs Postgres, the same rows.`);
  const counts = Object.entries(seed.seeded.counts).map(([t, n]) => `${t} ${n.toLocaleString("en")}`).join(", ");
  console.log(`bench:dashboards' sizes: ${counts}.`);
  console.log(`Seeded into SQLite in ${seed.seconds.toFixed(1)} s; copied into Postgres (npm run db:copy's code, then VACUUM ANALYZE) in ${copy.seconds.toFixed(1)} s (${copy.rows.toLocaleString("en")} rows).`);
  console.log(`Filters: "default" = last 30 days, no filter; "prompt" = one prompt, last 30 days. Target: every p95 < ${TARGETS.dashboardP95Ms} ms on both engines.\n`);
  const onPostgres = new Map(postgres.map((t) => [`${t.name}|${t.variant}`, t]));
  table(
    ["query", "filters", "SQLite median", "SQLite p95", "Postgres median", "Postgres p95", "result"],
    sqlite.map((s) => {
      const p = onPostgres.get(`${s.name}|${s.variant}`)!;
      return [s.name, s.variant, `${s.median.toFixed(1)} ms`, `${s.p95.toFixed(1)} ms`, `${p.median.toFixed(1)} ms`, `${p.p95.toFixed(1)} ms`, verdict(Math.max(s.p95, p.p95) < TARGETS.dashboardP95Ms)];
    }),
  );
  const worst = (timings: typeof sqlite) => timings.reduce((a, b) => (b.p95 > a.p95 ? b : a));
  for (const [engine, timings] of [["SQLite", sqlite], ["Postgres", postgres]] as const) {
    const w = worst(timings);
    console.log(`${engine.padEnd(8)} max p95 ${w.p95.toFixed(1)} ms (${w.name}, ${w.variant})   target < ${TARGETS.dashboardP95Ms} ms: ${verdict(w.p95 < TARGETS.dashboardP95Ms)}`);
  }
}
