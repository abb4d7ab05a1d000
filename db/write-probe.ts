import type Database from "better-sqlite3";

// Can this connection write right now? Asked without waiting (busy timeout 0), so a health check or a request that
// is about to write never blocks the event loop on another process's lock.

export type WriteState = "ok" | "locked" | "read-only";

// drizzle wraps the error of a raw statement (db.run(sql), under db/raw.ts) in its own, with the driver's as the cause.
function codeOf(error: unknown, depth = 0): unknown {
  const { code, cause } = (error ?? {}) as { code?: unknown; cause?: unknown };
  return code ?? (cause !== undefined && depth < 3 ? codeOf(cause, depth + 1) : undefined);
}

/** SQLITE_BUSY or SQLITE_LOCKED (and their extended codes): another connection holds the lock. */
export function isLockError(error: unknown): boolean {
  const code = codeOf(error);
  return typeof code === "string" && (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED"));
}

/** SQLITE_READONLY (and extended codes): the file, its folder or the file system refuses writes. */
export function isReadOnlyError(error: unknown): boolean {
  const code = codeOf(error);
  return typeof code === "string" && code.startsWith("SQLITE_READONLY");
}

/**
 * Takes the write lock and gives it back at once (BEGIN IMMEDIATE; ROLLBACK). With `write`, it also writes inside
 * that transaction (creates a table, rolled back), which is what finds a read-only file: SQLite only refuses at the
 * first write. Nothing is ever committed.
 */
export function probeWrite(sqlite: Database.Database, { write = false }: { write?: boolean } = {}): WriteState {
  // While a transaction of this connection is open (another request's, for the turn of the event loop it lasts),
  // the lock is this process's and is given back within that turn.
  if (sqlite.inTransaction) return "ok";
  const previous = sqlite.pragma("busy_timeout", { simple: true }) as number;
  sqlite.pragma("busy_timeout = 0");
  try {
    sqlite.exec("BEGIN IMMEDIATE");
    try {
      if (write) sqlite.exec("CREATE TABLE main.studio_write_probe (x INTEGER)");
    } finally {
      sqlite.exec("ROLLBACK");
    }
    return sqlite.readonly ? "read-only" : "ok";
  } catch (error) {
    if (isLockError(error)) return "locked";
    if (isReadOnlyError(error)) return "read-only";
    throw error;
  } finally {
    sqlite.pragma(`busy_timeout = ${previous}`);
  }
}
