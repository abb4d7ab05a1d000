import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { logger } from "@/lib/logger";

export interface Health {
  status: "ok" | "degraded";
  version: string;
  database: "ok" | "unreachable";
}

export function checkHealth(): Health {
  const version = process.env.STUDIO_VERSION ?? "dev";
  try {
    getDb().get(sql`select 1`);
    return { status: "ok", version, database: "ok" };
  } catch (error) {
    logger.error({ err: error }, "health check: database unreachable");
    return { status: "degraded", version, database: "unreachable" };
  }
}
