import * as pg from "drizzle-orm/pg-core";
import * as sqlite from "drizzle-orm/sqlite-core";
import { engineOf } from "../engine";

// The schema is written once, with these builders, and built for the engine DATABASE_URL names (db/engine.ts).
// Their types are SQLite's: every query in lib/ is type-checked against one dialect. On Postgres the same calls
// build pg-core columns that hand the code the same JavaScript values:
//
//   SQLite                                   Postgres
//   text, text({ enum })                     text, text({ enum })
//   text({ mode: "json" })                   jsonb
//   integer                                  integer
//   integer({ mode: "timestamp_ms" }) → Date bigint milliseconds → Date (so `created_at / 86400000` is a UTC day on both)
//   integer({ mode: "boolean" })             boolean
//   real                                     double precision
//
// Indexes, unique indexes, checks and primary keys have the same shape in both builders. What the builders cannot
// say (triggers) lives in each dialect's migrations.

const ENGINE = engineOf(process.env.DATABASE_URL);

/** A Date stored as integer milliseconds in a bigint; node-postgres hands bigints over as strings. */
const pgTimestampMs = pg.customType<{ data: Date; driverData: string | number }>({
  dataType: () => "bigint",
  toDriver: (value) => value.getTime(),
  fromDriver: (value) => new Date(Number(value)),
});

type TextConfig = { mode?: "text" | "json"; enum?: readonly [string, ...string[]]; length?: number };
type IntegerConfig = { mode?: "number" | "timestamp" | "timestamp_ms" | "boolean" };

function pgText(name: string, config?: TextConfig) {
  if (config?.mode === "json") return pg.jsonb(name);
  return config?.enum ? pg.text(name, { enum: config.enum as [string, ...string[]] }) : pg.text(name);
}

function pgInteger(name: string, config?: IntegerConfig) {
  if (config?.mode === "timestamp_ms") return pgTimestampMs(name);
  if (config?.mode === "timestamp") throw new Error(`${name}: store times as timestamp_ms`);
  if (config?.mode === "boolean") return pg.boolean(name);
  return pg.integer(name);
}

const forPostgres = {
  sqliteTable: pg.pgTable,
  text: pgText,
  integer: pgInteger,
  real: pg.doublePrecision,
  index: pg.index,
  uniqueIndex: pg.uniqueIndex,
  check: pg.check,
  primaryKey: pg.primaryKey,
};

const forSqlite = {
  sqliteTable: sqlite.sqliteTable,
  text: sqlite.text,
  integer: sqlite.integer,
  real: sqlite.real,
  index: sqlite.index,
  uniqueIndex: sqlite.uniqueIndex,
  check: sqlite.check,
  primaryKey: sqlite.primaryKey,
};

const builders = (ENGINE === "postgres" ? forPostgres : forSqlite) as unknown as typeof forSqlite;

export const { sqliteTable, text, integer, real, index, uniqueIndex, check, primaryKey } = builders;
export type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";
