import { getDb } from "../index";
import { backfillState } from "./backfill";
import type { RollupSource } from "./definitions";

// Whether a source's rollups hold every row yet. Until its backfill is done, the dashboards read the raw rows
// instead, so a chart is never short of the rows the backfill has not reached. Done is forever (a backfill never
// starts again), so once seen it is remembered for the life of the process.

const known = new Set<RollupSource>();

export async function rollupsReady(...sources: RollupSource[]): Promise<boolean> {
  for (const source of sources) {
    if (known.has(source)) continue;
    if (!(await backfillState(getDb(), source)).done) return false;
    known.add(source);
  }
  return true;
}
