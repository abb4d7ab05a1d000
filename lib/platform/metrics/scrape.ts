import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { getEnv } from "@/lib/platform/env";
import { AppError } from "@/lib/core/errors";
import { registerDatabaseGauges } from "./db-gauges";
import { getMetrics } from "./registry";

// GET /api/metrics. Off (404) unless METRICS_TOKEN is set; then a Bearer token compared in constant time (both
// sides hashed first, so lengths never leak either).

function sameSecret(given: string, expected: string): boolean {
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}

export async function scrapeMetrics(authorization: string | null, token = getEnv().METRICS_TOKEN): Promise<{ body: string; contentType: string }> {
  if (!token) throw new AppError("not_found:metrics", "Metrics are off. Set METRICS_TOKEN to turn them on.");
  const given = authorization?.match(/^Bearer\s+(.+)$/i)?.[1] ?? "";
  if (!given || !sameSecret(given, token)) throw new AppError("unauthorized:metrics", "A valid metrics token is required (Authorization: Bearer <METRICS_TOKEN>).");
  registerDatabaseGauges();
  const { registry } = getMetrics();
  return { body: await registry.metrics(), contentType: registry.contentType };
}
