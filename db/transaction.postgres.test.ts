// The data layer's primitives on PostgreSQL (run by vitest.postgres.config.ts, each file on a database of its own):
// transactions commit, roll back and join as on SQLite; concurrent read-modify-write transactions all land, one
// at a time in effect (SERIALIZABLE, the loser of a race run again); raw SQL hands over numbers; the delivery
// epoch is followed from other connections within a second.
import { eq, sql } from "drizzle-orm";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { databaseEngine, getDb } from "@/db";
import { first } from "@/db/first";
import { rawRow, rawRows } from "@/db/raw";
import { deliveryState, workspaces } from "@/db/schema";
import { transaction } from "@/db/transaction";
import { readDeliveryEpoch } from "@/lib/serving/epoch";

const named = (name: string) => first(getDb().select().from(workspaces).where(eq(workspaces.name, name)));

describe("the data layer on Postgres", () => {
  it("runs on Postgres, with the schema built for it", async () => {
    expect(databaseEngine()).toBe("postgres");
    expect(await rawRow<{ v: string }>(getDb(), sql`select current_setting('server_version_num') as v`)).toBeDefined();
  });

  it("commits, rolls back everything on a throw, and a nested call joins the outer transaction", async () => {
    await transaction(async (tx) => {
      await tx.insert(workspaces).values({ name: "pg-commit", slug: "pg-commit" });
    });
    expect(await named("pg-commit")).toMatchObject({ slug: "pg-commit", isDemo: false });
    await expect(
      transaction(async () => {
        await transaction((tx) => tx.insert(workspaces).values({ name: "pg-nested", slug: "pg-nested" }));
        throw new Error("outer fails");
      }),
    ).rejects.toThrow("outer fails");
    expect(await named("pg-nested")).toBeUndefined();
  });

  it("keeps Dates, booleans and JSON as SQLite gives them", async () => {
    const before = Date.now();
    await transaction((tx) => tx.insert(workspaces).values({ name: "pg-values", slug: "pg-values", isDemo: true }));
    const row = (await named("pg-values"))!;
    expect(row.createdAt).toBeInstanceOf(Date);
    expect(row.createdAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(row.isDemo).toBe(true);
    expect(await rawRows<{ n: number }>(getDb(), sql`select count(*) as n from workspaces`)).toEqual([{ n: expect.any(Number) }]);
  });

  it("lets 20 concurrent read-then-write transactions all land: none reads a value another is about to change", async () => {
    const start = (await first(getDb().select().from(deliveryState)))!.epoch;
    await Promise.all(
      Array.from({ length: 20 }, () =>
        transaction(async (tx) => {
          const { epoch } = (await first(tx.select().from(deliveryState)))!;
          await tx.update(deliveryState).set({ epoch: epoch + 1 }).where(eq(deliveryState.id, 1));
        }),
      ),
    );
    expect((await first(getDb().select().from(deliveryState)))!.epoch).toBe(start + 20);
  });

  it("learns of an epoch change another process commits within a second (NOTIFY, else the poll)", async () => {
    readDeliveryEpoch();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const known = readDeliveryEpoch();
    const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    try {
      // Renaming a workspace changes what the API serves (its key's principal): the trigger bumps the epoch.
      await other.query("update workspaces set name = name");
      const { rows } = await other.query<{ epoch: number }>("select epoch from delivery_state where id = 1");
      const started = Date.now();
      while (readDeliveryEpoch() !== rows[0]!.epoch && Date.now() - started < 1_000) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(readDeliveryEpoch()).toBe(rows[0]!.epoch);
      expect(readDeliveryEpoch()).toBeGreaterThan(known);
    } finally {
      await other.end();
    }
  });
});
