import { sql, type SQL } from "drizzle-orm";
import { databaseEngine, type DbOrTx } from "../index";
import { rawRow, rawRun } from "../raw";
import { transaction } from "../transaction";
import { ident, identList as list, ROLLUPS, SOURCES, type Rollup, type RollupSource } from "./definitions";

// The backfill adds the rows that existed before the rollups did (and any written before it reached them), a batch at
// a time in key order behind rollup_backfills.cursor; the triggers keep rows at or before the cursor. Each batch is
// its own short transaction, so writes go on between batches: on SQLite they wait one batch at most, on Postgres
// only a write that lands inside the batch's range waits for it (studio_rollup_live, db/migrations-pg 0003).

/** Rows per batch: about 10-40 ms of work on either engine, so a write waits no longer than that. */
export const BACKFILL_BATCH = 2_000;

/** Adds the view's rows whose source key is in (after, upTo] to the rollup table, summed per key. */
function addRange(rollup: Rollup, after: string | null, upTo: string): SQL {
  const row = ident(rollup.rowColumn);
  const from = after === null ? sql`${row} <= ${upTo}` : sql`${row} > ${after} AND ${row} <= ${upTo}`;
  return sql`INSERT INTO ${ident(rollup.table)} (${list([...rollup.keys, ...rollup.figures])})
    SELECT ${list(rollup.keys)}, ${list(rollup.figures, (f) => `sum("${f}")`)} FROM ${ident(rollup.view)} WHERE ${from} GROUP BY ${list(rollup.keys)} ORDER BY ${list(rollup.keys)}
    ON CONFLICT (${list(rollup.keys)}) DO UPDATE SET ${list(rollup.figures, (f) => `"${f}" = "${rollup.table}"."${f}" + excluded."${f}"`)}`;
}

interface BackfillState {
  cursor: string | null;
  done: boolean;
}

/** Where a source's backfill stands. On Postgres `lock` holds the row until the transaction ends (see above). */
export async function backfillState(db: DbOrTx, source: RollupSource, lock = false): Promise<BackfillState> {
  const forUpdate = lock && databaseEngine() === "postgres" ? sql` FOR UPDATE` : sql``;
  const row = await rawRow<{ cursor: string | null; done: unknown }>(db, sql`SELECT cursor, done FROM rollup_backfills WHERE source = ${source}${forUpdate}`);
  // No row: a database whose migration has not run yet, or one copied from before the rollups existed.
  return row ? { cursor: row.cursor, done: Boolean(row.done) } : { cursor: null, done: false };
}

/** Adds the next batch of a source's rows to its rollups. Resolves to how many rows it added (0: the source is done). */
export function backfillBatch(source: RollupSource, batchSize = BACKFILL_BATCH): Promise<number> {
  // Read committed on Postgres: each statement sees what committed before it, so the batch includes every row whose
  // writer held the cursor row when this transaction took it, and no serialization retry replays a whole batch.
  return transaction(
    async (tx) => {
      const state = await backfillState(tx, source, true);
      if (state.done) return 0;
      const { table, key } = SOURCES[source];
      const after = state.cursor === null ? sql`` : sql`WHERE ${ident(key)} > ${state.cursor}`;
      const next = await rawRow<{ n: number; last: string | null }>(
        tx,
        sql`SELECT count(*) AS n, max(k) AS last FROM (SELECT ${ident(key)} AS k FROM ${ident(table)} ${after} ORDER BY ${ident(key)} LIMIT ${batchSize}) batch`,
      );
      if (!next?.last) {
        await rawRun(tx, sql`UPDATE rollup_backfills SET done = (1 = 1) WHERE source = ${source}`);
        return 0;
      }
      for (const rollup of ROLLUPS) if (rollup.source === source) await rawRun(tx, addRange(rollup, state.cursor, next.last));
      await rawRun(tx, sql`UPDATE rollup_backfills SET cursor = ${next.last} WHERE source = ${source}`);
      return Number(next.n);
    },
    { isolation: "read committed" },
  );
}

export interface BackfillProgress {
  source: RollupSource;
  rows: number;
}

/**
 * Backfills every source to the end, a batch at a time, letting other work run between batches. Safe to run in
 * several processes at once: a batch takes the cursor row, so they take turns.
 */
export async function backfillRollups(onBatch?: (progress: BackfillProgress) => void, batchSize = BACKFILL_BATCH): Promise<void> {
  for (const source of Object.keys(SOURCES) as RollupSource[]) {
    for (;;) {
      const rows = await backfillBatch(source, batchSize);
      onBatch?.({ source, rows });
      if (rows === 0) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}
