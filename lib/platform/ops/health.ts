import "server-only";
import type Database from "better-sqlite3";
import { sql } from "drizzle-orm";
import { databaseEngine, getDb, getSqlite } from "@/db";
import { rawRun } from "@/db/raw";
import { transaction } from "@/db/transaction";
import { probeWrite, type WriteState } from "@/db/write-probe";
import { logger } from "@/lib/platform/logger";
import { isShuttingDown } from "./shutdown";

export interface Health {
  /** "stopping" while a graceful shutdown drains the process: a load balancer should send requests elsewhere. */
  status: "ok" | "degraded" | "stopping";
  version: string;
  /**
   * "locked": another process holds the write lock (reads still work, writes wait and may answer 503);
   * "read-only": writes are refused (file, folder or file system); "unreachable": not even a read works.
   */
  database: WriteState | "unreachable";
}

/**
 * Reads, then asks for the write lock without waiting. `deep` also writes inside that transaction and rolls it back,
 * which is what finds a database that became read-only after the start (a file system remounted read-only).
 * Never waits for a lock, so it answers at once while another process holds one. A probe of SQLite itself, on the
 * raw connection like waitForWriteLock's: it asks about the engine's lock and file, which no query can.
 */
export function checkHealth({ deep = false, sqlite }: { deep?: boolean; sqlite?: Database.Database } = {}): Health {
  const version = process.env.STUDIO_VERSION ?? "dev";
  let database: Health["database"];
  try {
    const connection = sqlite ?? getSqlite();
    connection.prepare("select 1").get();
    database = probeWrite(connection, { write: deep });
  } catch (error) {
    logger.error({ err: error }, "health check: database unreachable");
    database = "unreachable";
  }
  return { status: isShuttingDown() ? "stopping" : database === "ok" ? "ok" : "degraded", version, database };
}

/** Raised inside the deep probe's transaction so that its write is rolled back. */
class ProbeDone extends Error {}

/**
 * The health of either engine. SQLite: checkHealth above. Postgres has no file or process-wide lock to ask about:
 * a read answers whether it is reachable, and `deep` asks for a transaction id inside a transaction that is then
 * rolled back: what every write needs first, refused by a database that takes no writes (a standby in recovery).
 */
export async function checkDatabaseHealth({ deep = false }: { deep?: boolean } = {}): Promise<Health> {
  if (databaseEngine() !== "postgres") return checkHealth({ deep });
  const version = process.env.STUDIO_VERSION ?? "dev";
  let database: Health["database"] = "ok";
  try {
    await rawRun(getDb(), sql`select 1`);
    if (deep) {
      await transaction(async (tx) => {
        await rawRun(tx, sql`select txid_current()`);
        throw new ProbeDone();
      }).catch((error: unknown) => {
        if (!(error instanceof ProbeDone)) throw error;
      });
    }
  } catch (error) {
    logger.error({ err: error }, "health check: database unreachable or refusing writes");
    database = deep ? "read-only" : "unreachable";
  }
  return { status: isShuttingDown() ? "stopping" : database === "ok" ? "ok" : "degraded", version, database };
}
