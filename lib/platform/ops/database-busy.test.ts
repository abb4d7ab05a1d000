// Waiting for another process's write lock without blocking the event loop, on the process's real connection with
// a second connection holding the lock.
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { rawRun } from "@/db/raw";
import { getEnv } from "@/lib/platform/env";
import { AppError } from "@/lib/core/errors";
import { retryWhileBusy, waitForWriteLock } from "./database-busy";

let other: Database.Database | undefined;
function holdLock(): Database.Database {
  getDb();
  other = new Database(getEnv().DATABASE_URL);
  other.exec("BEGIN IMMEDIATE");
  return other;
}
afterEach(() => {
  if (other?.inTransaction) other.exec("ROLLBACK");
  other?.close();
  other = undefined;
});

/** Counts event-loop turns while `work` runs: a synchronous busy wait would leave it at zero. */
async function loopTurnsDuring(work: Promise<unknown>): Promise<number> {
  let turns = 0;
  let running = true;
  const tick = () => {
    if (!running) return;
    turns++;
    setTimeout(tick, 5);
  };
  setTimeout(tick, 5);
  await work.catch(() => {});
  running = false;
  return turns;
}

describe("waiting for the write lock", () => {
  it("resolves once the other process lets go, and the event loop keeps turning meanwhile", async () => {
    const holder = holdLock();
    setTimeout(() => holder.exec("ROLLBACK"), 300);
    const turns = await loopTurnsDuring(waitForWriteLock({ timeoutMs: 10_000 }));
    expect(holder.inTransaction).toBe(false);
    expect(turns).toBeGreaterThan(5);
  });

  it("gives up with a 503 carrying Retry-After when the lock is held longer than the wait", async () => {
    holdLock();
    const error = await waitForWriteLock({ timeoutMs: 200 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status: 503, code: "unavailable:database", details: { retryAfterSeconds: expect.any(Number) } });
  });

  it("retries a background write until the lock is free, and lets other errors through at once", async () => {
    const holder = holdLock();
    let attempts = 0;
    setTimeout(() => holder.exec("ROLLBACK"), 200);
    const written = await retryWhileBusy(() => {
      attempts++;
      return rawRun(getDb(), sql`CREATE TABLE IF NOT EXISTS busy_retry_probe (x INTEGER)`);
    });
    expect(written).toBe(0);
    expect(attempts).toBeGreaterThan(1);

    let calls = 0;
    await expect(
      retryWhileBusy(() => {
        calls++;
        throw new Error("not a lock");
      }),
    ).rejects.toThrow("not a lock");
    expect(calls).toBe(1);
  });
});
