import { describe, expect, it } from "vitest";
import { readLoginAttempts } from "./queries";
import {
  MAX_FAILURES_PER_ACCOUNT,
  MAX_FAILURES_PER_ADDRESS,
  SIGN_IN_WINDOW_MS,
  accountKey,
  addressKey,
  checkPasswordWithinLimit,
  checkSignInAllowed,
  noteSignInSuccess,
  reserveSignInAttempt,
} from "./sign-in-guard";

const t0 = new Date("2026-01-01T00:00:00Z");
const later = (ms: number) => new Date(t0.getTime() + ms);
let n = 0;
const fresh = () => ({ email: `person${++n}@example.com`, address: `10.0.0.${n}` });
// An attempt counts as a failure from the moment it is reserved until a success gives it back.
const fail = async (who: { email: string; address: string | null; now?: Date }) => expect((await reserveSignInAttempt({ now: t0, ...who })).allowed).toBe(true);

describe("sign-in rate limit", () => {
  it("allows an account until it reaches the failure limit, then says when to retry", async () => {
    const { email, address } = fresh();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++) await fail({ email, address });
    expect((await checkSignInAllowed({ email, address, now: t0 })).allowed).toBe(true);
    await fail({ email, address });
    const verdict = await checkSignInAllowed({ email, address: "another-address", now: later(60_000) });
    expect(verdict.allowed).toBe(false);
    expect(verdict.retryAfterSeconds).toBe((SIGN_IN_WINDOW_MS - 60_000) / 1000);
    const refused = await reserveSignInAttempt({ email, address: "another-address", now: later(60_000) });
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: (SIGN_IN_WINDOW_MS - 60_000) / 1000 });
  });

  it("counts nothing for a refused attempt", async () => {
    const { email, address } = fresh();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) await fail({ email, address });
    for (let i = 0; i < 3; i++) expect((await reserveSignInAttempt({ email, address, now: t0 })).allowed).toBe(false);
    const [account, ip] = await readLoginAttempts({ keys: [accountKey(email), addressKey(address)] });
    expect(account?.failures).toBe(MAX_FAILURES_PER_ACCOUNT);
    expect(ip?.failures).toBe(MAX_FAILURES_PER_ACCOUNT);
  });

  it("treats emails case-insensitively, so changing case does not reset the count", async () => {
    const { email, address } = fresh();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) await fail({ email: i % 2 ? email.toUpperCase() : email, address });
    expect((await checkSignInAllowed({ email, address, now: t0 })).allowed).toBe(false);
  });

  it("opens again once the window has passed", async () => {
    const { email, address } = fresh();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) await fail({ email, address });
    expect((await checkSignInAllowed({ email, address, now: later(SIGN_IN_WINDOW_MS) })).allowed).toBe(true);
    await fail({ email, address, now: later(SIGN_IN_WINDOW_MS) });
    expect((await checkSignInAllowed({ email, address, now: later(SIGN_IN_WINDOW_MS) })).allowed).toBe(true);
  });

  it("limits one address trying many accounts", async () => {
    const { address } = fresh();
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) await fail({ email: `spray${i}-${address}@example.com`, address });
    expect((await checkSignInAllowed({ email: "someone-new@example.com", address, now: t0 })).allowed).toBe(false);
    expect((await reserveSignInAttempt({ email: "someone-new@example.com", address, now: t0 })).allowed).toBe(false);
  });

  it("counts only the account when the client address is unknown", async () => {
    const { email } = fresh();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) await fail({ email, address: null });
    expect((await reserveSignInAttempt({ email, address: null, now: t0 })).allowed).toBe(false);
    expect(await readLoginAttempts({ keys: [addressKey("null"), addressKey("")] })).toEqual([undefined, undefined]);
  });

  it("clears an account's count on success and gives the address back only that attempt", async () => {
    const { email, address } = fresh();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++) await fail({ email, address });
    await fail({ email, address });
    await noteSignInSuccess({ email, address });
    await fail({ email, address });
    expect((await checkSignInAllowed({ email, address: "elsewhere", now: t0 })).allowed).toBe(true);
    const [account, ip] = await readLoginAttempts({ keys: [accountKey(email), addressKey(address)] });
    expect(account?.failures).toBe(1);
    expect(ip?.failures).toBe(MAX_FAILURES_PER_ACCOUNT);
  });
});

describe("guarded password checks", () => {
  it("reserves the attempt before checking, so 20 parallel wrong guesses are checked at most 5 times", async () => {
    const { email, address } = fresh();
    let checked = 0;
    // Each check yields to the event loop like argon2 does, so all 20 are in flight together.
    const verify = async () => {
      checked++;
      await new Promise((resolve) => setImmediate(resolve));
      return false;
    };
    const results = await Promise.all(Array.from({ length: 20 }, () => checkPasswordWithinLimit({ email, address, verify })));
    expect(checked).toBe(MAX_FAILURES_PER_ACCOUNT);
    expect(results.filter((r) => r.limited)).toHaveLength(20 - MAX_FAILURES_PER_ACCOUNT);
    expect((await readLoginAttempts({ keys: [accountKey(email)] }))[0]?.failures).toBe(MAX_FAILURES_PER_ACCOUNT);
  });

  it("does not run the check at all once the account is over its limit, even for the right password", async () => {
    const { email, address } = fresh();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) await checkPasswordWithinLimit({ email, address, verify: async () => false });
    let ran = false;
    const result = await checkPasswordWithinLimit({ email, address, verify: async () => (ran = true) });
    expect(ran).toBe(false);
    expect(result).toMatchObject({ limited: true });
    expect(result.limited && result.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("clears the account's count when the password is right", async () => {
    const { email, address } = fresh();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++) await checkPasswordWithinLimit({ email, address, verify: async () => false });
    expect(await checkPasswordWithinLimit({ email, address, verify: async () => true })).toEqual({ limited: false, valid: true });
    expect((await readLoginAttempts({ keys: [accountKey(email)] }))[0]).toBeUndefined();
    expect((await readLoginAttempts({ keys: [addressKey(address)] }))[0]?.failures).toBe(MAX_FAILURES_PER_ACCOUNT - 1);
  });
});
