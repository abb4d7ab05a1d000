import type Database from "better-sqlite3";

// better-sqlite3 compiles a statement each time it is prepared, and Drizzle prepares every query it runs. A write to a
// table with triggers compiles the triggers' programs with it: 90-180 µs for an insert into ratings, generations or
// eval_results since the rollups (issue 17), against 10-20 µs without, and more than the insert itself costs to run.
// So the connection keeps the statements of writes it has prepared and hands the same one back for the same text.
//
// Only writes (INSERT, UPDATE, DELETE, REPLACE at the start of the text): each runs to completion in one call (run, get or all),
// never left half-read by an iterator that a second use of the same statement would break. A statement's modes
// (raw, pluck, expand) stay set on it, so they are put back to their defaults before it is handed out again.

const WRITE = /^\s*(?:insert|update|delete|replace)\b/i;
/** Distinct write statements kept; the studio has a few hundred, and a bulk import's batches share their texts. */
const MAX_CACHED = 500;

export function cacheWriteStatements(sqlite: Database.Database): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    if (!WRITE.test(source)) return prepare(source);
    let statement = cache.get(source);
    if (statement) {
      if (statement.reader) statement.raw(false).pluck(false).expand(false);
      return statement;
    }
    statement = prepare(source);
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
    cache.set(source, statement);
    return statement;
  }) as Database.Database["prepare"];
}
