import "server-only";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { cacheWriteStatements } from "./statement-cache";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { databaseUrl } from "./database-url";
import { engineOf, type Engine } from "./engine";
import { connectPostgres, migratePostgres, type PgDb, type PgHandle } from "./postgres";
import * as schema from "./schema";
import { isReadOnlyError, probeWrite } from "./write-probe";

export type Db = BetterSQLite3Database<typeof schema>;
/** What a query function receives: the connection or an open transaction. */
export type DbOrTx = Db | Parameters<Parameters<Db["transaction"]>[0]>[0];

const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

/**
 * How long a statement waits, synchronously, for another process's write lock before failing with SQLITE_BUSY.
 * better-sqlite3 waits inside the call, so this blocks the whole event loop: it stays short, and longer waits happen
 * asynchronously above (lib/platform/ops/database-busy.ts), ending in a 503 with Retry-After.
 */
export const BUSY_TIMEOUT_MS = 50;
/** Opening and migrating may wait longer: nothing is being served yet. */
const OPEN_BUSY_TIMEOUT_MS = 5_000;

/** The database file or its folder cannot be written: the boot stops with this message, which names the path. */
export class DatabaseUnwritableError extends Error {
  constructor(filePath: string, reason: string, options?: { cause?: unknown }) {
    super(
      `Cannot write the database at ${filePath}: ${reason}. The studio needs to read and write the file and to create ` +
        "files in its folder (SQLite keeps -wal and -shm files beside it). Fix the permissions or the mount, or set " +
        "DATABASE_URL to a writable path.",
      options,
    );
    this.name = "DatabaseUnwritableError";
  }
}

const UNWRITABLE_CODES = new Set(["EACCES", "EPERM", "EROFS", "SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_AUTH"]);

function unwritableReason(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== "string") return null;
  if (UNWRITABLE_CODES.has(code) || isReadOnlyError(error) || code.startsWith("SQLITE_CANTOPEN")) {
    return `${(error as Error).message} (${code})`;
  }
  return null;
}

/** Refuses what the OS already says it will refuse, before SQLite opens the file read-only without a word. */
function assertWritable(filePath: string): void {
  fs.mkdirSync(path.dirname(filePath), { recursive: true });
  fs.accessSync(path.dirname(filePath), fs.constants.W_OK);
  for (const file of [filePath, `${filePath}-wal`, `${filePath}-shm`]) {
    if (fs.existsSync(file)) fs.accessSync(file, fs.constants.R_OK | fs.constants.W_OK);
  }
}

export function openDatabase(filePath: string): { db: Db; sqlite: Database.Database } {
  const memory = filePath === ":memory:";
  const shownPath = memory ? filePath : path.resolve(filePath);
  let sqlite: Database.Database | undefined;
  try {
    if (!memory) assertWritable(shownPath);
    sqlite = new Database(filePath);
    sqlite.pragma(`busy_timeout = ${OPEN_BUSY_TIMEOUT_MS}`);
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("foreign_keys = ON");
    // WAL makes NORMAL durable against application crashes; only an OS crash can lose the last commit.
    sqlite.pragma("synchronous = NORMAL");
    // A statement that fires triggers (every write to a table the rollups summarise) keeps a statement journal, and
    // with temporary files on disk each such insert cost 30-40 µs more than in memory (bench:dashboards' write cost).
    // Temporary tables and sorts then stay in memory too; the dashboards read small rollups, so none of them is big.
    sqlite.pragma("temp_store = MEMORY");
    // SQLite opens a file it may not write read-only, silently; finding out at the first user's save is too late.
    if (!memory && probeWrite(sqlite, { write: true }) === "read-only") {
      throw new DatabaseUnwritableError(shownPath, "the file is read-only (or on a read-only file system)");
    }
    cacheWriteStatements(sqlite);
    const db = drizzle(sqlite, { schema });
    migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    return { db, sqlite };
  } catch (error) {
    sqlite?.close();
    if (error instanceof DatabaseUnwritableError) throw error;
    const reason = unwritableReason(error);
    if (reason) throw new DatabaseUnwritableError(shownPath, reason, { cause: error });
    throw error;
  }
}

// One connection (SQLite) or pool (Postgres) per process, kept on globalThis so dev hot reloads don't open new ones
// and both copies of lib/ under server.ts share it.
const globalForDb = globalThis as unknown as { studioDb?: { db: Db; sqlite: Database.Database }; studioPg?: PgHandle };

/** The engine of the process's database (DATABASE_URL, db/engine.ts), known once it is open. */
export function databaseEngine(): Engine {
  if (!globalForDb.studioDb && !globalForDb.studioPg) getDb();
  return globalForDb.studioPg ? "postgres" : "sqlite";
}

/**
 * The process's database. SQLite is opened, and migrated, on first use. On Postgres the pool is made here and the
 * migrations run in prepareDatabase(), which the boot and every script await first. The type is SQLite's drizzle
 * database either way: queries are written once against it (db/schema/dialect.ts says why that holds). Called for
 * every query, so once open it reads nothing, not even the environment.
 */
export function getDb(): Db {
  if (globalForDb.studioDb) return globalForDb.studioDb.db;
  if (globalForDb.studioPg) {
    if (ASSERT_NO_OUTSIDE_READS && insideTransaction()) {
      throw new Error("getDb() inside transaction(): on Postgres that query runs on another connection, outside the transaction; pass its tx.");
    }
    return globalForDb.studioPg.db as unknown as Db;
  }
  const url = databaseUrl();
  if (engineOf(url) === "postgres") {
    globalForDb.studioPg = connectPostgres(url);
    return globalForDb.studioPg.db as unknown as Db;
  }
  globalForDb.studioDb = openDatabase(url);
  return globalForDb.studioDb.db;
}

// The Postgres test suite sets this (lib/testing/setup-unit-postgres.ts): there, a query through getDb() made while
// a transaction() is open is an error, because it would read outside the transaction's snapshot (and hold a second
// pooled connection). On SQLite both are the one connection, so the mistake only shows on Postgres.
const ASSERT_NO_OUTSIDE_READS = process.env.STUDIO_ASSERT_TRANSACTION_READS === "1";
const insideTransaction = () =>
  (globalThis as unknown as { studioTransactions?: { open: { getStore(): unknown } } }).studioTransactions?.open.getStore() !== undefined;

/** The Postgres database under getDb(), typed as what it is; for the few places that speak pg-core on purpose. */
export function getPostgres(): PgDb {
  getDb();
  if (!globalForDb.studioPg) throw new Error("DATABASE_URL names SQLite, not Postgres.");
  return globalForDb.studioPg.db;
}

/** The Postgres pool, for what needs a client of its own (LISTEN, lib/serving/epoch-follower.ts). */
export function getPostgresPool(): PgHandle["pool"] {
  getDb();
  if (!globalForDb.studioPg) throw new Error("DATABASE_URL names SQLite, not Postgres.");
  return globalForDb.studioPg.pool;
}

/** Opens the database and brings its schema up to date; awaited before anything is served. */
export async function prepareDatabase(): Promise<void> {
  getDb();
  if (globalForDb.studioPg) await migratePostgres(globalForDb.studioPg);
}

/** The better-sqlite3 handle under a drizzle database or transaction (drizzle keeps it as $client; its type does not say so). */
export function sqliteOf(db: Db | DbOrTx): Database.Database {
  return (db as unknown as { $client: Database.Database }).$client;
}

/** The same connection, raw: for a statement prepared once and run on every request (the delivery epoch). SQLite only. */
export function getSqlite(): Database.Database {
  getDb();
  if (!globalForDb.studioDb) throw new Error("getSqlite() is for SQLite; DATABASE_URL names Postgres.");
  return globalForDb.studioDb.sqlite;
}

/** Closes the connection; a Postgres pool ends once its queries in flight have. */
export function closeDb(): void {
  globalForDb.studioDb?.sqlite.close();
  globalForDb.studioDb = undefined;
  const postgres = globalForDb.studioPg;
  globalForDb.studioPg = undefined;
  postgres?.pool.end().catch(() => undefined);
}
