// The connection's cache of write statements (db/statement-cache.ts): a write's text gets the same compiled
// statement back, a read never does, and a statement's result modes do not leak from one use into the next.
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { cacheWriteStatements } from "./statement-cache";

describe("write statement cache", () => {
  it("reuses writes, not reads, and hands a reused statement back in its default modes", () => {
    const sqlite = new Database(":memory:");
    cacheWriteStatements(sqlite);
    sqlite.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)");
    const insert = "INSERT INTO t (name) VALUES (?) RETURNING id, name";
    expect(sqlite.prepare(insert)).toBe(sqlite.prepare(insert));
    expect(sqlite.prepare("  update t set name = ? where id = ?")).toBe(sqlite.prepare("  update t set name = ? where id = ?"));
    expect(sqlite.prepare("SELECT * FROM t")).not.toBe(sqlite.prepare("SELECT * FROM t"));

    expect(sqlite.prepare(insert).raw().get("a")).toEqual([1, "a"]);
    expect(sqlite.prepare(insert).get("b")).toEqual({ id: 2, name: "b" });
    expect(sqlite.prepare(insert).pluck().get("c")).toBe(3);
    expect(sqlite.prepare(insert).all("d")).toEqual([{ id: 4, name: "d" }]);
    expect(sqlite.prepare("DELETE FROM t WHERE id > ?").run(2).changes).toBe(2);
    expect(sqlite.prepare("SELECT name FROM t ORDER BY id").pluck().all()).toEqual(["a", "b"]);
    sqlite.close();
  });
});
