import "server-only";
import type Database from "better-sqlite3";
import { getSqlite } from "@/db";
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
 * Never waits for a lock, so it answers at once while another process holds one.
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
