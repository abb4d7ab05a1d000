import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { databaseEngine, getDb, getPostgres, sqliteOf, type Db } from "./index";

/**
 * What a transaction's callback receives. On SQLite it is the process's connection while this transaction holds
 * it; queries made through it (and only through it) belong to the transaction.
 */
export type Tx = Db;

// One connection, so one open transaction at a time: callers queue here, in order, and wait without blocking the
// event loop. The callback awaits its queries (the data layer is async so that Postgres can sit under it); the next
// transaction waits its turn instead of joining this one.
// The queue and the open transaction live on globalThis, as the connection does (db/index.ts): under server.ts one
// process loads this module twice (the compiled server's copy and Next's bundle's), and both must share one queue.
// A transaction opened inside another (a manage module calling another's helper) joins the outer one: it would
// otherwise wait forever for the turn its own caller holds.
const shared = globalThis as unknown as {
  studioTransactions?: { tail: Promise<void>; open: AsyncLocalStorage<Tx>; afterWrite: (() => Promise<void>)[] };
};
const state = (shared.studioTransactions ??= { tail: Promise.resolve(), open: new AsyncLocalStorage<Tx>(), afterWrite: [] });
const open = state.open;

function takeTurn(): Promise<() => void> {
  let release!: () => void;
  const turn = new Promise<void>((resolve) => (release = resolve));
  const ready = state.tail.then(() => release);
  state.tail = state.tail.then(() => turn);
  return ready;
}

export interface TransactionOptions {
  /**
   * Only reads, which must agree with each other (a prompt and its partials, served together). Takes no write lock:
   * it never waits for another process's writer, nor fails because one holds the lock.
   */
  readOnly?: boolean;
  /**
   * Postgres only (SQLite has one writer, so every transaction is serial there). "read committed" is for a queue's
   * claim, whose statements carry their own guarantee (FOR UPDATE SKIP LOCKED, a conditional ON CONFLICT): several
   * processes claiming at once then each take different rows, where SERIALIZABLE would refuse all but one of them
   * and have the others run again. The same holds for pure appends (generation batches, an eval case's result).
   */
  isolation?: "serializable" | "read committed";
}

/**
 * Runs `work` in one transaction and commits what it did, or rolls all of it back if it throws. A write
 * transaction begins IMMEDIATE: the write lock is taken at the start, so two saves cannot both read "version 3" and
 * both write "version 4". Nested calls join the outermost transaction.
 */
export async function transaction<T>(
  work: (tx: Tx) => Promise<T> | T,
  { readOnly = false, isolation = "serializable" }: TransactionOptions = {},
): Promise<T> {
  const outer = open.getStore();
  if (outer) return work(outer);
  if (databaseEngine() === "postgres") return postgresTransaction(work, readOnly, isolation);
  const release = await takeTurn();
  try {
    const db = getDb();
    const sqlite = sqliteOf(db);
    sqlite.exec(readOnly ? "BEGIN DEFERRED" : "BEGIN IMMEDIATE");
    // better-sqlite3 answers every query at once, so a transaction that awaits only the database ends on the turn
    // of the event loop it began on, and no other request's code runs while it is open. One that awaits anything
    // else (a fetch, a timer, a hash) lets other requests read its uncommitted rows: that is a bug, refused here.
    let outlived = false;
    const turnEnds = setImmediate(() => (outlived = true));
    try {
      const result = await open.run(db, () => work(db));
      clearImmediate(turnEnds);
      if (outlived) throw new Error("A transaction awaited something other than the database; do that work before or after it.");
      sqlite.exec("COMMIT");
      return result;
    } catch (error) {
      clearImmediate(turnEnds);
      if (sqlite.inTransaction) sqlite.exec("ROLLBACK");
      throw error;
    }
  } finally {
    release();
  }
}

/**
 * Runs `hook` after every write transaction of this process commits, before transaction() resolves (Postgres: the
 * delivery epoch follower learns this process's own changes at once, not a notification later).
 */
export function afterEveryWrite(hook: () => Promise<void>): void {
  state.afterWrite.push(hook);
}

/** Whether the caller runs inside transaction(): for code that must not be called from one (it would wait on itself). */
export function inTransaction(): boolean {
  return open.getStore() !== undefined;
}

/** Postgres's codes for "this transaction lost a race; running it again may succeed": serialization and deadlock. */
const RETRYABLE = new Set(["40001", "40P01"]);
/** How long a transaction keeps being run again while it loses races; past it, the last error is thrown. */
const RETRY_FOR_MS = 10_000;

function sqlState(error: unknown): string | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (typeof e.code === "string") return e.code;
  }
  return undefined;
}

/**
 * On Postgres a transaction is SERIALIZABLE unless it asks otherwise (above): the database then guarantees what SQLite's one writer does, that
 * the outcome is as if the transactions ran one at a time (two saves cannot both read "version 3"), across every
 * process on the database. A transaction that loses such a race is refused with 40001 and run again, from the
 * start, after a short random wait; its work only touches the database, so running it again is safe.
 */
async function postgresTransaction<T>(
  work: (tx: Tx) => Promise<T> | T,
  readOnly: boolean,
  isolation: NonNullable<TransactionOptions["isolation"]>,
): Promise<T> {
  const db = getPostgres();
  const deadline = performance.now() + RETRY_FOR_MS;
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await db.transaction(
        async (pgTx) => {
          const tx = pgTx as unknown as Tx;
          return open.run(tx, () => work(tx));
        },
        { isolationLevel: isolation, accessMode: readOnly ? "read only" : "read write" },
      );
      if (!readOnly) for (const hook of state.afterWrite) await hook();
      return result;
    } catch (error) {
      if (performance.now() > deadline || !RETRYABLE.has(sqlState(error) ?? "")) throw error;
      // A random wait, growing with each loss, so the transactions that collided do not collide again in step.
      await sleep(Math.random() * Math.min(100, 2 ** attempt));
    }
  }
}
