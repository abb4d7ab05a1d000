import path from "node:path";
import Database from "better-sqlite3";

// The e2e studio server's database (scripts/e2e-server.mjs), opened read-only so a spec can check what was stored.
export function readStudioDb<T>(read: (db: Database.Database) => T): T {
  const db = new Database(path.join("data", "e2e-studio", "studio.db"), { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

export function loginFailures(key: string): number | undefined {
  return readStudioDb((db) => db.prepare<[string], { failures: number }>("SELECT failures FROM login_attempts WHERE key = ?").get(key)?.failures);
}
