import type pg from "pg";

// The copy's progress, kept on the target in a table of its own: per source table, the last rowid copied, the rows
// copied so far and whether it is finished. Each batch updates its row in the batch's own transaction, so the
// checkpoint never claims a row the target lacks, nor misses one it has. The table's presence means "a copy is
// under way here"; it is dropped when the copy completes.

export const CHECKPOINT_TABLE = "studio_copy_checkpoint";

export interface Checkpoint {
  lastRowid: number;
  rowsCopied: number;
  done: boolean;
}

export async function hasCheckpoint(client: pg.Client): Promise<boolean> {
  const { rows } = await client.query<{ present: boolean }>("SELECT to_regclass($1) IS NOT NULL AS present", [CHECKPOINT_TABLE]);
  return rows[0]!.present;
}

/** Creates the table with a fresh row per table to copy; inside the caller's transaction. */
export async function createCheckpoint(client: pg.Client, tables: readonly string[]): Promise<void> {
  await client.query(
    `CREATE TABLE ${CHECKPOINT_TABLE} (
       table_name text PRIMARY KEY, last_rowid bigint NOT NULL, rows_copied bigint NOT NULL, done boolean NOT NULL)`,
  );
  await client.query(`INSERT INTO ${CHECKPOINT_TABLE} SELECT unnest($1::text[]), 0, 0, false`, [tables]);
}

export async function readCheckpoints(client: pg.Client): Promise<Map<string, Checkpoint>> {
  // bigint arrives as a string unless db/postgres.ts's parser is loaded; Number() takes either.
  const { rows } = await client.query<{ table_name: string; last_rowid: string | number; rows_copied: string | number; done: boolean }>(
    `SELECT table_name, last_rowid, rows_copied, done FROM ${CHECKPOINT_TABLE}`,
  );
  const checkpoint = (row: (typeof rows)[number]) => ({ lastRowid: Number(row.last_rowid), rowsCopied: Number(row.rows_copied), done: row.done });
  return new Map(rows.map((row) => [row.table_name, checkpoint(row)]));
}

/** Records a batch: inside the transaction that inserted its rows. */
export async function saveCheckpoint(client: pg.Client, table: string, checkpoint: Checkpoint): Promise<void> {
  await client.query(
    `INSERT INTO ${CHECKPOINT_TABLE} (table_name, last_rowid, rows_copied, done) VALUES ($1, $2, $3, $4)
       ON CONFLICT (table_name) DO UPDATE
       SET last_rowid = excluded.last_rowid, rows_copied = excluded.rows_copied, done = excluded.done`,
    [table, checkpoint.lastRowid, checkpoint.rowsCopied, checkpoint.done],
  );
}

export async function dropCheckpoint(client: pg.Client): Promise<void> {
  await client.query(`DROP TABLE IF EXISTS ${CHECKPOINT_TABLE}`);
}
