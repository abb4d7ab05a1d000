import "server-only";
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { databaseEngine } from "./index";

// The few SQL idioms whose spelling differs between SQLite and Postgres, in one place, so a feature's query is
// written once. Each returns a condition for a WHERE.

/** A JSON array column (tags) holds `value` as one of its elements. */
export function jsonArrayHas(column: SQLWrapper, value: string): SQL {
  if (databaseEngine() === "postgres") return sql`${column} @> ${JSON.stringify([value])}::jsonb`;
  return sql`exists (select 1 from json_each(${column}) where value = ${value})`;
}

/**
 * `expression` (text, or JSON searched as its text) matches a LIKE `pattern` whose wildcards are escaped with a
 * backslash, ignoring case in ASCII as SQLite's LIKE does (Postgres's ILIKE).
 */
export function likeIgnoringCase(expression: SQLWrapper, pattern: string): SQL {
  if (databaseEngine() === "postgres") return sql`${expression}::text ilike ${pattern} escape '\\'`;
  return sql`${expression} like ${pattern} escape '\\'`;
}
