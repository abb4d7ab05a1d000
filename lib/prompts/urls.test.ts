import { describe, expect, it } from "vitest";
import { parseVersionParam, promptHref } from "./urls";

describe("a single version's URL", () => {
  it("opens one version in the History tab and reads it back", () => {
    const href = promptHref("support/triage", { tab: "history", version: 3 });
    expect(href).toBe("/prompts/support/triage?tab=history&version=3");
    expect(parseVersionParam(new URL(href, "http://x").searchParams.get("version") ?? undefined)).toBe(3);
  });

  it("ignores anything that is not a plain positive version number", () => {
    for (const value of [undefined, "", "0", "-1", "01", "1.5", "1e3", "3 ", "v3", "9".repeat(10), "1".repeat(10_000)]) {
      expect(parseVersionParam(value)).toBeNull();
    }
  });
});
