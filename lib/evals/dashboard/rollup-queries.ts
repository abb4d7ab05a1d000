import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { rawRows } from "@/db/raw";
import { MAX_POINTS, scope, servedQuality as servedQualityWith, trendPoints, type DashboardScope, type ScorerPoint, type ServedQuality, type TrendPoint } from "./queries";

// The eval dashboard's figures read from the rollups (db/schema/rollups.ts): one row per run target, and one per
// target and scorer, so a point costs one lookup however many cases its run had. Each returns what its raw twin in
// queries.ts does; the runs, targets and names are read as there.

/** A target rollup `t`'s figures, as the raw queries compute them: rates over what has a verdict or a value. */
const TARGET_FIGURES = {
  passRate: sql`CASE WHEN t.scored > 0 THEN t.passed * 1.0 / t.scored END`,
  meanScore: sql`CASE WHEN t.score_count > 0 THEN t.score_sum / t.score_count END`,
};

export function evalTrend(filters: DashboardScope): Promise<TrendPoint[]> {
  return rawRows<TrendPoint>(
    getDb(),
    sql`WITH points AS (${trendPoints(filters)})
       SELECT points.*, coalesce(t.results, 0) AS done, ${TARGET_FIGURES.passRate} AS "passRate", ${TARGET_FIGURES.meanScore} AS "meanScore",
         CASE WHEN t.cost_count > 0 THEN t.cost_sum END AS "costUsd", CASE WHEN t.latency_count > 0 THEN t.latency_sum / t.latency_count END AS "meanLatencyMs"
       FROM points LEFT JOIN eval_target_rollups t ON t.target_id = points."targetId"
       ORDER BY points."at", points."runId"`,
  );
}

export function scorerTrend(filters: DashboardScope): Promise<ScorerPoint[]> {
  return rawRows<ScorerPoint>(
    getDb(),
    sql`SELECT s.target_id AS "targetId", s.scorer_key AS "scorerKey", s.scores AS count, s.passed * 1.0 / s.scores AS "passRate",
         CASE WHEN s.score_count > 0 THEN s.score_sum / s.score_count END AS "meanScore"
       FROM (SELECT t.id FROM eval_runs r JOIN eval_run_targets t ON t.run_id = r.id WHERE ${scope(filters)} ORDER BY r.created_at DESC LIMIT ${MAX_POINTS}) targets
       JOIN eval_scorer_rollups s ON s.target_id = targets.id
       WHERE s.scores > 0`,
  );
}

export function servedQuality(filters: DashboardScope): Promise<ServedQuality[]> {
  return servedQualityWith(
    filters,
    sql`(SELECT ${TARGET_FIGURES.passRate} FROM eval_target_rollups t WHERE t.target_id = served."targetId") AS "passRate",
         (SELECT ${TARGET_FIGURES.meanScore} FROM eval_target_rollups t WHERE t.target_id = served."targetId") AS "meanScore"`,
  );
}
