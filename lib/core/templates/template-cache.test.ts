import { describe, expect, it } from "vitest";
import { prepareTemplate } from "./prepare-template";
import { renderTemplate } from "./render-template";
import { SourceCache } from "./template-cache";

const noPartials = async () => null;

describe("template caches", () => {
  it("prepares a source once and renders it again with other variables", async () => {
    const template = "Hello {{name}}, {{! a comment }}your order {{order}}";
    expect(prepareTemplate(template)).toBe(prepareTemplate(template));
    expect(await renderTemplate({ template, variables: { name: "Ada", order: "A-1" }, loadPartial: noPartials })).toBe("Hello Ada, your order A-1");
    expect(await renderTemplate({ template, variables: { name: "Bo", order: "B-2" }, loadPartial: noPartials })).toBe("Hello Bo, your order B-2");
  });

  it("still reports what a cached template lacks, each time", async () => {
    const template = "Dear {{customer}}";
    await renderTemplate({ template, variables: { customer: "x" }, loadPartial: noPartials });
    for (let i = 0; i < 2; i++) {
      await expect(renderTemplate({ template, variables: {}, loadPartial: noPartials })).rejects.toMatchObject({ code: "bad_request:template" });
    }
  });

  it("keeps the most recently used entries within its bounds", () => {
    const cache = new SourceCache<number>();
    for (let i = 0; i < 600; i++) {
      cache.set(`t${i}`, i);
      if (i > 0) cache.get("t0");
    }
    expect(cache.get("t0")).toBe(0);
    expect(cache.get("t1")).toBeUndefined();
    expect(cache.get("t599")).toBe(599);
    const huge = "x".repeat(5 * 1024 * 1024);
    cache.set(huge, 1);
    cache.set(`${huge}y`, 2);
    expect(cache.get(huge)).toBeUndefined();
    expect(cache.get(`${huge}y`)).toBe(2);
  });
});
