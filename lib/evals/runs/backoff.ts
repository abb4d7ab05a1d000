import { isAppError } from "@/lib/core/errors";

// When a failed model call is worth another attempt, and how long to wait first. Pure, so it is unit tested.

export interface BackoffOptions {
  /** Wait before the first retry, doubled on each further one. */
  baseMs: number;
  /** No backoff wait is longer than this (a Retry-After is honoured up to maxRetryAfterMs). */
  maxMs: number;
  /** The longest Retry-After we agree to wait; longer ones are capped so a run cannot stall for hours. */
  maxRetryAfterMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, maxMs: 20_000, maxRetryAfterMs: 60_000 };

/**
 * Rate limits (429), provider server errors (5xx), timeouts and an unreachable provider are transient; a rejected
 * key, an unknown model or a bad request will fail the same way again, and a cancel is the caller's decision.
 */
export function isRetryable(error: unknown): boolean {
  if (!isAppError(error)) return false;
  if (error.details?.cancelled === true) return false;
  if (error.type === "rate_limited") return !/out of quota/.test(error.message);
  if (error.type === "timeout" || error.type === "unavailable") return true;
  if (error.type === "upstream") {
    const status = error.details?.providerStatus;
    // A malformed stream or an in-stream error has no status: worth one more try like a 5xx.
    return typeof status !== "number" || status >= 500;
  }
  return false;
}

/** The Retry-After the provider asked for, in ms, if the error carries one (lib/platform/models/model-errors sets it). */
export function retryAfterMsOf(error: unknown): number | null {
  if (!isAppError(error)) return null;
  const seconds = error.details?.retryAfterSeconds;
  return typeof seconds === "number" && Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : null;
}

/**
 * Wait before retry number `retry` (1 = the first retry): exponential backoff with "equal jitter" (half fixed,
 * half random), so many cases failing together do not retry in lockstep. A Retry-After is a floor: we never
 * come back sooner than the provider asked, plus a little jitter so the waiters spread out.
 */
export function retryDelayMs({
  retry,
  retryAfterMs,
  options = DEFAULT_BACKOFF,
  random = Math.random,
}: {
  retry: number;
  retryAfterMs: number | null;
  options?: BackoffOptions;
  random?: () => number;
}): number {
  const exponential = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, retry - 1));
  const backoff = exponential / 2 + (random() * exponential) / 2;
  if (retryAfterMs === null) return Math.round(backoff);
  const floor = Math.min(retryAfterMs, options.maxRetryAfterMs);
  return Math.round(floor + random() * Math.min(floor * 0.2, 1_000));
}

/** Resolves after `ms`, or rejects at once when `signal` aborts (so a cancel never waits out a backoff). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
