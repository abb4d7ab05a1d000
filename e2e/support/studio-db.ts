import path from "node:path";
import Database from "better-sqlite3";

// The e2e studio's own database (playwright.config.ts starts it on data/e2e-studio), opened read-only so a spec can
// check what was stored, not only what the screen shows.
const STUDIO_DB = path.resolve("data/e2e-studio/studio.db");

export function queryStudioDb<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(STUDIO_DB, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}
