import "server-only";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { getEnv } from "@/lib/env";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema>;
/** What a query function receives: the connection or an open transaction. */
export type DbOrTx = Db | Parameters<Parameters<Db["transaction"]>[0]>[0];

const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

export function openDatabase(filePath: string): { db: Db; sqlite: Database.Database } {
  if (filePath !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(filePath)), { recursive: true });
  const sqlite = new Database(filePath);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // WAL makes NORMAL durable against application crashes; only an OS crash can lose the last commit.
  sqlite.pragma("synchronous = NORMAL");
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return { db, sqlite };
}

// One connection per process, kept on globalThis so dev hot reloads don't open new ones.
const globalForDb = globalThis as unknown as { studioDb?: { db: Db; sqlite: Database.Database } };

/** The process's connection; opened, and migrated, on first use. */
export function getDb(): Db {
  globalForDb.studioDb ??= openDatabase(getEnv().DATABASE_URL);
  return globalForDb.studioDb.db;
}

/** The same connection, raw: for a statement prepared once and run on every request (the delivery epoch). */
export function getSqlite(): Database.Database {
  getDb();
  return globalForDb.studioDb!.sqlite;
}

export function closeDb(): void {
  globalForDb.studioDb?.sqlite.close();
  globalForDb.studioDb = undefined;
}
