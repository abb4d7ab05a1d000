import "server-only";
import path from "node:path";
import pg from "pg";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import * as schema from "./schema";

// PostgreSQL through node-postgres: one pool per process. The schema objects are built for Postgres when
// DATABASE_URL names it (db/schema/dialect.ts), so drizzle here speaks pg-core.

// int8 (count(*), sums of integers) and numeric (avg) arrive as strings; SQLite hands the same values over as
// numbers, and the studio's fit a double, so both engines give the code numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

export type PgDb = NodePgDatabase<typeof schema>;
export interface PgHandle {
  db: PgDb;
  pool: pg.Pool;
  url: string;
  migrated?: Promise<void>;
}

const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations-pg");
/** Any number: every studio process takes this advisory lock to migrate, so two starting at once do not race. */
const MIGRATION_LOCK = 7_415_001;

/** The pool is made at once; it connects on the first query. */
export function connectPostgres(url: string): PgHandle {
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  // An idle client that loses its connection (a database restart) must not crash the process; the pool replaces it.
  pool.on("error", () => undefined);
  return { db: drizzle(pool, { schema }), pool, url };
}

/** Applies db/migrations-pg once per process, under an advisory lock shared by every process on the database. */
export function migratePostgres(handle: PgHandle): Promise<void> {
  handle.migrated ??= (async () => {
    const client = await handle.pool.connect();
    try {
      await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
      await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
      client.release();
    }
  })();
  return handle.migrated;
}
