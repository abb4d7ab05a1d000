import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { makeWorkspace } from "@/lib/testing/factories";
import { authorizeCredentials, withSignInReport } from "./authorize-credentials";
import { hashPassword } from "./password";
import { PEER_ADDRESS_HEADER, startPeerAddressStamping } from "./peer-address";
import { readLoginAttempts, updatePasswordHash } from "./queries";
import { MAX_FAILURES_PER_ACCOUNT, accountKey, addressKey } from "./sign-in-guard";

// authorize is where every sign-in reaches the password check, whatever body next-auth parsed: the limit lives here.

const PASSWORD = "the-right-password";
let hash: string;
let n = 0;

beforeAll(async () => {
  startPeerAddressStamping(); // as server.ts does
  hash = await hashPassword(PASSWORD);
});

async function member() {
  const { members } = await makeWorkspace(["editor"]);
  const user = members[0]!.user;
  await updatePasswordHash(getDb(), { userId: user.id, passwordHash: hash });
  return { email: user.email, peer: `192.0.2.${++n}` };
}

const from = (peer: string, extra: Record<string, string> = {}) => ({ headers: { [PEER_ADDRESS_HEADER]: peer, ...extra } });
const rateLimited = (promise: Promise<unknown>) => expect(promise).rejects.toThrow("RateLimited");

describe("authorizing credentials", () => {
  it("signs in with the right password and clears the account's failures", async () => {
    const { email, peer } = await member();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++) expect(await authorizeCredentials({ email, password: "wrong" }, from(peer))).toBeNull();
    const user = await authorizeCredentials({ email, password: PASSWORD }, from(peer));
    expect(user).toMatchObject({ email, sid: expect.any(String) });
    expect((await readLoginAttempts({ keys: [accountKey(email)] }))[0]).toBeUndefined();
  });

  it("refuses the sixth attempt, right password included, without checking it", async () => {
    const { email, peer } = await member();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) expect(await authorizeCredentials({ email, password: `wrong-${i}` }, from(peer))).toBeNull();
    await rateLimited(authorizeCredentials({ email, password: PASSWORD }, from(peer)));
    // Also from another address: the account's own allowance is used up.
    await rateLimited(authorizeCredentials({ email, password: PASSWORD }, from("198.51.100.99")));
    expect((await readLoginAttempts({ keys: [accountKey(email)] }))[0]?.failures).toBe(MAX_FAILURES_PER_ACCOUNT);
  });

  it("checks at most five of twenty parallel wrong passwords", async () => {
    const { email, peer } = await member();
    const outcomes = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => authorizeCredentials({ email, password: `guess-${i}` }, from(peer))));
    const refused = outcomes.filter((o) => o.status === "rejected" && (o.reason as Error).message === "RateLimited");
    expect(refused).toHaveLength(20 - MAX_FAILURES_PER_ACCOUNT);
    expect(outcomes.filter((o) => o.status === "fulfilled" && o.value === null)).toHaveLength(MAX_FAILURES_PER_ACCOUNT);
    expect((await readLoginAttempts({ keys: [accountKey(email)] }))[0]?.failures).toBe(MAX_FAILURES_PER_ACCOUNT);
  });

  it("counts an untrusted peer's attempts under its socket address, not the X-Forwarded-For it sends", async () => {
    const { email, peer } = await member();
    for (let i = 0; i < 3; i++) await authorizeCredentials({ email, password: "wrong" }, from(peer, { "x-forwarded-for": `203.0.113.${i}` }));
    const [ip, spoofed] = await readLoginAttempts({ keys: [addressKey(peer), addressKey("203.0.113.0")] });
    expect(ip?.failures).toBe(3);
    expect(spoofed).toBeUndefined();
  });

  it("tells a wrapping route how long to wait", async () => {
    const { email, peer } = await member();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) await authorizeCredentials({ email, password: "wrong" }, from(peer));
    const { response, report } = await withSignInReport(async () => {
      await authorizeCredentials({ email, password: "wrong" }, from(peer)).catch(() => {});
      return new Response(null, { status: 401 });
    });
    expect(response.status).toBe(401);
    expect(report.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("answers null without counting when the credentials are not strings", async () => {
    const { email, peer } = await member();
    expect(await authorizeCredentials({ email: { $ne: "" }, password: ["x"] }, from(peer))).toBeNull();
    expect(await authorizeCredentials({ email, password: 12345 }, from(peer))).toBeNull();
    expect((await readLoginAttempts({ keys: [accountKey(email)] }))[0]).toBeUndefined();
  });
});
