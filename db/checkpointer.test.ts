// The checkpoint worker (db/checkpointer.ts) on real SQLite files: the connection stops checkpointing on commit, the
// worker copies the WAL into the database file, the WAL starts over instead of growing, and when the worker stops
// or dies the connection checkpoints again as SQLite does by default.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { startCheckpointer, type Checkpointer } from "./checkpointer";

const open: Database.Database[] = [];
const running: Checkpointer[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((c) => c.stop()));
  for (const db of open.splice(0)) db.close();
});

function freshDb(): Database.Database {
  const file = path.join(os.tmpdir(), "promptops-unit", `checkpoint-${crypto.randomUUID()}.db`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
  open.push(db);
  return db;
}

/** Commits `rows` rows of about 1 KiB, `perTransaction` at a time. */
function write(db: Database.Database, rows: number, perTransaction = 10): void {
  const insert = db.prepare("INSERT INTO t (body) VALUES (?)");
  const batch = db.transaction((n: number) => {
    for (let i = 0; i < n; i++) insert.run("x".repeat(1000));
  });
  for (let done = 0; done < rows; done += perTransaction) batch(Math.min(perTransaction, rows - done));
}

const walBytes = (db: Database.Database) => fs.statSync(`${db.name}-wal`).size;
const autocheckpoint = (db: Database.Database) => db.pragma("wal_autocheckpoint", { simple: true });
const start = (db: Database.Database, options?: Parameters<typeof startCheckpointer>[1]) => {
  const checkpointer = startCheckpointer(db, { intervalMs: 60_000, ...options });
  running.push(checkpointer);
  return checkpointer;
};

describe("startCheckpointer", () => {
  it("stops the connection checkpointing on commit, and the worker copies the whole WAL into the file", async () => {
    const db = freshDb();
    const checkpointer = start(db);
    expect(autocheckpoint(db)).toBe(0);
    // 4,000 rows of 1 KiB are about 1,000 pages: past SQLite's default, a commit would have checkpointed by now.
    write(db, 4_000);
    const fileBefore = fs.statSync(db.name).size;
    const report = await checkpointer.checkpoint();
    expect(report.log).toBeGreaterThan(1_000);
    expect(report.checkpointed).toBe(report.log);
    expect(fs.statSync(db.name).size).toBeGreaterThan(fileBefore + 3_000_000);
    // Another connection reads every row from the file alone.
    const reader = new Database(db.name, { readonly: true });
    expect(reader.prepare("SELECT count(*) AS n FROM t").get()).toEqual({ n: 4_000 });
    reader.close();
  });

  it("lets the WAL start over once checkpointed, so steady writes do not grow it", async () => {
    const db = freshDb();
    const checkpointer = start(db);
    write(db, 2_000);
    await checkpointer.checkpoint();
    const size = walBytes(db);
    for (let round = 0; round < 5; round++) {
      write(db, 2_000);
      const report = await checkpointer.checkpoint();
      expect(report.checkpointed).toBe(report.log);
    }
    // Each round's frames were written over the last round's, from the start of the file.
    expect(walBytes(db)).toBeLessThanOrEqual(size * 1.2);
    expect(db.prepare("SELECT count(*) AS n FROM t").get()).toEqual({ n: 12_000 });
  });

  it("checkpoints on its own timer", async () => {
    const db = freshDb();
    start(db, { intervalMs: 20 });
    const fileBefore = fs.statSync(db.name).size;
    write(db, 500);
    // Nothing else checkpoints (the connection does not, and no one asks): the rows reach the file by the timer.
    await expect.poll(() => fs.statSync(db.name).size, { timeout: 5_000 }).toBeGreaterThan(fileBefore + 400_000);
  });

  it("gives checkpoints back to the connection when stopped", async () => {
    const db = freshDb();
    const checkpointer = start(db);
    expect(autocheckpoint(db)).toBe(0);
    await checkpointer.stop();
    running.length = 0;
    expect(autocheckpoint(db)).toBe(1000);
  });

  it("gives checkpoints back to the connection, and says why, when the worker cannot open the database", async () => {
    const db = freshDb();
    // The worker opens the file by name with fileMustExist: a file moved away from under it is refused.
    const moved = `${db.name}.moved`;
    fs.renameSync(db.name, moved);
    const failures: unknown[] = [];
    start(db, { onFailure: (error) => failures.push(error) });
    await expect.poll(() => failures.length, { timeout: 5_000 }).toBeGreaterThan(0);
    expect(String(failures[0])).toMatch(/unable to open|SQLITE_CANTOPEN|no such file/i);
    expect(autocheckpoint(db)).toBe(1000);
    fs.renameSync(moved, db.name);
  });

  it("refuses an in-memory database, which has no WAL", () => {
    const db = new Database(":memory:");
    open.push(db);
    expect(() => startCheckpointer(db)).toThrow(/in-memory/);
  });
});
