import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { AppError, toAppError } from "./errors";

/** A real SqliteError with the given code, from a real file: a lock held by a second connection, or a read-only one. */
function sqliteError(kind: "busy" | "readonly"): unknown {
  const file = path.join(os.tmpdir(), "promptops-unit", `errors-${crypto.randomUUID()}.db`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const first = new Database(file);
  first.exec("CREATE TABLE t (x INTEGER)");
  const second = new Database(file, kind === "readonly" ? { readonly: true } : {});
  second.pragma("busy_timeout = 0");
  if (kind === "busy") first.exec("BEGIN IMMEDIATE");
  try {
    second.prepare("INSERT INTO t VALUES (1)").run();
  } catch (error) {
    return error;
  } finally {
    if (first.inTransaction) first.exec("ROLLBACK");
  }
  throw new Error("the write did not fail");
}

describe("toAppError", () => {
  it("answers a write that could not get the database's lock with 503 and Retry-After", async () => {
    const thrown = sqliteError("busy");
    expect((thrown as { code: string }).code).toBe("SQLITE_BUSY");
    const error = toAppError(thrown);
    expect(error).toMatchObject({ status: 503, code: "unavailable:database" });
    const response = error.toResponse();
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toMatch(/^[1-9]\d*$/);
    expect(await response.json()).toMatchObject({ code: "unavailable:database", error: expect.stringMatching(/busy/) });
  });

  it("answers a write to a read-only database with 503 and a message an operator can act on", () => {
    const error = toAppError(sqliteError("readonly"));
    expect(error).toMatchObject({ status: 503, code: "unavailable:database" });
    expect(error.message).toMatch(/read-only/);
  });

  it("still hides other errors behind a generic 500", () => {
    const error = toAppError(new Error("SELECT secret FROM somewhere"));
    expect(error.status).toBe(500);
    expect(error.message).not.toMatch(/secret/);
    expect(toAppError(new AppError("rate_limited:api", "slow down", { details: { retryAfterSeconds: 3 } })).toResponse().headers.get("retry-after")).toBe("3");
  });
});
