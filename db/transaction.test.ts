// The async transaction on SQLite's one connection: commits, rolls back everything on a throw, keeps two
// transactions that await from interleaving, and lets a nested call join its caller's transaction.
import Database from "better-sqlite3";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { first } from "@/db/first";
import { workspaces } from "@/db/schema";
import { inTransaction, transaction } from "@/db/transaction";

const tick = () => new Promise((resolve) => setImmediate(resolve));
const named = (name: string) => first(getDb().select().from(workspaces).where(eq(workspaces.name, name)));
async function addWorkspace(tx: Parameters<Parameters<typeof transaction>[0]>[0], name: string) {
  await tx.insert(workspaces).values({ id: crypto.randomUUID(), name, slug: name, createdAt: new Date() });
}

describe("transaction()", () => {
  it("commits what the callback wrote and returns its value", async () => {
    const value = await transaction(async (tx) => {
      await addWorkspace(tx, "tx-commit");
      return 42;
    });
    expect(value).toBe(42);
    expect(await named("tx-commit")).toBeDefined();
  });

  it("rolls back every write when the callback throws", async () => {
    await expect(
      transaction(async (tx) => {
        await addWorkspace(tx, "tx-rollback");
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await named("tx-rollback")).toBeUndefined();
  });

  it("refuses, and rolls back, a transaction that awaits something other than the database", async () => {
    await expect(
      transaction(async (tx) => {
        await addWorkspace(tx, "tx-slow");
        await tick();
      }),
    ).rejects.toThrow(/awaited something other than the database/);
    expect(await named("tx-slow")).toBeUndefined();
  });

  it("runs transactions one after another: the second starts after the first has committed", async () => {
    const order: string[] = [];
    const a = transaction(async (tx) => {
      order.push("a starts");
      await Promise.resolve();
      await addWorkspace(tx, "tx-a");
      await Promise.resolve();
      order.push("a ends");
    });
    const b = transaction(async (tx) => {
      order.push("b starts");
      expect(await first(tx.select().from(workspaces).where(eq(workspaces.name, "tx-a")))).toBeDefined();
      order.push("b ends");
    });
    await Promise.all([a, b]);
    expect(order).toEqual(["a starts", "a ends", "b starts", "b ends"]);
  });

  it("a failed transaction does not hold up the next", async () => {
    await expect(transaction(() => Promise.reject(new Error("first fails")))).rejects.toThrow("first fails");
    await expect(transaction(async () => "second runs")).resolves.toBe("second runs");
  });

  it("a nested call joins the outer transaction, and the outer rollback undoes it", async () => {
    await expect(
      transaction(async () => {
        expect(inTransaction()).toBe(true);
        await transaction((tx) => addWorkspace(tx, "tx-nested"));
        throw new Error("outer fails");
      }),
    ).rejects.toThrow("outer fails");
    expect(await named("tx-nested")).toBeUndefined();
    expect(inTransaction()).toBe(false);
  });

  it("a read-only transaction takes no write lock: it reads while another connection holds it", async () => {
    const other = new Database(process.env.DATABASE_URL!);
    other.pragma("busy_timeout = 0");
    other.exec("BEGIN IMMEDIATE");
    try {
      await expect(transaction(async (tx) => (await first(tx.select().from(workspaces)))?.id ?? "none", { readOnly: true })).resolves.toBeTruthy();
    } finally {
      other.exec("ROLLBACK");
      other.close();
    }
  });
});
