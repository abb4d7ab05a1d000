import { sql } from "drizzle-orm";
import { getDb } from "../index";
import { rawRows } from "../raw";
import type { RollupSource } from "./definitions";
import { foldRollups } from "./fold";

// Whether sources' rollups hold every row yet. Until a source's backfill is done, the dashboards read its raw rows
// instead, so a chart is never short of the rows the backfill has not reached. Read on every dashboard load (one
// query over a three-row table, whatever the sources asked), not remembered: rollups an operator clears and
// backfills again are read raw meanwhile, in every process. On Postgres the pending deltas are folded first
// (./fold.ts), so the dashboard that asked reads every row committed before it started.
export async function rollupsReady(...sources: RollupSource[]): Promise<boolean> {
  await foldRollups();
  const rows = await rawRows<{ source: string; done: unknown }>(getDb(), sql`SELECT source, done FROM rollup_backfills`);
  const done = new Set(rows.filter((row) => Boolean(row.done)).map((row) => row.source));
  return sources.every((source) => done.has(source));
}
