import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { databaseEngine, getSqlite } from "@/db";
import { isLockError, probeWrite } from "@/db/write-probe";
import { AppError, databaseBusyError } from "@/lib/core/errors";

// Another process (a second server, a script, an operator's sqlite3 shell) can hold SQLite's write lock for as long
// as it likes. better-sqlite3 waits for it synchronously, which stalls every request of this process, so the
// connection's busy timeout is short (db/index.ts) and the waiting happens here, asynchronously, with backoff.

/** How long a request waits for the write lock before it is answered 503 with Retry-After. */
export const WRITE_LOCK_WAIT_MS = 1_000;

const METHODS_THAT_READ = new Set(["GET", "HEAD", "OPTIONS"]);

/** Route handlers for these methods may write, so they first wait for the lock (route(), authorizedAction). */
export function mayWrite(method: string): boolean {
  return !METHODS_THAT_READ.has(method.toUpperCase());
}

/**
 * Resolves once this process could take the write lock; waits asynchronously while another process holds it and
 * throws the 503 `databaseBusyError()` after `timeoutMs`. A request calls it before its writes, so a long lock costs
 * it a bounded wait and never blocks the event loop. The lock may still be taken between this check and the write:
 * that write then fails after the short busy timeout and is answered with the same 503.
 */
export async function waitForWriteLock({ timeoutMs = WRITE_LOCK_WAIT_MS }: { timeoutMs?: number } = {}): Promise<void> {
  // Postgres has no database-wide write lock: writers conflict row by row, and transaction() retries the loser.
  if (databaseEngine() === "postgres") return;
  const sqlite = getSqlite();
  const deadline = performance.now() + timeoutMs;
  let delay = 10;
  for (;;) {
    const state = probeWrite(sqlite);
    if (state === "ok") return;
    if (state === "read-only") {
      throw new AppError("unavailable:database", "The database is read-only, so nothing can be saved. An operator has to make it writable.");
    }
    const left = deadline - performance.now();
    if (left <= 0) throw databaseBusyError();
    await sleep(Math.min(delay, left));
    delay = Math.min(delay * 2, 200);
  }
}

export interface BusyRetryOptions {
  /** Attempts in all, the first included. */
  attempts?: number;
  firstDelayMs?: number;
  maxDelayMs?: number;
  /** Stops retrying (the last error is thrown) once aborted. */
  signal?: AbortSignal;
}

/**
 * Runs a write, and again after an asynchronous backoff while it fails because another process holds
 * the lock (each attempt waits at most the connection's short busy timeout). For background writes that must not
 * be lost to a passing lock: an eval result, a finished playground run. Other errors are thrown at once.
 */
export async function retryWhileBusy<T>(write: () => T | Promise<T>, { attempts = 10, firstDelayMs = 25, maxDelayMs = 2_000, signal }: BusyRetryOptions = {}): Promise<T> {
  let delay = firstDelayMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (!isLockError(error) || attempt >= attempts || signal?.aborted) throw error;
    }
    await sleep(delay);
    delay = Math.min(delay * 2, maxDelayMs);
  }
}
