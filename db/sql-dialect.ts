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

/**
 * The member `key` of a JSON object column or element, as SQL text (`->>` on Postgres; json_extract on SQLite, which
 * gives numbers and booleans back as numbers: compare those with `jsonHas`).
 */
export function jsonText(json: SQLWrapper, key: string): SQL {
  if (databaseEngine() === "postgres") return sql`(${json} ->> ${sql.raw(quoteLiteral(key))})`;
  return sql`json_extract(${json}, ${sql.raw(quoteLiteral(`$.${key}`))})`;
}

/** The member `key` of a JSON object as a number, for avg() and comparisons (null when absent or not a number). */
export function jsonNumber(json: SQLWrapper, key: string): SQL {
  if (databaseEngine() === "postgres") {
    return sql`(case when jsonb_typeof(${json} -> ${sql.raw(quoteLiteral(key))}) = 'number' then (${json} ->> ${sql.raw(quoteLiteral(key))})::double precision end)`;
  }
  return sql`json_extract(${json}, ${sql.raw(quoteLiteral(`$.${key}`))})`;
}

/** The JSON object `json` has member `key` equal to `value` (a string, number or boolean), type included. */
export function jsonHas(json: SQLWrapper, key: string, value: string | number | boolean): SQL {
  if (databaseEngine() === "postgres") return sql`(${json} -> ${sql.raw(quoteLiteral(key))}) = ${JSON.stringify(value)}::jsonb`;
  const path = sql.raw(quoteLiteral(`$.${key}`));
  if (typeof value === "boolean") {
    return sql`(json_type(${json}, ${path}) = ${value ? "true" : "false"})`;
  }
  if (typeof value === "number") return sql`(json_type(${json}, ${path}) in ('integer', 'real') and json_extract(${json}, ${path}) = ${value})`;
  return sql`(json_type(${json}, ${path}) = 'text' and json_extract(${json}, ${path}) = ${value})`;
}

/**
 * The elements of a JSON array as a FROM item named `alias`, each in `alias.value` (a JSON value: read members of it
 * with jsonText/jsonHas). SQLite's json_each and Postgres's jsonb_array_elements.
 */
export function jsonElements(array: SQLWrapper, alias: string): SQL {
  const name = sql.raw(quoteIdentifier(alias));
  if (databaseEngine() === "postgres") return sql`jsonb_array_elements(${array}) as ${name}(value)`;
  return sql`json_each(${array}) as ${name}`;
}

/** A JSON array of strings given as a parameter, as a FROM item of its elements as text in `alias.value`. */
export function textValues(values: readonly string[], alias: string): SQL {
  const name = sql.raw(quoteIdentifier(alias));
  if (databaseEngine() === "postgres") return sql`jsonb_array_elements_text(${JSON.stringify(values)}::jsonb) as ${name}(value)`;
  return sql`json_each(${JSON.stringify(values)}) as ${name}`;
}

/** Builds a JSON object from name/expression pairs; read the result with readJson (Postgres parses it already). */
export function jsonObject(members: Record<string, SQLWrapper>): SQL {
  const fn = databaseEngine() === "postgres" ? "json_build_object" : "json_object";
  const parts = Object.entries(members).map(([name, value]) => sql`${sql.raw(quoteLiteral(name))}, ${value}`);
  return sql`${sql.raw(fn)}(${sql.join(parts, sql`, `)})`;
}

/** Joins the text of a group with `separator`, in the order the rows arrive (group_concat / string_agg). */
export function joinedText(expression: SQLWrapper, separator: string): SQL {
  if (databaseEngine() === "postgres") return sql`string_agg(${expression}, ${sql.raw(quoteLiteral(separator))})`;
  return sql`group_concat(${expression}, ${sql.raw(quoteLiteral(separator))})`;
}

/** The larger of two values (SQLite's two-argument max(), Postgres's greatest()). */
export function larger(a: SQLWrapper, b: SQLWrapper): SQL {
  if (databaseEngine() === "postgres") return sql`greatest(${a}, ${b})`;
  return sql`max(${a}, ${b})`;
}

/**
 * A JSON value read from a raw query: SQLite hands back its text, node-postgres a parsed jsonb. Accepts both, so a
 * feature's row mapping is written once.
 */
export function readJson<T>(value: unknown): T {
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}

/** The error is a violated UNIQUE or PRIMARY KEY constraint, on either engine (wrapped by Drizzle or not). */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY") return true;
  }
  return false;
}

/**
 * Ends a SELECT that claims queue rows: on Postgres `FOR UPDATE OF alias SKIP LOCKED`, so processes claiming at once
 * pass over each other's rows instead of waiting for them; nothing on SQLite, whose one writer claims alone.
 */
export function forUpdateSkipLocked(alias: string): SQL {
  if (databaseEngine() === "postgres") return sql.raw(` for update of ${quoteIdentifier(alias)} skip locked`);
  return sql``;
}

/**
 * The builder's form of forUpdateSkipLocked: a SELECT built with Drizzle that claims queue rows of `table` gets
 * `FOR UPDATE OF table SKIP LOCKED` on Postgres; SQLite's query is returned as it is. The cast is this one place:
 * the builder is typed as SQLite's (db/schema/dialect.ts), and on Postgres the object is pg-core's select, which
 * has .for().
 */
export function skipLockedRows<Query>(query: Query, table: SQLWrapper): Query {
  if (databaseEngine() !== "postgres") return query;
  const select = query as unknown as { for(strength: "update", config: { of: SQLWrapper; skipLocked: true }): Query };
  return select.for("update", { of: table, skipLocked: true });
}

function quoteLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

function quoteIdentifier(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`Not a plain SQL identifier: ${name}`);
  return `"${name}"`;
}

/**
 * The members of a JSON object as a FROM item named `alias`: the name in `alias.key`, and `alias.id`, which grows
 * in the order the engine keeps the members (SQLite's json_each; jsonb_each with ordinality on Postgres). That order
 * is the order written on SQLite, but jsonb keeps no written order: it holds shorter keys first, then by bytes.
 */
export function jsonMembers(object: SQLWrapper, alias: string): SQL {
  const name = sql.raw(quoteIdentifier(alias));
  if (databaseEngine() === "postgres") return sql`jsonb_each(${object}) with ordinality as ${name}(key, value, id)`;
  return sql`json_each(${object}) as ${name}`;
}
