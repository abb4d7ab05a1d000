import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { isLockError } from "./write-probe";

// Online backups and offline restores of the SQLite file (`npm run db:backup` / `npm run db:restore`).
//
// A backup goes through SQLite's backup API, in one step: it reads every page inside one read transaction, so the
// copy is the database as of one commit, however busy the server is (WAL lets it keep writing meanwhile). A plain
// `cp` of a live file copies the main file without the -wal beside it, or a torn mix of both, and loses recent
// commits. A restore refuses to run while any process has the database open: that is checked by taking SQLite's
// exclusive lock, which every open WAL connection (an idle server's included) prevents.

const MIGRATIONS_JOURNAL = path.join(process.cwd(), "db", "migrations", "meta", "_journal.json");
/** Pages per backup step: all of them, so the copy is one snapshot and never restarts when the server writes. */
const ALL_PAGES = 0x7fffffff;

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}

export interface BackupResult {
  file: string;
  bytes: number;
  pages: number;
}

function integrityOf(db: Database.Database): string {
  const rows = db.pragma("integrity_check") as { integrity_check: string }[];
  return rows.map((row) => row.integrity_check).join("; ");
}

/** Copies the live database at `source` to `target` (a new file unless `overwrite`), safely while the server runs. */
export async function backupDatabase({ source, target, overwrite = false }: { source: string; target: string; overwrite?: boolean }): Promise<BackupResult> {
  const from = path.resolve(source);
  const to = path.resolve(target);
  if (!fs.existsSync(from)) throw new BackupError(`There is no database at ${from} (DATABASE_URL).`);
  if (to === from) throw new BackupError("The backup file must not be the database itself.");
  if (fs.existsSync(to) && !overwrite) throw new BackupError(`${to} already exists. Choose a new file name, or pass --force to replace it.`);
  fs.mkdirSync(path.dirname(to), { recursive: true });

  // Written beside the target and renamed at the end, so a failed or interrupted backup never looks like a good one.
  const partial = `${to}.partial-${process.pid}`;
  const live = new Database(from, { fileMustExist: true });
  try {
    live.pragma("busy_timeout = 5000");
    await live.backup(partial, { progress: () => ALL_PAGES });
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  } finally {
    live.close();
  }

  const copy = new Database(partial);
  let pages: number;
  try {
    // One self-contained file (no -wal beside it) that can be moved and stored as it is.
    copy.pragma("journal_mode = DELETE");
    const integrity = integrityOf(copy);
    if (integrity !== "ok") throw new BackupError(`The copy failed its integrity check (${integrity}); nothing was kept.`);
    pages = copy.pragma("page_count", { simple: true }) as number;
  } catch (error) {
    copy.close();
    fs.rmSync(partial, { force: true });
    throw error;
  }
  copy.close();
  fs.renameSync(partial, to);
  return { file: to, bytes: fs.statSync(to).size, pages };
}

/**
 * Throws when another process has the database open. SQLite's exclusive lock cannot be taken while any WAL
 * connection is open (each holds a shared lock for its whole life), so this finds an idle server too.
 */
export function assertNotInUse(file: string): void {
  if (!fs.existsSync(file)) return;
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 0");
    db.pragma("locking_mode = EXCLUSIVE");
    db.exec("BEGIN EXCLUSIVE");
    db.exec("COMMIT");
  } catch (error) {
    if (isLockError(error)) {
      throw new BackupError(
        `${file} is open in another process: is the studio running? Stop the server (and any script using the database), then run the restore again.`,
      );
    }
    throw error;
  } finally {
    db.close();
  }
}

function latestKnownMigration(): number {
  const journal = JSON.parse(fs.readFileSync(MIGRATIONS_JOURNAL, "utf8")) as { entries: { when: number }[] };
  return Math.max(...journal.entries.map((entry) => entry.when));
}

/** Refuses a file that is not a sound studio database, or one from a newer version of the studio. */
function checkBackupFile(file: string): void {
  if (!fs.existsSync(file)) throw new BackupError(`There is no backup at ${file}.`);
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new BackupError(`${file} cannot be opened as a SQLite database (${(error as Error).message}).`);
  }
  try {
    const integrity = integrityOf(db);
    if (integrity !== "ok") throw new BackupError(`${file} failed its integrity check (${integrity}).`);
    const hasMigrations = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
    if (!hasMigrations) throw new BackupError(`${file} is not a PromptOps Studio database (it has no migrations table).`);
    const { latest } = db.prepare("SELECT max(created_at) AS latest FROM __drizzle_migrations").get() as { latest: number | null };
    if (Number(latest ?? 0) > latestKnownMigration()) {
      throw new BackupError(`${file} was made by a newer version of the studio than this one; restore it with that version.`);
    }
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${file} cannot be read as a SQLite database (${(error as Error).message}).`);
  } finally {
    db.close();
  }
}

export interface RestoreResult {
  /** The database as it was before the restore, kept beside it (null when there was none). */
  previous: string | null;
  /** Eval runs that were running when the backup was taken, handed back as "interrupted" to resume at the next start. */
  interruptedRuns: number;
}

/** Replaces the database at `target` with the backup `file`. The server must be stopped (checked). */
export async function restoreDatabase({ file, target, now = new Date() }: { file: string; target: string; now?: Date }): Promise<RestoreResult> {
  const from = path.resolve(file);
  const to = path.resolve(target);
  if (from === to) throw new BackupError("The backup file is the database itself.");
  checkBackupFile(from);
  assertNotInUse(to);

  let previous: string | null = null;
  if (fs.existsSync(to)) {
    previous = `${to}.before-restore-${now.toISOString().replace(/[:.]/g, "-")}`;
    await backupDatabase({ source: to, target: previous });
  }
  fs.mkdirSync(path.dirname(to), { recursive: true });

  // Through the backup API into the database file itself (not a file swap), so its -wal and -shm stay consistent
  // and SQLite's locks still guard it.
  const backup = new Database(from, { readonly: true, fileMustExist: true });
  try {
    await backup.backup(to, { progress: () => ALL_PAGES });
  } finally {
    backup.close();
  }

  const restored = new Database(to);
  try {
    restored.pragma("journal_mode = WAL");
    const integrity = integrityOf(restored);
    if (integrity !== "ok") throw new BackupError(`The restored database failed its integrity check (${integrity}).`);
    // The backup was taken while these runs were executing; no worker holds them now, so they resume at once.
    const hasEvalRuns = restored.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'eval_runs'").get();
    const interruptedRuns = hasEvalRuns
      ? // A restore works on a closed file with its own connection, below every feature (db/ imports no feature), so it
        // cannot call lib/evals' manage-progress.ts; this one statement is that module's markStaleEvalRunsInterrupted.
        // eslint-disable-next-line studio/one-writer
        restored.prepare("UPDATE eval_runs SET status = 'interrupted', worker_id = NULL WHERE status = 'running'").run().changes
      : 0;
    return { previous, interruptedRuns };
  } finally {
    restored.close();
  }
}
