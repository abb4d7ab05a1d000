// Part 3 of bench:scale: bench:dashboards' queries on SQLite and on Postgres over the same rows. The data is seeded
// once into a SQLite file with bench:dashboards' own seed (bench-dashboards-seed.ts), timed there, then copied into
// a Postgres database with db:copy and timed again, so the only difference is the engine.
import path from "node:path";
import type { DashboardSeed, DashboardTiming } from "./db-task";
import { dbTask, type Cluster } from "./processes";

export const DASHBOARD_RUNS = Number(process.env.BENCH_SCALE_DASHBOARD_RUNS ?? 20);
export const DASHBOARD_WARMUP = 3;

export interface DashboardResult {
  seed: DashboardSeed;
  copy: { seconds: number; rows: number };
  sqlite: DashboardTiming[];
  postgres: DashboardTiming[];
}

export async function measureDashboards(dir: string, cluster: Cluster): Promise<DashboardResult> {
  const file = path.join(dir, "dashboards.db");
  const seed = await dbTask<DashboardSeed>(file, "dashboards-seed");
  const timing = { seeded: seed.seeded, runs: DASHBOARD_RUNS, warmup: DASHBOARD_WARMUP };
  const sqlite = await dbTask<DashboardTiming[]>(file, "dashboards-time", timing);
  const postgresUrl = await cluster.database("bench_dashboards");
  const copy = await dbTask<{ seconds: number; rows: number }>(postgresUrl, "dashboards-copy", { from: file });
  const postgres = await dbTask<DashboardTiming[]>(postgresUrl, "dashboards-time", timing);
  return { seed, copy, sqlite, postgres };
}
