import "server-only";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { rawRow, rawRows } from "@/db/raw";
import { aggregateTarget } from "./queries";

// What the budget gates of a protected environment read (issue 19): the mean cost of one call and the p95 latency
// over the eval gate's run of the candidate. A result with no recorded cost (a model without a price) is left out
// of the mean rather than counted as free, and the gate says how many calls were priced.

export interface GateRunCosts {
  runId: string;
  /** Results of the candidate's target in the run. */
  calls: number;
  /** Results with a recorded cost: the mean's denominator. */
  priced: number;
  meanCostUsd: number | null;
  p95LatencyMs: number | null;
}

export async function gateRunCosts(db: DbOrTx, { runId, targetId }: { runId: string; targetId: string }): Promise<GateRunCosts> {
  const row = (await rawRow<{ calls: number; priced: number; meanCostUsd: number | null }>(
    db,
    sql`SELECT count(*) AS calls, count(cost_usd) AS priced, avg(cost_usd) AS "meanCostUsd"
        FROM eval_results WHERE target_id = ${targetId} AND run_id = ${runId}`,
  ))!;
  const { latencyP95Ms } = await aggregateTarget(targetId, db);
  const meanCostUsd = row.meanCostUsd === null ? null : Number(row.meanCostUsd);
  return { runId, calls: Number(row.calls), priced: Number(row.priced), meanCostUsd, p95LatencyMs: latencyP95Ms === null ? null : Number(latencyP95Ms) };
}

/** The datasets this prompt has been evaluated on (any version, any status): what the linter checks variables against. */
export async function promptDatasetIds(db: DbOrTx, { promptId }: { promptId: string }): Promise<string[]> {
  const rows = await rawRows<{ datasetId: string }>(
    db,
    sql`SELECT DISTINCT r.dataset_id AS "datasetId" FROM eval_run_targets t JOIN eval_runs r ON r.id = t.run_id WHERE t.prompt_id = ${promptId}`,
  );
  return rows.map((r) => r.datasetId);
}
