// The lock and write probe behind /api/health and the request's wait for the lock, on real SQLite files with a
// second connection holding the lock as another process would.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { probeWrite } from "./write-probe";

function freshFile(): string {
  const file = path.join(os.tmpdir(), "promptops-unit", `probe-${crypto.randomUUID()}.db`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.exec("CREATE TABLE t (x INTEGER)");
  db.close();
  return file;
}

describe("probeWrite", () => {
  it("answers ok on a free database and commits nothing, even with a write", () => {
    const db = new Database(freshFile());
    expect(probeWrite(db, { write: true })).toBe("ok");
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'studio_write_probe'").get()).toBeUndefined();
    expect(db.inTransaction).toBe(false);
  });

  it("answers locked, without waiting, while another connection holds the write lock, and keeps the busy timeout", () => {
    const file = freshFile();
    const other = new Database(file);
    const db = new Database(file);
    db.pragma("busy_timeout = 50");
    other.exec("BEGIN IMMEDIATE");
    expect(probeWrite(db)).toBe("locked");
    expect(probeWrite(db, { write: true })).toBe("locked");
    expect(db.pragma("busy_timeout", { simple: true })).toBe(50);
    // Reads still work under WAL: the lock only stops writers.
    expect(db.prepare("SELECT count(*) AS n FROM t").get()).toEqual({ n: 0 });
    other.exec("ROLLBACK");
    expect(probeWrite(db)).toBe("ok");
  });

  it("answers read-only for a connection SQLite will not let write", () => {
    const db = new Database(freshFile(), { readonly: true });
    expect(probeWrite(db, { write: true })).toBe("read-only");
    expect(probeWrite(db)).toBe("read-only");
  });
});
