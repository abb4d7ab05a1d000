import { rawRequest, SignInClient, TRUSTED_PROXY_ADDRESS } from "./support/raw-client";
import { loginFailures, readStudioDb } from "./support/studio-db";
import { expect, test } from "./support/test";

// The sign-in limit against the real server, as a script would attack it. Each test connects from a loopback address
// of its own, so its failures never use up the allowance of 127.0.0.1, where the browser tests sign in.

const unique = (prefix: string) => `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
const WRONG = "not-the-password";

test.describe("sign-in rate limit", () => {
  test("JSON sign-ins share the form's limit: after five failures either kind gets 429 with Retry-After", async () => {
    const client = new SignInClient("127.0.0.11");
    const email = unique("json");
    for (const as of ["form", "json", "form", "json", "form"] as const) {
      expect((await client.signIn({ email, password: WRONG, as })).status, as).toBe(401);
    }
    for (const as of ["json", "form"] as const) {
      const limited = await client.signIn({ email, password: WRONG, as });
      expect(limited.status, as).toBe(429);
      expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
      expect(JSON.parse(limited.text)).toMatchObject({ url: expect.stringContaining("error=RateLimited") });
    }
    expect(loginFailures(`account:${email}`)).toBe(5);
  });

  test("twenty parallel wrong passwords: five are checked, fifteen refused", async () => {
    const client = new SignInClient("127.0.0.12");
    await client.csrf();
    const email = unique("parallel");
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => client.signIn({ email, password: `${WRONG}-${i}`, as: i % 2 ? "json" : "form" })));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(15);
    expect(loginFailures(`account:${email}`)).toBe(5);
  });

  test("a spoofed X-Forwarded-For buys no fresh allowance; a trusted proxy's does name the client", async () => {
    test.slow(); // thirty-one argon2 checks on a shared machine
    const attacker = new SignInClient("127.0.0.13");
    await attacker.csrf();
    // Thirty accounts, one failure each, every request claiming another address: all count against the socket's.
    const spray = Array.from({ length: 30 }, (_, i) => ({ email: unique(`spray${i}`), forwardedFor: `203.0.113.${i + 1}` }));
    for (let i = 0; i < spray.length; i += 6) {
      const batch = await Promise.all(spray.slice(i, i + 6).map((s) => attacker.signIn({ ...s, password: WRONG })));
      expect(batch.map((b) => b.status)).toEqual(batch.map(() => 401));
    }
    const next = await attacker.signIn({ email: unique("spray-next"), password: WRONG, forwardedFor: "198.51.100.200" });
    expect(next.status).toBe(429);
    expect(loginFailures("ip:127.0.0.13")).toBe(30);
    expect(readStudioDb((db) => db.prepare("SELECT count(*) FROM login_attempts WHERE key LIKE 'ip:203.0.113.%' OR key = 'ip:198.51.100.200'").pluck().get())).toBe(0);

    // Through the trusted proxy, the address the proxy appended is the one counted (and the proxy's own is not).
    const proxied = new SignInClient(TRUSTED_PROXY_ADDRESS);
    const client = `198.51.100.${Math.floor(Math.random() * 200) + 1}`;
    expect((await proxied.signIn({ email: unique("proxied"), password: WRONG, forwardedFor: `6.6.6.6, ${client}` })).status).toBe(401);
    expect(loginFailures(`ip:${client}`)).toBe(1);
    expect(loginFailures("ip:6.6.6.6")).toBeUndefined();
    expect(loginFailures(`ip:${TRUSTED_PROXY_ADDRESS}`)).toBeUndefined();
  });

  test("malformed sign-in bodies get a JSON 4xx, never a 500, and the server stays healthy", async () => {
    const client = new SignInClient("127.0.0.14");
    const bodies: [string, string, number][] = [
      ["{", "application/json", 400],
      ['{"csrfToken":', "application/json", 400],
      ["[1,2,3]", "application/json", 400],
      ['{"email":{"$ne":""},"password":"x"}', "application/json", 400],
      ['{"callbackUrl":["/x"],"email":"a@b.c","password":"x"}', "application/json", 400],
      ["\u0000\u0001", "application/json", 400],
      ["[".repeat(8000) + "]".repeat(8000), "application/json", 400],
      ["email=a%40b.c&password=x", "text/plain", 400],
      ["a=" + "x".repeat(64 * 1024), "application/x-www-form-urlencoded", 413],
    ];
    for (const [body, type, status] of bodies) {
      const response = await client.post(body, type);
      expect(response.status, `${type} ${body.slice(0, 30)}`).toBe(status);
      expect(response.headers["content-type"]).toMatch(/application\/json/);
      expect(JSON.parse(response.text)).toMatchObject({ error: expect.any(String) });
    }
    // Requests next-auth itself cannot handle: it would answer 500 or plain text.
    const odd: [string, "GET" | "POST"][] = [
      ["/api/auth/callback/credentials", "GET"],
      ["/api/auth/session?callbackUrl=javascript%3Aalert(1)", "GET"],
      ["/api/auth/no-such-action", "GET"],
      ["/api/auth/callback/credentials?callbackUrl=javascript%3Aalert(1)", "POST"],
    ];
    for (const [path, method] of odd) {
      const response = await rawRequest({ from: "127.0.0.14", method, path, headers: { "content-type": "application/x-www-form-urlencoded" }, body: method === "POST" ? "email=a" : undefined });
      expect(response.status, `${method} ${path}`).toBe(400);
      expect(JSON.parse(response.text), `${method} ${path}`).toMatchObject({ error: expect.any(String), code: "bad_request:auth" });
    }
    const health = await rawRequest({ from: "127.0.0.14", method: "GET", path: "/api/health" });
    expect(health.status).toBe(200);
  });
});
