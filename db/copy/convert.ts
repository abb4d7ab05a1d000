// A SQLite value as the Postgres column it goes to wants it, inside the JSON batch that jsonb_populate_recordset
// turns into rows (db/copy/target.ts). Decided by the TARGET column's type, because SQLite's own column types are
// only affinities: db/schema/dialect.ts maps text({ mode: "json" }) to jsonb, integer({ mode: "boolean" }) to
// boolean, timestamps to bigint milliseconds and real to double precision.

/** A target column: its name and information_schema's data_type ("jsonb", "boolean", "bigint", …). */
export interface TargetColumn {
  name: string;
  type: string;
}

const INTEGER_TYPES = new Set(["smallint", "integer", "bigint"]);
const FLOAT_TYPES = new Set(["real", "double precision", "numeric"]);

/** The value for a column of `type`; throws with a short reason when SQLite holds something that type cannot take. */
export function toTargetValue(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return null;
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) throw new Error("holds binary data, which the studio never stores");
  if (type === "jsonb" || type === "json") {
    // SQLite keeps JSON as its text; parsed, it lands as the document, not as a JSON string holding it.
    if (typeof value !== "string") return value;
    try {
      return JSON.parse(value) as unknown;
    } catch {
      throw new Error("holds text that is not JSON");
    }
  }
  if (type === "boolean") {
    if (value === 0 || value === 1) return value === 1;
    throw new Error(`holds ${JSON.stringify(value)} where a boolean (0 or 1) belongs`);
  }
  if (INTEGER_TYPES.has(type)) {
    if (typeof value === "number" && Number.isSafeInteger(value)) return value;
    throw new Error(`holds ${JSON.stringify(value)} where an integer belongs`);
  }
  if (FLOAT_TYPES.has(type)) {
    if (typeof value !== "number") throw new Error(`holds ${JSON.stringify(value)} where a number belongs`);
    // JSON has no infinities; Postgres reads these spellings as float8's own.
    if (value === Infinity) return "Infinity";
    if (value === -Infinity) return "-Infinity";
    return value;
  }
  return value;
}

/** One SQLite row (by column name) as the JSON object for its target row. */
export function toTargetRow(
  row: Record<string, unknown>,
  columns: readonly TargetColumn[],
  describe: (column: string) => string,
): Record<string, unknown> {
  const converted: Record<string, unknown> = {};
  for (const column of columns) {
    try {
      converted[column.name] = toTargetValue(row[column.name], column.type);
    } catch (error) {
      throw new Error(`${describe(column.name)} ${(error as Error).message}.`);
    }
  }
  return converted;
}
