import path from "node:path";
import Database from "better-sqlite3";

// The e2e studio server's database (scripts/e2e-server.mjs starts it on data/e2e-studio), opened read-only so a spec
// can check what was stored, not only what the screen shows.
const STUDIO_DB = path.resolve("data/e2e-studio/studio.db");

export function readStudioDb<T>(read: (db: Database.Database) => T): T {
  const db = new Database(STUDIO_DB, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

export function queryStudioDb<T>(sql: string, ...params: unknown[]): T[] {
  return readStudioDb((db) => db.prepare(sql).all(...params) as T[]);
}

export function loginFailures(key: string): number | undefined {
  return readStudioDb((db) => db.prepare<[string], { failures: number }>("SELECT failures FROM login_attempts WHERE key = ?").get(key)?.failures);
}
