// /api/health's database check on the process's real connection, with a second connection holding the lock as
// another process would.
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { rawRow } from "@/db/raw";
import { getEnv } from "@/lib/platform/env";
import { checkHealth } from "./health";

describe("checkHealth", () => {
  it("reports ok, and a deep check writes nothing", async () => {
    getDb();
    expect(checkHealth()).toMatchObject({ status: "ok", database: "ok" });
    expect(checkHealth({ deep: true })).toMatchObject({ status: "ok", database: "ok" });
    expect(await rawRow(getDb(), sql`SELECT name FROM sqlite_master WHERE name = 'studio_write_probe'`)).toBeUndefined();
  });

  it("reports locked while another process holds the write lock, and ok once it lets go", () => {
    const other = new Database(getEnv().DATABASE_URL);
    other.exec("BEGIN IMMEDIATE");
    try {
      expect(checkHealth()).toMatchObject({ status: "degraded", database: "locked" });
      expect(checkHealth({ deep: true })).toMatchObject({ status: "degraded", database: "locked" });
    } finally {
      other.exec("ROLLBACK");
      other.close();
    }
    expect(checkHealth()).toMatchObject({ status: "ok", database: "ok" });
  });

  it("reports read-only when SQLite refuses writes", () => {
    const readOnly = new Database(getEnv().DATABASE_URL, { readonly: true });
    try {
      expect(checkHealth({ deep: true, sqlite: readOnly })).toMatchObject({ status: "degraded", database: "read-only" });
    } finally {
      readOnly.close();
    }
  });
});
