import "server-only";
import { Gauge } from "prom-client";
import { sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { rawRows } from "@/db/raw";
import { getMetrics } from "./registry";

// Counts that live in the database are read at scrape time, so they are right across processes and restarts and
// need no hook in the code that writes them. eval_results and playground_runs only grow, so these behave as
// counters; they are gauges because prom-client counters cannot be set from a collect callback.

const globalForGauges = globalThis as unknown as { studioDbGauges?: boolean };

function countBy(query: SQL): Promise<{ key: string; n: number }[]> {
  return rawRows<{ key: string; n: number }>(getDb(), query);
}

export function registerDatabaseGauges(): void {
  if (globalForGauges.studioDbGauges) return;
  globalForGauges.studioDbGauges = true;
  const { registry } = getMetrics();
  new Gauge({
    name: "promptops_eval_case_results",
    help: "Evaluation case results recorded, by status (passed, failed, error, unscored).",
    labelNames: ["status"],
    registers: [registry],
    async collect() {
      const rows = await countBy(sql`SELECT status AS key, count(*) AS n FROM eval_results GROUP BY status`);
      this.reset();
      for (const row of rows) this.labels(row.key).set(row.n);
    },
  });
  new Gauge({
    name: "promptops_eval_runs",
    help: "Evaluation runs, by status.",
    labelNames: ["status"],
    registers: [registry],
    async collect() {
      const rows = await countBy(sql`SELECT status AS key, count(*) AS n FROM eval_runs GROUP BY status`);
      this.reset();
      for (const row of rows) this.labels(row.key).set(row.n);
    },
  });
  new Gauge({
    name: "promptops_playground_runs",
    help: "Playground runs, by status.",
    labelNames: ["status"],
    registers: [registry],
    async collect() {
      const rows = await countBy(sql`SELECT status AS key, count(*) AS n FROM playground_runs GROUP BY status`);
      this.reset();
      for (const row of rows) this.labels(row.key).set(row.n);
    },
  });
}
