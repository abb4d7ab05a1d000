// /api/health's check on Postgres: a read and, deep, a transaction id that is rolled back; nothing is written.
import { describe, expect, it } from "vitest";
import { count } from "drizzle-orm";
import { getDb } from "@/db";
import { first } from "@/db/first";
import { auditLog } from "@/db/schema";
import { checkDatabaseHealth } from "./health";

describe("checkDatabaseHealth on Postgres", () => {
  it("reports ok, and a deep check writes nothing", async () => {
    const before = (await first(getDb().select({ n: count() }).from(auditLog)))!.n;
    expect(await checkDatabaseHealth()).toMatchObject({ status: "ok", database: "ok" });
    expect(await checkDatabaseHealth({ deep: true })).toMatchObject({ status: "ok", database: "ok" });
    expect((await first(getDb().select({ n: count() }).from(auditLog)))!.n).toBe(before);
  });
});
