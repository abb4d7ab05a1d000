// The dialect helpers say the same thing on both engines: this file runs in the SQLite suite and the Postgres suite
// (npm test runs both), on literal JSON, so a helper that drifts on one engine fails here rather than in a feature.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { databaseEngine, getDb } from "./index";
import { rawRow, rawRows } from "./raw";
import {
  isUniqueViolation,
  jsonElements,
  jsonHas,
  jsonMembers,
  jsonNumber,
  jsonObject,
  jsonText,
  joinedText,
  larger,
  readJson,
  textValues,
} from "./sql-dialect";
import { transaction } from "./transaction";

// A JSON literal typed as the engine stores JSON columns (jsonb on Postgres, text on SQLite).
const json = (value: unknown) =>
  databaseEngine() === "postgres" ? sql`${JSON.stringify(value)}::jsonb` : sql`${JSON.stringify(value)}`;

async function one<T>(expression: ReturnType<typeof sql>): Promise<T> {
  const row = await rawRow<{ v: T }>(getDb(), sql`select ${expression} as v`);
  return row!.v;
}

describe(`SQL dialect helpers`, () => {
  const doc = json({ key: "tone", type: "llm-rubric", up: true, value: 3, ratio: 0.5, name: "it's" });

  it("reads members as text and numbers", async () => {
    expect(await one(jsonText(doc, "key"))).toBe("tone");
    expect(await one(jsonText(doc, "name"))).toBe("it's");
    expect(await one(jsonText(doc, "missing"))).toBeNull();
    expect(Number(await one(jsonNumber(doc, "value")))).toBe(3);
    expect(Number(await one(jsonNumber(doc, "ratio")))).toBe(0.5);
  });

  it("compares members with their JSON type", async () => {
    const truth = async (condition: ReturnType<typeof sql>) =>
      Boolean(Number(await one<unknown>(sql`case when ${condition} then 1 else 0 end`)));
    expect(await truth(jsonHas(doc, "up", true))).toBe(true);
    expect(await truth(jsonHas(doc, "up", false))).toBe(false);
    expect(await truth(jsonHas(doc, "value", 3))).toBe(true);
    expect(await truth(jsonHas(doc, "value", "3"))).toBe(false);
    expect(await truth(jsonHas(doc, "type", "llm-rubric"))).toBe(true);
    expect(await truth(jsonHas(doc, "missing", 1))).toBe(false);
  });

  it("walks array elements and string lists, joins text and builds objects", async () => {
    const array = json([{ key: "a" }, { key: "b" }]);
    const keys = await rawRows<{ k: string }>(getDb(), sql`select ${jsonText(sql`e.value`, "key")} as k from ${jsonElements(array, "e")} order by 1`);
    expect(keys.map((row) => row.k)).toEqual(["a", "b"]);
    const values = await rawRows<{ v: string }>(getDb(), sql`select t.value as v from ${textValues(["x", "y'z"], "t")} order by 1`);
    expect(values.map((row) => row.v)).toEqual(["x", "y'z"]);
    expect(await one(sql`(select ${joinedText(sql`t.value`, " vs ")} from ${textValues(["v1", "v2"], "t")})`)).toBe("v1 vs v2");
    expect(readJson(await one(jsonObject({ n: sql`1`, s: sql`'x'` })))).toEqual({ n: 1, s: "x" });
    expect(Number(await one(larger(sql`1 - 2`, sql`0`)))).toBe(0);
  });

  it("lists an object's member names in the order the engine keeps them", async () => {
    // Written shortest first, which is also jsonb's own order, so both engines give the written order here.
    const names = await rawRows<{ k: string }>(getDb(), sql`select m.key as k from ${jsonMembers(json({ a: 1, bb: "x", ccc: [1] }), "m")} order by m.id`);
    expect(names.map((row) => row.k)).toEqual(["a", "bb", "ccc"]);
  });

  it("recognises a unique violation on either engine", async () => {
    const { workspaces } = await import("./schema");
    const id = `ws-${Math.random()}`;
    const row = { id, name: "A", slug: `a-${id}` } as typeof workspaces.$inferInsert;
    await transaction(async (tx) => void (await tx.insert(workspaces).values(row)));
    const error = await transaction(async (tx) => void (await tx.insert(workspaces).values(row))).catch((e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(new Error("UNIQUE constraint failed"))).toBe(false);
  });
});
