import { describe, expect, it } from "vitest";
import {
  MAX_FAILURES_PER_ACCOUNT,
  MAX_FAILURES_PER_ADDRESS,
  SIGN_IN_WINDOW_MS,
  checkSignInAllowed,
  clientAddress,
  noteSignInFailure,
  noteSignInSuccess,
} from "./sign-in-guard";

const t0 = new Date("2026-01-01T00:00:00Z");
const later = (ms: number) => new Date(t0.getTime() + ms);
let n = 0;
const fresh = () => ({ email: `person${++n}@example.com`, address: `10.0.0.${n}` });

describe("sign-in rate limit", () => {
  it("allows an account until it reaches the failure limit, then says when to retry", () => {
    const { email, address } = fresh();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++) noteSignInFailure({ email, address, now: t0 });
    expect(checkSignInAllowed({ email, address, now: t0 }).allowed).toBe(true);
    noteSignInFailure({ email, address, now: t0 });
    const verdict = checkSignInAllowed({ email, address: "another-address", now: later(60_000) });
    expect(verdict.allowed).toBe(false);
    expect(verdict.retryAfterSeconds).toBe((SIGN_IN_WINDOW_MS - 60_000) / 1000);
  });

  it("treats emails case-insensitively, so changing case does not reset the count", () => {
    const { email, address } = fresh();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) noteSignInFailure({ email: i % 2 ? email.toUpperCase() : email, address, now: t0 });
    expect(checkSignInAllowed({ email, address, now: t0 }).allowed).toBe(false);
  });

  it("opens again once the window has passed", () => {
    const { email, address } = fresh();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) noteSignInFailure({ email, address, now: t0 });
    expect(checkSignInAllowed({ email, address, now: later(SIGN_IN_WINDOW_MS) }).allowed).toBe(true);
    noteSignInFailure({ email, address, now: later(SIGN_IN_WINDOW_MS) });
    expect(checkSignInAllowed({ email, address, now: later(SIGN_IN_WINDOW_MS) }).allowed).toBe(true);
  });

  it("limits one address trying many accounts", () => {
    const { address } = fresh();
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) noteSignInFailure({ email: `spray${i}-${address}@example.com`, address, now: t0 });
    expect(checkSignInAllowed({ email: "someone-new@example.com", address, now: t0 }).allowed).toBe(false);
  });

  it("clears an account's count on success but keeps the address's", () => {
    const { email, address } = fresh();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i++) noteSignInFailure({ email, address, now: t0 });
    noteSignInSuccess({ email });
    noteSignInFailure({ email, address, now: t0 });
    expect(checkSignInAllowed({ email, address: "elsewhere", now: t0 }).allowed).toBe(true);
  });

  it("reads the client address from X-Forwarded-For, first hop", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.9, 10.0.0.1" }))).toBe("203.0.113.9");
    expect(clientAddress({ "x-real-ip": "198.51.100.4" })).toBe("198.51.100.4");
    expect(clientAddress({})).toBe("unknown");
  });
});
