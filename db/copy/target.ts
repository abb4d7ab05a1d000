import pg from "pg";
import { connectPostgres, migratePostgres } from "../postgres";
import { CHECKPOINT_TABLE } from "./checkpoint";
import type { TargetColumn } from "./convert";
import { CopyRefusedError } from "./errors";
import type { SourceTable } from "./source";

// The Postgres database being copied into, on a connection of its own.

/** Tables the Postgres migrations fill themselves: their rows are replaced by the source's, not counted as "in use". */
export const SEEDED_BY_MIGRATIONS = ["delivery_state", "rollup_backfills"];
/** Any number, other than the migrations' (db/postgres.ts): held for the whole copy, so two copies cannot interleave. */
const COPY_LOCK = 7_415_002;

export const quotePg = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Brings the target's schema up to date, with the studio's own migrator and advisory lock. */
export async function migrateTarget(url: string): Promise<void> {
  const handle = connectPostgres(url);
  try {
    await migratePostgres(handle);
  } catch (error) {
    throw new Error(`Could not migrate the target database: ${(error as Error).message}`, { cause: error });
  } finally {
    await handle.pool.end().catch(() => undefined);
  }
}

/** A client on the target holding the copy lock; refuses while another copy holds it. */
export async function connectTarget(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  // A dropped connection surfaces as the failing query's error; this keeps it from also crashing the process.
  client.on("error", () => undefined);
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`Could not connect to the target database: ${(error as Error).message}`, { cause: error });
  }
  const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [COPY_LOCK]);
  if (!rows[0]!.locked) {
    await client.end();
    throw new CopyRefusedError("Another copy into this database is running. Wait for it to finish (or stop it), then run this again.");
  }
  return client;
}

/** The columns of every table in the target's public schema (the checkpoint's excepted), in column order. */
export async function targetColumns(client: pg.Client): Promise<Map<string, TargetColumn[]>> {
  const { rows } = await client.query<{ table_name: string; column_name: string; data_type: string }>(
    `SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.table_name <> $1
      ORDER BY c.table_name, c.ordinal_position`,
    [CHECKPOINT_TABLE],
  );
  const tables = new Map<string, TargetColumn[]>();
  for (const row of rows) {
    const columns = tables.get(row.table_name) ?? [];
    columns.push({ name: row.column_name, type: row.data_type });
    tables.set(row.table_name, columns);
  }
  return tables;
}

/** Refuses unless both databases have the same tables with the same columns: the same version of the studio. */
export function checkSameSchema(source: readonly SourceTable[], target: ReadonlyMap<string, TargetColumn[]>): void {
  const onlySource = source.filter((t) => !target.has(t.name)).map((t) => t.name);
  const sourceNames = new Set(source.map((t) => t.name));
  const onlyTarget = [...target.keys()].filter((name) => !sourceNames.has(name));
  if (onlySource.length > 0 || onlyTarget.length > 0) {
    const parts = [onlySource.length > 0 && `only in the source: ${onlySource.join(", ")}`, onlyTarget.length > 0 && `only in the target: ${onlyTarget.join(", ")}`];
    throw new CopyRefusedError(
      `The two databases do not have the same tables (${parts.filter(Boolean).join("; ")}). ` +
        "Copy into an empty database, with the studio version that made the source.",
    );
  }
  for (const table of source) {
    const expected = [...table.columns].sort().join(", ");
    const actual = target.get(table.name)!.map((c) => c.name).sort().join(", ");
    if (expected !== actual) throw new CopyRefusedError(`${table.name} has other columns in the target (${actual}) than in the source (${expected}).`);
  }
}

/** The tables that already hold rows, apart from what the migrations put there. */
export async function tablesInUse(client: pg.Client, tables: readonly string[]): Promise<string[]> {
  const inUse: string[] = [];
  for (const table of tables) {
    if (SEEDED_BY_MIGRATIONS.includes(table)) continue;
    const { rows } = await client.query<{ used: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${quotePg(table)}) AS used`);
    if (rows[0]!.used) inUse.push(table);
  }
  return inUse;
}

/** Removes the migrations' own rows, which the source's replace; inside the transaction that starts the copy. */
export async function clearSeededRows(client: pg.Client): Promise<void> {
  for (const table of SEEDED_BY_MIGRATIONS) await client.query(`DELETE FROM ${quotePg(table)}`);
}

/**
 * Turns the tables' own triggers off or on; foreign keys stay checked (theirs are system triggers). With them on, the
 * copy would not be the source: each copied workspace would get three new default environments beside its own
 * (whose slugs then collide), each feedback row would count again in its generation's summary, and every batch
 * would bump the delivery epoch and notify. ALTER TABLE persists, so a copy that dies leaves them off until it is
 * run again (it turns them back on when it ends, finished or not).
 */
export async function setUserTriggers(client: pg.Client, tables: readonly string[], enabled: boolean): Promise<void> {
  for (const table of tables) await client.query(`ALTER TABLE ${quotePg(table)} ${enabled ? "ENABLE" : "DISABLE"} TRIGGER USER`);
}

/**
 * Inserts a batch with one statement: the rows travel as one JSON array and jsonb_populate_recordset makes them
 * rows of the table's own type, each field read by column name, so jsonb stays a document and the rest is parsed
 * by its column's type. The columns are listed, so their order on either side does not matter.
 */
export async function insertRows(
  client: pg.Client,
  table: string,
  columns: readonly TargetColumn[],
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  const list = columns.map((c) => quotePg(c.name)).join(", ");
  const into = quotePg(table);
  await client.query(`INSERT INTO ${into} (${list}) SELECT ${list} FROM jsonb_populate_recordset(NULL::${into}, $1::jsonb)`, [JSON.stringify(rows)]);
}

/** Runs `work` in one transaction on the client: committed if it returns, rolled back if it throws. */
export async function inTransaction<T>(client: pg.Client, work: () => Promise<T>): Promise<T> {
  await client.query("BEGIN");
  try {
    const result = await work();
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}
