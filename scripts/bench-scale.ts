// `npm run bench:scale`: how the studio scales out when several processes share one PostgreSQL database, side by
// side in one run with SQLite's single process. A benchmark reports numbers; it asserts nothing.
//
//   1. Delivery (scripts/bench-scale/delivery.ts): the production build (dist/server.js) as 1, then 2, then 4
//      processes on ONE Postgres database seeded once, GET /api/v1/prompts/{name}?label=production driven by ONE
//      autocannon given every process's URL: it deals its 50 connections round-robin over the processes (connection
//      i to process i mod N), so the load is spread evenly and one latency histogram gives the cluster's p99. With 1
//      process on each engine, the list, render and generations calls too, each next to a bare node:http server
//      answering the same bytes. Each process's RSS after its load. When wrk is installed, the prompt GET over 1, 2
//      and 4 processes once more, driven by wrk, which takes less of the two cores than autocannon does.
//   2. Evals (scripts/bench-scale/evals.ts): with the same 1, 2 and 4 processes up, one run at concurrency 16 over
//      1,600 cases per process against the fixture model server at 50 ms; the processes' eval workers share it.
//      Cases/s from the moment every process holds cases to the last result (first to last result beside it).
//   3. Dashboards (scripts/bench-scale/dashboards.ts): bench:dashboards' queries and sizes on SQLite, then on a
//      Postgres copy of the same rows.
//
// Everything runs on this machine: the servers, autocannon, Postgres, the fixture server and whatever else shares
// its cores, so the figures are noisy and are best compared within one run. The Postgres cluster (pg-cluster.mjs)
// lives in the temporary folder; it and every child process are stopped at the end, on failure and on Ctrl-C.
// Options (env): BENCH_DURATION (10 s per measured load), BENCH_SCALE_EVAL_CASES_PER_PROCESS (1600),
// BENCH_SCALE_DASHBOARD_RUNS (20), BENCH_WRK=0 (skip wrk's rows even when wrk is installed), BENCH_SCALE_PARTS (a comma list of "delivery", "dashboards"; both by default, the
// evals run with delivery's processes). Needs `npm run build` first (exits 2 without dist/server.js).
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Seeded } from "./bench-scale/db-task";
import { measureDashboards } from "./bench-scale/dashboards";
import { deliveryTargets, measureRoutes, measureScaling, startStudios, stopStudios, type RouteRow, type ScaleRow, type Studio } from "./bench-scale/delivery";
import { measureEvals, startFixture, type EvalRow } from "./bench-scale/evals";
import { dbTask, rssMiB, startCluster, stopChild, stopEverything, stopEverythingOnSignals, tempDir } from "./bench-scale/processes";
import { hasWrk } from "./bench-scale/wrk";
import { printDashboards, printEvals, printRoutes, printScaling } from "./bench-scale/report";

const PROCESS_COUNTS = [1, 2, 4];
/** wrk, when installed (apt-get install wrk), drives the scaling loads a second time; see scripts/bench-scale/wrk.ts. */
const withWrk = process.env.BENCH_WRK !== "0" && hasWrk();
const started = performance.now();

function progress(message: string): void {
  console.log(`  [${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);
}

function hasBuild(): boolean {
  return fs.existsSync(path.join("dist", "server.js")) && fs.existsSync(path.join(".next", "BUILD_ID"));
}

/** Postgres requires both secrets, the same in every process (lib/platform/env.ts); these serve a throwaway run. */
function setSecrets(): void {
  process.env.AUTH_SECRET = randomBytes(32).toString("base64url");
  process.env.STUDIO_ENCRYPTION_KEY = randomBytes(32).toString("hex");
}

/** The one-process row of the scaling table: the prompt GET of the per-call measurements, and the RSS after them all. */
function oneProcessRow(engine: string, routes: RouteRow[], studio: Studio): ScaleRow {
  return { engine, processes: 1, generator: "autocannon", load: routes[0]!.studio, rss: [rssMiB(studio.child.pid!)] };
}

async function onSqlite(dir: string): Promise<{ routes: RouteRow[]; scaling: ScaleRow }> {
  const url = path.join(dir, "delivery.db");
  progress("SQLite: seeding the delivery data, starting 1 studio process");
  const targets = deliveryTargets((await dbTask<Seeded>(url, "seed")).keys);
  const [studio] = await startStudios(1, url);
  try {
    progress("SQLite: 4 calls, each with its bare server");
    const routes = await measureRoutes("SQLite", studio!, targets);
    return { routes, scaling: oneProcessRow("SQLite", routes, studio!) };
  } finally {
    await stopStudios([studio!]);
  }
}

async function onPostgres(databaseUrl: string, dir: string): Promise<{ routes: RouteRow[]; scaling: ScaleRow[]; evals: EvalRow[] }> {
  progress("Postgres: starting the fixture model server, seeding the delivery data and the eval workspace");
  const fixture = await startFixture();
  const seeded = await dbTask<Seeded>(databaseUrl, "seed", { fixtureUrl: fixture.url });
  const targets = deliveryTargets(seeded.keys);
  let routes: RouteRow[] = [];
  const scaling: ScaleRow[] = [];
  const evals: EvalRow[] = [];
  for (const count of PROCESS_COUNTS) {
    progress(`Postgres: starting ${count} studio process${count > 1 ? "es" : ""}`);
    const studios = await startStudios(count, databaseUrl);
    try {
      if (count === 1) {
        progress("Postgres: 4 calls, each with its bare server");
        routes = await measureRoutes("Postgres", studios[0]!, targets);
        scaling.push(oneProcessRow("Postgres", routes, studios[0]!));
      } else {
        progress(`Postgres: the prompt GET over ${count} processes`);
        scaling.push(await measureScaling("Postgres", studios, targets[0]!));
      }
      if (withWrk) {
        progress(`Postgres: the prompt GET over ${count} process${count > 1 ? "es" : ""}, driven by wrk`);
        scaling.push(await measureScaling("Postgres", studios, targets[0]!, "wrk", dir));
      }
      progress(`Postgres: an eval run shared by ${count} process${count > 1 ? "es" : ""}`);
      evals.push(await measureEvals(databaseUrl, seeded.evals!, studios.map((studio) => studio.child.pid!)));
    } finally {
      await stopStudios(studios);
    }
  }
  await stopChild(fixture.child);
  return { routes, scaling, evals };
}

async function main(): Promise<void> {
  if (!hasBuild()) {
    console.error("No production build (dist/server.js, .next/BUILD_ID): run `npm run build` first.");
    process.exitCode = 2;
    return;
  }
  stopEverythingOnSignals();
  setSecrets();
  console.log(`bench:scale: ${os.cpus().length} cores, Node ${process.version}. The servers, autocannon, Postgres and the fixture server share these`);
  console.log("cores with each other and with any other work on the machine: the figures are noisy; compare them within one run.\n");
  const dir = tempDir("bench-scale-");
  const parts = new Set((process.env.BENCH_SCALE_PARTS ?? "delivery,dashboards").split(",").map((part) => part.trim()));
  progress("Postgres: starting a throwaway cluster");
  const cluster = startCluster();
  if (parts.has("delivery")) {
    const sqlite = await onSqlite(dir);
    const postgres = await onPostgres(await cluster.database("bench_scale"), dir);
    printRoutes([...sqlite.routes, ...postgres.routes], { SQLite: sqlite.scaling.rss[0]!, Postgres: postgres.scaling[0]!.rss[0]! });
    printScaling([sqlite.scaling, ...postgres.scaling]);
    if (!withWrk) console.log("\n(wrk is not installed: `apt-get install wrk` adds the same loads driven by a cheaper generator.)");
    printEvals(postgres.evals);
    console.log();
  }
  if (parts.has("dashboards")) {
    progress("Dashboards: seeding SQLite, timing, copying to Postgres, timing");
    printDashboards(await measureDashboards(dir, cluster));
  }
  console.log(`\nbench:scale took ${((performance.now() - started) / 60_000).toFixed(1)} min.`);
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(async () => {
    await stopEverything();
    // autocannon and pools may leave handles open; the benchmark is over.
    process.exit(process.exitCode ?? 0);
  });
