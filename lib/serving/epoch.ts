import "server-only";
import type Database from "better-sqlite3";
import { databaseEngine, getSqlite, type DbOrTx } from "@/db";
import { epochFollower, readEpochRow } from "./epoch-follower";

// The delivery cache epoch, bumped by triggers in the same transaction as any change the API serves (see the
// 0003 migration, and db/migrations-pg's 0001). Read on every request, synchronously, so a cached answer is written
// in the request's own turn of the event loop (the hot path in lib/api/fast-path.ts waits on nothing).
//
// SQLite fast path: one prepared statement on the process's connection, a few microseconds. On Postgres the epoch
// is followed instead of read (./epoch-follower.ts): a NOTIFY at each commit, and a poll every second.

const statements = new WeakMap<Database.Database, Database.Statement<[], number>>();

export function readDeliveryEpoch(): number {
  if (databaseEngine() === "postgres") return epochFollower().current();
  const client = getSqlite();
  let statement = statements.get(client);
  if (statement === undefined) {
    statement = client.prepare<[], number>("SELECT epoch FROM delivery_state WHERE id = 1").pluck();
    statements.set(client, statement);
  }
  return statement.get() ?? 0;
}

/** The epoch as the transaction `tx` sees it, for a snapshot that is cached under it (lib/serving/resolve.ts). */
export async function readDeliveryEpochIn(tx: DbOrTx): Promise<number> {
  if (databaseEngine() !== "postgres") return readDeliveryEpoch();
  const epoch = await readEpochRow(tx);
  epochFollower().learn(epoch);
  return epoch;
}
