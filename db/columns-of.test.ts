// columnsOf picks a table's own column objects, so a select list built with it reads exactly those columns.
import { describe, expect, it } from "vitest";
import { apiKeys } from "./schema";
import { columnsOf } from "./columns-of";

describe("columnsOf", () => {
  it("returns the named columns of the table, and only those", () => {
    const picked = columnsOf(apiKeys, ["id", "name"]);
    expect(Object.keys(picked)).toEqual(["id", "name"]);
    expect(picked.id).toBe(apiKeys.id);
    expect(picked.name).toBe(apiKeys.name);
  });
});
