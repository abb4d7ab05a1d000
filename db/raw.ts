import "server-only";
import type { SQL } from "drizzle-orm";
import { databaseEngine, type DbOrTx } from "./index";
import type { PgDb } from "./postgres";

// Hand-written SQL, for the queries the builder cannot say (recursive CTEs, window functions, a dashboard's
// aggregate). The one place that knows how each engine runs a raw statement; the SQL text itself stays in its
// feature, beside the dialect it is written for.

const onPostgres = (db: DbOrTx) => (databaseEngine() === "postgres" ? (db as unknown as PgDb) : null);

/** The rows of a raw SELECT. */
export async function rawRows<Row>(db: DbOrTx, query: SQL): Promise<Row[]> {
  const postgres = onPostgres(db);
  if (postgres) return (await postgres.execute(query)).rows as Row[];
  return db.all<Row>(query);
}

/** The first row of a raw SELECT, or undefined. */
export async function rawRow<Row>(db: DbOrTx, query: SQL): Promise<Row | undefined> {
  if (onPostgres(db)) return (await rawRows<Row>(db, query))[0];
  return db.get<Row>(query);
}

/** Runs a raw statement that returns nothing (DDL, a bulk UPDATE); resolves to the number of rows it changed. */
export async function rawRun(db: DbOrTx, query: SQL): Promise<number> {
  const postgres = onPostgres(db);
  if (postgres) return (await postgres.execute(query)).rowCount ?? 0;
  return db.run(query).changes;
}

/** A statement Postgres keeps parsed and planned on each connection, under its name (see rawRunNamed). */
export interface NamedStatement {
  name: string;
  text: string;
}

interface PgQueryable {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rowCount: number | null }>;
}

/**
 * Postgres only: runs `statement` as a named prepared statement, so each pooled connection parses and plans it once
 * instead of on every call (200 µs of Postgres's time for a batch INSERT of fifteen array parameters, more than the
 * rows cost to store). Drizzle cannot name a statement, so this goes to the node-postgres client under `db`: Drizzle's
 * session holds the pool there, or a transaction's own connection inside one. Resolves to the number of rows it changed.
 */
export async function rawRunNamed(db: DbOrTx, statement: NamedStatement, values: unknown[]): Promise<number> {
  if (!onPostgres(db)) throw new Error("rawRunNamed is for Postgres");
  const client = (db as unknown as { session?: { client?: PgQueryable } }).session?.client;
  if (typeof client?.query !== "function") throw new Error("rawRunNamed: no node-postgres client behind this database handle");
  return (await client.query({ ...statement, values })).rowCount ?? 0;
}
