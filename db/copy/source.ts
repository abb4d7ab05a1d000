import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { CopyRefusedError } from "./errors";
import type { ForeignKeyEdge } from "./table-order";

// The SQLite database being copied, opened read-only on its own connection (never getDb(): the process's
// DATABASE_URL may name another database). One read transaction spans the whole run, so what one run copies is the
// database as of one commit even if a studio keeps writing to it (WAL lets it).

const MIGRATIONS_JOURNAL = path.join(process.cwd(), "db", "migrations", "meta", "_journal.json");
/** Drizzle's own bookkeeping: the target's comes from running its own migrations, not from the source's. */
const MIGRATIONS_TABLE = "__drizzle_migrations";

export interface SourceTable {
  name: string;
  columns: string[];
}

export interface Source {
  file: string;
  tables: SourceTable[];
  foreignKeys: ForeignKeyEdge[];
  count(table: string): number;
  /** Up to `limit` rows after `afterRowid`, in rowid order, each with its rowid as `__rowid`. */
  batch(table: string, afterRowid: number, limit: number): Record<string, unknown>[];
  close(): void;
}

export const quoteSqlite = (name: string) => `"${name.replaceAll('"', '""')}"`;

function knownMigrations(): number {
  return (JSON.parse(fs.readFileSync(MIGRATIONS_JOURNAL, "utf8")) as { entries: unknown[] }).entries.length;
}

/** Refuses a file that is missing, not SQLite, or not migrated exactly as far as this version of the studio. */
function checkMigrations(db: Database.Database, file: string): void {
  const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(MIGRATIONS_TABLE);
  if (!hasTable) throw new CopyRefusedError(`${file} is not a PromptOps Studio database (it has no ${MIGRATIONS_TABLE} table).`);
  const { applied } = db.prepare(`SELECT count(*) AS applied FROM ${MIGRATIONS_TABLE}`).get() as { applied: number };
  const known = knownMigrations();
  if (applied < known) {
    throw new CopyRefusedError(
      `${file} has ${applied} of this studio's ${known} migrations applied. Bring it up to date first: ` +
        `DATABASE_URL=${file} npm run db:migrate`,
    );
  }
  if (applied > known) {
    throw new CopyRefusedError(`${file} was made by a newer version of the studio (${applied} migrations, this one knows ${known}); copy it with that version.`);
  }
}

export function openSource(fileArgument: string): Source {
  const file = path.resolve(fileArgument.replace(/^file:/, ""));
  if (!fs.existsSync(file)) throw new CopyRefusedError(`There is no SQLite database at ${file}.`);
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new CopyRefusedError(`${file} cannot be opened as a SQLite database (${(error as Error).message}).`);
  }
  try {
    try {
      checkMigrations(db, file);
    } catch (error) {
      if (error instanceof CopyRefusedError) throw error;
      throw new CopyRefusedError(`${file} cannot be read as a SQLite database (${(error as Error).message}).`);
    }
    db.exec("BEGIN");
    const listTables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> ? ORDER BY name");
    const names = (listTables.all(MIGRATIONS_TABLE) as { name: string }[]).map((row) => row.name);
    const columnsOf = (name: string) => (db.pragma(`table_info(${quoteSqlite(name)})`) as { name: string }[]).map((c) => c.name);
    const tables = names.map((name) => ({ name, columns: columnsOf(name) }));
    const foreignKeys = names.flatMap((name) =>
      (db.pragma(`foreign_key_list(${quoteSqlite(name)})`) as { table: string }[]).map((fk) => ({ table: name, references: fk.table })),
    );
    const batches = new Map<string, Database.Statement>();
    return {
      file,
      tables,
      foreignKeys,
      count: (table) => (db.prepare(`SELECT count(*) AS n FROM ${quoteSqlite(table)}`).get() as { n: number }).n,
      batch(table, afterRowid, limit) {
        let statement = batches.get(table);
        if (!statement) {
          statement = db.prepare(`SELECT rowid AS __rowid, * FROM ${quoteSqlite(table)} WHERE rowid > ? ORDER BY rowid LIMIT ?`);
          batches.set(table, statement);
        }
        return statement.all(afterRowid, limit) as Record<string, unknown>[];
      },
      close: () => db.close(),
    };
  } catch (error) {
    db.close();
    throw error;
  }
}
