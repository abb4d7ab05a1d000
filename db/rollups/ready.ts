import { getDb } from "../index";
import { backfillState } from "./backfill";
import type { RollupSource } from "./definitions";

// Whether a source's rollups hold every row yet. Until its backfill is done, the dashboards read the raw rows
// instead, so a chart is never short of the rows the backfill has not reached. Read on every dashboard load (one
// primary-key lookup in a three-row table), not remembered: rollups an operator clears and backfills again are read
// raw meanwhile, in every process.
export async function rollupsReady(...sources: RollupSource[]): Promise<boolean> {
  for (const source of sources) if (!(await backfillState(getDb(), source)).done) return false;
  return true;
}
