import "server-only";
import { databaseEngine, getDb } from "./index";
import { inTransaction, transaction, type Tx } from "./transaction";

// Group commit for high-volume appends (generations reported by applications): the writes submitted in the same
// turn of the event loop share one transaction, and the writer may make them one statement, so a burst of requests
// pays for one BEGIN IMMEDIATE/COMMIT (on Postgres one READ COMMITTED transaction, APPEND below, or the writer's one
// statement alone: GroupCommitOptions) instead of one each. Every
// submitter's promise settles only after the transaction holding its write has committed (or failed): nothing is
// acknowledged before it is durable. A write that fails rolls the whole batch back; each of its writes is then made
// again in a transaction of its own, so only the bad one is refused, with its own error, and the others are stored
// exactly once.

/** Writes the items with `tx` (in one statement, when it can) and returns what each submitter receives, in order. */
export type GroupWrite<T, R> = (tx: Tx, items: readonly T[]) => Promise<R[]>;

/**
 * Postgres: a batch only appends rows, each independent of the others and of anything the transaction reads, so it
 * needs none of SERIALIZABLE's checks. Under them, two batches that read the same index pages (the rollup triggers
 * look up each new row) were refused now and then, and ran again.
 */
const APPEND = { isolation: "read committed" } as const;

/** At most this many writes in one transaction, so a batch's transaction stays short. */
const MAX_BATCH = 128;

interface Pending<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

export interface GroupCommitOptions {
  /**
   * The writer makes ONE statement on Postgres, which only appends rows the delivery cache does not follow. A single
   * statement is atomic on its own (its triggers included), so it runs as it is, without BEGIN and COMMIT around it
   * or the delivery epoch read that follows every write transaction (db/transaction.ts afterEveryWrite): one round
   * trip a batch instead of four. SQLite runs the writer in a transaction all the same (it makes a statement a row).
   */
  oneStatementOnPostgres?: boolean;
}

/** A function that writes `item` in a transaction shared with the other items submitted in the same turn. */
export function groupCommit<T, R>(write: GroupWrite<T, R>, { oneStatementOnPostgres = false }: GroupCommitOptions = {}): (item: T) => Promise<R> {
  const pending: Pending<T, R>[] = [];

  const atomically = <X>(work: (tx: Tx) => Promise<X>): Promise<X> =>
    oneStatementOnPostgres && databaseEngine() === "postgres" ? work(getDb()) : transaction(work, APPEND);
  const writeOne = async (tx: Tx, item: T) => (await write(tx, [item]))[0]!;
  const writeAlone = ({ item, resolve, reject }: Pending<T, R>) => atomically((tx) => writeOne(tx, item)).then(resolve, reject);

  const flush = async () => {
    const batch = pending.splice(0, MAX_BATCH);
    if (pending.length > 0) schedule();
    if (batch.length === 0) return;
    if (batch.length === 1) return writeAlone(batch[0]!);
    let results: R[];
    try {
      results = await atomically((tx) => write(tx, batch.map(({ item }) => item)));
    } catch {
      await Promise.all(batch.map(writeAlone));
      return;
    }
    batch.forEach(({ resolve }, index) => resolve(results[index]!));
  };
  // flush settles every submitter itself and never rejects.
  const schedule = () => void setImmediate(() => void flush());

  return (item) => {
    // Inside a caller's transaction the write joins it, so it commits or rolls back with the caller's other work.
    if (inTransaction()) return transaction((tx) => writeOne(tx, item));
    return new Promise<R>((resolve, reject) => {
      // setImmediate runs after the I/O callbacks of this turn: the requests that arrived together are in the batch.
      if (pending.length === 0) schedule();
      pending.push({ item, resolve, reject });
    });
  };
}
