import { describe, expect, it } from "vitest";
import { promptNameSchema } from "@/lib/prompts/schemas";
import { parsePartialReference, partialKey } from "./partial-ref";

describe("parsePartialReference", () => {
  it("splits an optional @label or @version", () => {
    expect(parsePartialReference("support/greeting")).toEqual({ name: "support/greeting", label: null });
    expect(parsePartialReference("support/greeting@production")).toEqual({ name: "support/greeting", label: "production" });
    expect(parsePartialReference("support/greeting@3")).toEqual({ name: "support/greeting", label: "3" });
    expect(parsePartialReference("a@b@c")).toBeNull();
  });

  it("accepts exactly the names a prompt can have", () => {
    const names = ["a", "support/triage", "v1.2/x-y_z", "A9", "/a", "a/", "a//b", ".hidden", "a b", "-x", "é", "a/.b"];
    for (const name of names) {
      expect(parsePartialReference(name) !== null, name).toBe(promptNameSchema.safeParse(name).success);
    }
  });

  it("keys partials by their tag content", () => {
    expect(partialKey({ name: "a/b", label: null })).toBe("a/b");
    expect(partialKey({ name: "a/b", label: "3" })).toBe("a/b@3");
  });
});
