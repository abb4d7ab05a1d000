import path from "node:path";
import { REPO_ROOT } from "@/lib/testing/repo-root";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import type { ApiKeyPrincipal } from "@/lib/platform/auth/principal";
import { DeliveryCache } from "./cache";
import { KeyRateLimiter } from "./rate-limit";
import { matchDeliveryRoute } from "./routes";
import { SECURITY_HEADERS, etagMatches } from "./serialize";

const principal: ApiKeyPrincipal = { kind: "api-key", workspaceId: "w", user: null, role: null, apiKey: { id: "k", name: "k", scope: "read" } };

describe("DeliveryCache", () => {
  it("forgets responses and keys when the epoch moves", () => {
    const cache = new DeliveryCache<string>();
    cache.sync(1);
    cache.set("a", "A", 1);
    cache.setPrincipal("hash", principal, 1);
    cache.sync(1);
    expect([cache.get("a"), cache.getPrincipal("hash")]).toEqual(["A", principal]);
    cache.sync(2);
    expect([cache.get("a"), cache.getPrincipal("hash")]).toEqual([undefined, undefined]);
  });

  it("does not keep what was resolved at an epoch it has moved past", () => {
    const cache = new DeliveryCache<string>();
    cache.sync(5);
    cache.set("old", "stale", 4);
    expect(cache.get("old")).toBeUndefined();
    cache.set("new", "fresh", 6);
    expect(cache.currentEpoch).toBe(6);
    expect(cache.get("new")).toBe("fresh");
    // A key read before a revocation the cache has since learnt of (Postgres: the read was on its way) is not kept.
    cache.setPrincipal("revoked-since", principal, 5);
    expect(cache.getPrincipal("revoked-since")).toBeUndefined();
    cache.setPrincipal("current", principal, 6);
    expect(cache.getPrincipal("current")).toBe(principal);
  });

  it("evicts the least recently used response first", () => {
    const cache = new DeliveryCache<string>({ maxEntries: 2 });
    cache.sync(1);
    cache.set("a", "A", 1);
    cache.set("b", "B", 1);
    cache.get("a");
    cache.set("c", "C", 1);
    expect([cache.get("a"), cache.get("b"), cache.get("c")]).toEqual(["A", undefined, "C"]);
  });

  it("keeps its entries under a byte budget", () => {
    const cache = new DeliveryCache<string>({ maxBytes: 10, sizeOf: (entry) => entry.length });
    cache.sync(1);
    cache.set("a", "aaaa", 1);
    cache.set("b", "bbbb", 1);
    cache.set("c", "cccc", 1);
    expect([cache.get("a"), cache.get("b"), cache.get("c")]).toEqual([undefined, "bbbb", "cccc"]);
    cache.set("huge", "x".repeat(11), 1);
    expect(cache.get("huge")).toBeUndefined();
    expect(cache.size).toBe(2);
  });
});

describe("KeyRateLimiter", () => {
  it("allows the budget in a burst, then one request per 60/limit seconds", () => {
    const limiter = new KeyRateLimiter(60);
    for (let i = 0; i < 60; i++) expect(limiter.take("k", 1_000)).toBe(0);
    expect(limiter.take("k", 1_000)).toBe(1);
    expect(limiter.take("k", 2_000)).toBe(0);
    expect(limiter.take("other", 2_000)).toBe(0);
  });
});

describe("etagMatches", () => {
  it("matches exact, listed, weak and wildcard validators", () => {
    expect(etagMatches('"abc"', '"abc"')).toBe(true);
    expect(etagMatches('"x", W/"abc"', '"abc"')).toBe(true);
    expect(etagMatches("*", '"abc"')).toBe(true);
    expect(etagMatches('"abd"', '"abc"')).toBe(false);
    expect(etagMatches(undefined, '"abc"')).toBe(false);
  });
});

describe("matchDeliveryRoute", () => {
  it("takes the last segment of a POST as the action and the rest as the name", () => {
    expect(matchDeliveryRoute("POST", "/api/v1/prompts/a/b/render")).toEqual({ kind: "action", action: "render", rawName: "a/b" });
    expect(matchDeliveryRoute("POST", "/api/v1/prompts/x%2Frender/render")).toEqual({ kind: "action", action: "render", rawName: "x%2Frender" });
    expect(matchDeliveryRoute("GET", "/api/v1/prompts/a/render")).toEqual({ kind: "prompt", rawName: "a/render" });
    expect(matchDeliveryRoute("POST", "/api/v1/prompts/render")).toEqual({ kind: "none" });
    expect(matchDeliveryRoute("POST", "/api/v1/prompts/a/approve")).toEqual({ kind: "none" });
    expect(matchDeliveryRoute("GET", "/api/v1/prompts")).toEqual({ kind: "list" });
  });
});

describe("security headers", () => {
  it("are the ones next.config.js gives every API answer, so the fast path answers like Next", async () => {
    const config = createRequire(import.meta.url)(path.join(REPO_ROOT, "next.config.js")) as { headers(): Promise<{ source: string; headers: { key: string; value: string }[] }[]> };
    const rules = await config.headers();
    const forApi = rules.filter((rule) => rule.source === "/:path*" || rule.source === "/api/:path*").flatMap((rule) => rule.headers);
    expect(SECURITY_HEADERS.map(([key, value]) => ({ key, value }))).toEqual(forApi);
  });
});
