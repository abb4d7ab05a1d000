import { describe, expect, it } from "vitest";
import { crossSiteReason, isSafeMethod } from "./same-origin";

const headers = (values: Record<string, string>) => new Headers(values);

describe("crossSiteReason", () => {
  it("accepts the studio's own page: Origin matching the Host the browser addressed", () => {
    expect(crossSiteReason(headers({ origin: "http://localhost:3400", host: "localhost:3400", "sec-fetch-site": "same-origin" }), undefined)).toBeNull();
  });

  it("refuses another site's Origin, even with the victim's Host", () => {
    expect(crossSiteReason(headers({ origin: "http://evil.example", host: "localhost:3400" }), undefined)).toMatch(/http:\/\/evil\.example is not this studio's origin/);
  });

  it("refuses a request without an Origin, or with the opaque origin 'null'", () => {
    expect(crossSiteReason(headers({ host: "localhost:3400" }), undefined)).toMatch(/no Origin header/);
    expect(crossSiteReason(headers({ origin: "null", host: "localhost:3400" }), undefined)).toMatch(/no Origin header/);
  });

  it("refuses what Fetch Metadata marks as cross-site or same-site, whatever the Origin says", () => {
    for (const site of ["cross-site", "same-site", "none"]) {
      expect(crossSiteReason(headers({ origin: "http://localhost:3400", host: "localhost:3400", "sec-fetch-site": site }), undefined)).toMatch(site);
    }
  });

  it("refuses the same host on another port", () => {
    expect(crossSiteReason(headers({ origin: "http://localhost:3401", host: "localhost:3400" }), undefined)).not.toBeNull();
  });

  it("behind a proxy, accepts the public origin from NEXTAUTH_URL or the forwarded host", () => {
    const proxied = { origin: "https://studio.example.com", host: "127.0.0.1:3000" };
    expect(crossSiteReason(headers(proxied), undefined)).not.toBeNull();
    expect(crossSiteReason(headers(proxied), "https://studio.example.com/")).toBeNull();
    expect(crossSiteReason(headers({ ...proxied, "x-forwarded-host": "studio.example.com" }), undefined)).toBeNull();
    // NEXTAUTH_URL names a scheme too: the same host over plain http is another origin.
    expect(crossSiteReason(headers({ origin: "http://studio.example.com", host: "127.0.0.1:3000" }), "https://studio.example.com")).not.toBeNull();
  });

  it("compares hosts as a browser writes them (case, default ports)", () => {
    expect(crossSiteReason(headers({ origin: "https://studio.example.com", host: "Studio.Example.com:443" }), undefined)).toBeNull();
  });

  it("treats only GET, HEAD and OPTIONS as safe", () => {
    expect(["GET", "head", "OPTIONS"].every(isSafeMethod)).toBe(true);
    expect(["POST", "PUT", "PATCH", "DELETE"].some(isSafeMethod)).toBe(false);
  });
});
