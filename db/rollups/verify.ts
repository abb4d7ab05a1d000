import { sql } from "drizzle-orm";
import { rawRows } from "../raw";
import { transaction } from "../transaction";
import { backfillState } from "./backfill";
import { ident, identList as list, ROLLUPS, type Rollup } from "./definitions";

// `npm run db:rollups -- --verify`: recomputes every rollup from the raw rows (through the same views the triggers
// and the backfill add from) and reports each figure that differs. Counts must match exactly. Sums of reals may
// differ in their last bits, since a rollup adds and takes out values in a different order than one sum does: they
// must agree to a relative 1e-9. While a backfill is under way, only the rows it has reached are compared.

export interface RollupDifference {
  table: string;
  key: Record<string, unknown>;
  figure: string;
  expected: number;
  actual: number;
}

const RELATIVE_TOLERANCE = 1e-9;

type Row = Record<string, unknown>;

function agree(rollup: Rollup, figure: string, expected: number, actual: number): boolean {
  if (rollup.counts.has(figure)) return expected === actual;
  return Math.abs(expected - actual) <= RELATIVE_TOLERANCE * Math.max(1, Math.abs(expected), Math.abs(actual));
}

async function verifyOne(rollup: Rollup): Promise<RollupDifference[]> {
  // Named, not `*`: a UNION pairs columns by position, and the two tables need not keep them in one order.
  const columns = list([...rollup.keys, ...rollup.figures]);
  const { expected, actual } = await transaction(
    async (tx) => {
      const state = await backfillState(tx, rollup.source);
      const reached = state.done ? sql`` : state.cursor === null ? sql`WHERE 1 = 0` : sql`WHERE ${ident(rollup.rowColumn)} <= ${state.cursor}`;
      return {
        expected: await rawRows<Row>(
          tx,
          sql`SELECT ${list(rollup.keys)}, ${list(rollup.figures, (f) => `sum("${f}") AS "${f}"`)} FROM ${ident(rollup.view)} ${reached} GROUP BY ${list(rollup.keys)}`,
        ),
        // The rollup and its deltas not yet folded (only Postgres has any: db/schema/rollups.ts), in one snapshot.
        actual: await rawRows<Row>(
          tx,
          sql`SELECT ${list(rollup.keys)}, ${list(rollup.figures, (f) => `sum("${f}") AS "${f}"`)}
            FROM (SELECT ${columns} FROM ${ident(rollup.table)} UNION ALL SELECT ${columns} FROM ${ident(rollup.deltas)}) stored GROUP BY ${list(rollup.keys)}`,
        ),
      };
    },
    { readOnly: true },
  );
  const keyOf = (row: Row) => JSON.stringify(rollup.keys.map((k) => row[k]));
  const stored = new Map(actual.map((row) => [keyOf(row), row]));
  const differences: RollupDifference[] = [];
  const compare = (key: Row, want: Row | undefined, have: Row | undefined) => {
    for (const figure of rollup.figures) {
      const e = Number(want?.[figure] ?? 0);
      const a = Number(have?.[figure] ?? 0);
      if (!agree(rollup, figure, e, a)) differences.push({ table: rollup.table, key: Object.fromEntries(rollup.keys.map((k) => [k, key[k]])), figure, expected: e, actual: a });
    }
  };
  for (const row of expected) {
    const key = keyOf(row);
    compare(row, row, stored.get(key));
    stored.delete(key);
  }
  // What is left is stored without a raw row behind it: fine only if every figure is zero (all its rows deleted).
  for (const row of stored.values()) compare(row, undefined, row);
  return differences;
}

/** Every figure of every rollup that its raw rows contradict; empty when the rollups are exact. */
export async function verifyRollups(): Promise<RollupDifference[]> {
  const all: RollupDifference[] = [];
  for (const rollup of ROLLUPS) all.push(...(await verifyOne(rollup)));
  return all;
}
