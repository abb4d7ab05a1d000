import { describe, expect, it } from "vitest";
import { loginHref, safeCallbackPath } from "./callback-url";

describe("safeCallbackPath", () => {
  it("keeps a same-origin path with its query and hash", () => {
    expect(safeCallbackPath("/prompts/support/triage?tab=history#v2")).toBe("/prompts/support/triage?tab=history#v2");
    expect(safeCallbackPath("/review/abc")).toBe("/review/abc");
  });

  it.each([
    ["an absolute URL", "https://evil.example/phish"],
    ["a protocol-relative URL", "//evil.example/phish"],
    ["a backslash trick", "/\\evil.example"],
    ["a scheme", "javascript:alert(1)"],
    ["a relative path", "prompts"],
    ["the sign-in page itself", "/login?callbackUrl=/x"],
    ["the setup page", "/setup"],
    ["an API route", "/api/prompts/export"],
    ["nothing", ""],
    ["something huge", `/${"a".repeat(5000)}`],
  ])("refuses %s", (_, value) => {
    expect(safeCallbackPath(value)).toBeNull();
  });

  it("normalises dot segments before deciding", () => {
    expect(safeCallbackPath("/prompts/../api/metrics")).toBeNull();
    expect(safeCallbackPath("/a/../review")).toBe("/review");
  });
});

describe("loginHref", () => {
  it("carries the page to return to, encoded", () => {
    expect(loginHref("/prompts/support/triage?tab=history")).toBe("/login?callbackUrl=%2Fprompts%2Fsupport%2Ftriage%3Ftab%3Dhistory");
    expect(loginHref("/")).toBe("/login");
    expect(loginHref("https://evil.example")).toBe("/login");
  });
});
