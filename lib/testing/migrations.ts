// Databases as they were before a migration, for tests of what that migration does to the rows it finds.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { onTestFinished } from "vitest";
import { REPO_ROOT } from "./repo-root";

const MIGRATIONS = path.join(REPO_ROOT, "db", "migrations");

/**
 * A new SQLite file (foreign keys on) migrated up to, not including, the migration tagged `tag` (e.g.
 * "0008_api_key_owner"): insert the rows an older database holds, then `migrateToLatest()` runs the rest. The file
 * and its folder are removed when the test finishes.
 */
export function databaseBeforeMigration(tag: string): { sqlite: Database.Database; migrateToLatest: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `promptops-${tag.split("_")[0]}-`));
  const folder = path.join(dir, "migrations");
  fs.cpSync(MIGRATIONS, folder, { recursive: true });
  const journalPath = path.join(folder, "meta", "_journal.json");
  const journal = JSON.parse(fs.readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((entry) => entry.tag === tag);
  if (at === -1) throw new Error(`no migration tagged ${tag}`);
  journal.entries = journal.entries.slice(0, at);
  fs.writeFileSync(journalPath, JSON.stringify(journal));

  const sqlite = new Database(path.join(dir, "studio.db"));
  onTestFinished(() => {
    sqlite.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  sqlite.pragma("foreign_keys = ON");
  const db = drizzle(sqlite);
  migrate(db, { migrationsFolder: folder });
  return { sqlite, migrateToLatest: () => migrate(db, { migrationsFolder: MIGRATIONS }) };
}
