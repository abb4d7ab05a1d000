import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/core/errors";
import { isRetryable, retryAfterMsOf, retryDelayMs, sleep } from "./backoff";

const options = { baseMs: 100, maxMs: 1_000, maxRetryAfterMs: 5_000 };

describe("retry policy", () => {
  it("retries rate limits, provider 5xx, timeouts and unreachable providers", () => {
    expect(isRetryable(new AppError("rate_limited:model", "429", { details: { providerStatus: 429 } }))).toBe(true);
    expect(isRetryable(new AppError("upstream:model", "500", { details: { providerStatus: 503 } }))).toBe(true);
    expect(isRetryable(new AppError("timeout:model", "slow"))).toBe(true);
    expect(isRetryable(new AppError("unavailable:provider", "down"))).toBe(true);
  });

  it("does not retry a rejected key, a bad request, a cancel or an exhausted quota", () => {
    expect(isRetryable(new AppError("unauthorized:provider", "401"))).toBe(false);
    expect(isRetryable(new AppError("bad_request:model", "400"))).toBe(false);
    expect(isRetryable(new AppError("bad_request:model", "cancelled", { details: { cancelled: true } }))).toBe(false);
    expect(isRetryable(new AppError("rate_limited:model", "Fixture reports the account is out of quota (HTTP 429)."))).toBe(false);
    expect(isRetryable(new Error("boom"))).toBe(false);
  });

  it("reads Retry-After from the error's details", () => {
    expect(retryAfterMsOf(new AppError("rate_limited:model", "x", { details: { retryAfterSeconds: 1.5 } }))).toBe(1_500);
    expect(retryAfterMsOf(new AppError("rate_limited:model", "x"))).toBeNull();
  });
});

describe("retryDelayMs", () => {
  it("doubles per retry with jitter between half and the full step, capped", () => {
    expect(retryDelayMs({ retry: 1, retryAfterMs: null, options, random: () => 0 })).toBe(50);
    expect(retryDelayMs({ retry: 1, retryAfterMs: null, options, random: () => 1 })).toBe(100);
    expect(retryDelayMs({ retry: 3, retryAfterMs: null, options, random: () => 1 })).toBe(400);
    expect(retryDelayMs({ retry: 10, retryAfterMs: null, options, random: () => 1 })).toBe(1_000);
    expect(retryDelayMs({ retry: 10, retryAfterMs: null, options, random: () => 0 })).toBe(500);
  });

  it("never comes back sooner than Retry-After, and caps very long ones", () => {
    expect(retryDelayMs({ retry: 1, retryAfterMs: 2_000, options, random: () => 0 })).toBe(2_000);
    expect(retryDelayMs({ retry: 1, retryAfterMs: 2_000, options, random: () => 1 })).toBe(2_400);
    expect(retryDelayMs({ retry: 1, retryAfterMs: 3_600_000, options, random: () => 0 })).toBe(5_000);
  });

  it("spreads simultaneous retries apart", () => {
    const delays = new Set(Array.from({ length: 20 }, () => retryDelayMs({ retry: 2, retryAfterMs: null, options })));
    expect(delays.size).toBeGreaterThan(1);
  });
});

describe("sleep", () => {
  it("rejects at once when aborted", async () => {
    const controller = new AbortController();
    const started = Date.now();
    const waiting = sleep(10_000, controller.signal);
    controller.abort(new Error("stop"));
    await expect(waiting).rejects.toThrow("stop");
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
