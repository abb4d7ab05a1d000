import { describe, expect, it } from "vitest";
import { authorizeCredentials } from "@/lib/platform/auth/authorize-credentials";
import { PEER_ADDRESS_HEADER, startPeerAddressStamping } from "@/lib/platform/auth/peer-address";
import { MAX_FAILURES_PER_ACCOUNT } from "@/lib/platform/auth/sign-in-guard";
import { handleAuthGet, handleAuthPost } from "./sign-in-route";

// The wrapper around next-auth. next-auth itself needs a Next request scope, so here a stand-in plays its part; the
// real thing is attacked over HTTP in e2e/sign-in-limits.spec.ts.

const form = (body: string) =>
  new Request("http://studio.test/api/auth/callback/credentials", { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded" } });

describe("the auth route", () => {
  it("turns next-auth's 500s and plain-text refusals into JSON 400s, and leaves other answers alone", async () => {
    const get = new Request("http://studio.test/api/auth/callback/credentials");
    for (const answer of [new Response("Error: Callback for provider type credentials not supported", { status: 500 }), Response.json({ message: "config" }, { status: 500 }), new Response("Error: This action with HTTP GET is not supported by NextAuth.js", { status: 400 })]) {
      const response = await handleAuthGet(get, async () => answer);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: "The sign-in service cannot handle this request.", code: "bad_request:auth" });
    }
    const session = Response.json({ user: null });
    expect(await handleAuthGet(get, async () => session)).toBe(session);
    const wrongPassword = Response.json({ url: "http://studio.test/api/auth/error?error=CredentialsSignin" }, { status: 401 });
    expect(await handleAuthPost(form("email=a"), async () => wrongPassword)).toBe(wrongPassword);
  });

  it("answers 429 with Retry-After when authorize was refused by the limit, in the shape the sign-in form reads", async () => {
    startPeerAddressStamping();
    const email = `limited-${Date.now()}@example.com`;
    const headers = { [PEER_ADDRESS_HEADER]: "192.0.2.200" };
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) await authorizeCredentials({ email, password: "wrong" }, { headers });
    const response = await handleAuthPost(form(`email=${encodeURIComponent(email)}&password=wrong`), async (checked) => {
      const fields = Object.fromEntries(new URLSearchParams(await checked.text()));
      await authorizeCredentials(fields, { headers }).catch(() => {}); // next-auth catches authorize's errors itself
      return Response.json({ url: "http://studio.test/api/auth/error?error=RateLimited" }, { status: 401 });
    });
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await response.json()).toEqual({ url: "http://studio.test/login?error=RateLimited", error: "Too many failed sign-ins. Try again later." });
  });
});
