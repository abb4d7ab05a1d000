import "server-only";
import type Database from "better-sqlite3";
import { getSqlite } from "@/db";

// The delivery cache epoch, bumped by triggers in the same transaction as any change the API serves (see the
// 0003 migration). Read on every request: one prepared statement on the process's connection, a few microseconds.

const statements = new WeakMap<Database.Database, Database.Statement<[], number>>();

export function readDeliveryEpoch(): number {
  const client = getSqlite();
  let statement = statements.get(client);
  if (statement === undefined) {
    statement = client.prepare<[], number>("SELECT epoch FROM delivery_state WHERE id = 1").pluck();
    statements.set(client, statement);
  }
  return statement.get() ?? 0;
}
