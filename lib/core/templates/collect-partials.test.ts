import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/core/errors";
import { collectPartials } from "./collect-partials";
import type { PartialLoader } from "./resolve-partials";

const loaderOf =
  (sources: Record<string, string>): PartialLoader =>
  async ({ name, label }) =>
    sources[label === null ? name : `${name}@${label}`] ?? null;

describe("collectPartials", () => {
  it("returns every partial reached, recursively, keyed as written", async () => {
    const partials = await collectPartials({
      templates: [{ template: "{{> a}} {{> b@2}}" }, { template: "{{> a}}", where: "User message" }],
      loadPartial: loaderOf({ a: "A {{> c}}", "b@2": "B", c: "C" }),
    });
    expect([...partials]).toEqual([
      ["a", "A {{> c}}"],
      ["c", "C"],
      ["b@2", "B"],
    ]);
  });

  it("reports unknown partials and cycles as a render would", async () => {
    await expect(collectPartials({ templates: [{ template: "{{> nope}}" }], loadPartial: loaderOf({}) })).rejects.toThrow(/Unknown partial "nope"/);
    await expect(
      collectPartials({ templates: [{ template: "{{> a}}" }], promptName: "self", loadPartial: loaderOf({ a: "{{> self}}", self: "x" }) }),
    ).rejects.toBeInstanceOf(AppError);
  });
});
