import "server-only";
import { sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db";
import { rawRow, rawRows } from "@/db/raw";
import { readJson } from "@/db/sql-dialect";
import type { EvalResultStatus } from "@/db/schema";
import { nearestRankIndex } from "../runs/progress";
import { scoredPassRate } from "../runs/pass-rate";

// Per-target aggregates and per-case results for comparing two runs, in SQL on the indexes eval_results has
// (target_id, run_case_id) and eval_scores has (target_id, scorer_key).

export interface TargetAggregate {
  done: number;
  passed: number;
  errors: number;
  /** Results with no scorer: neither passed nor failed, left out of passRate. */
  unscored: number;
  /** passed / scored results (see scoredPassRate); null when none was scored. */
  passRate: number | null;
  meanScore: number | null;
  costUsd: number | null;
  latencyP50Ms: number | null;
  latencyP95Ms: number | null;
}

export interface ScorerAggregate {
  scorerKey: string;
  count: number;
  passRate: number | null;
  meanScore: number | null;
}

export async function aggregateTarget(targetId: string, db: DbOrTx = getDb()): Promise<TargetAggregate> {
  // An aggregate without GROUP BY always answers one row.
  const row = (await rawRow<{ done: number; passed: number; errors: number; unscored: number; meanScore: number | null; costUsd: number | null; timed: number }>(
    db,
    sql`SELECT count(*) AS done, coalesce(sum(case when status = 'passed' then 1 else 0 end), 0) AS passed,
          coalesce(sum(case when status = 'error' then 1 else 0 end), 0) AS errors,
          coalesce(sum(case when status = 'unscored' then 1 else 0 end), 0) AS unscored,
          avg(score) AS "meanScore", sum(cost_usd) AS "costUsd", count(latency_ms) AS timed
        FROM eval_results WHERE target_id = ${targetId}`,
  ))!;
  const latencyAt = async (percentile: number) => {
    const index = nearestRankIndex(row.timed, percentile);
    if (index === null) return null;
    const hit = await rawRow<{ ms: number }>(
      db,
      sql`SELECT latency_ms AS ms FROM eval_results WHERE target_id = ${targetId} AND latency_ms IS NOT NULL ORDER BY latency_ms LIMIT 1 OFFSET ${index}`,
    );
    return hit?.ms ?? null;
  };
  const [latencyP50Ms, latencyP95Ms] = await Promise.all([latencyAt(50), latencyAt(95)]);
  return {
    done: row.done,
    passed: row.passed,
    errors: row.errors,
    unscored: row.unscored,
    passRate: scoredPassRate(row.passed, row.done - row.unscored),
    meanScore: row.meanScore,
    costUsd: row.costUsd,
    latencyP50Ms,
    latencyP95Ms,
  };
}

export async function aggregateTargetScorers(targetId: string): Promise<ScorerAggregate[]> {
  const rows = await rawRows<{ scorerKey: string; count: number; passed: number; meanScore: number | null }>(
    getDb(),
    sql`SELECT scorer_key AS "scorerKey", count(*) AS count, coalesce(sum(case when passed then 1 else 0 end), 0) AS passed,
          avg(score) AS "meanScore"
        FROM eval_scores WHERE target_id = ${targetId} GROUP BY scorer_key ORDER BY scorer_key`,
  );
  return rows.map((r) => ({ scorerKey: r.scorerKey, count: r.count, passRate: r.count > 0 ? r.passed / r.count : null, meanScore: r.meanScore }));
}

export interface TargetCaseRow {
  caseId: string | null;
  position: number;
  variables: Record<string, string>;
  resultId: string | null;
  status: EvalResultStatus | null;
  score: number | null;
  output: string | null;
  latencyMs: number | null;
  costUsd: number | null;
}

/** Every case of the run, with this target's result when there is one. */
export async function listTargetCases({ runId, targetId }: { runId: string; targetId: string }): Promise<TargetCaseRow[]> {
  const rows = await rawRows<Omit<TargetCaseRow, "variables"> & { variables: unknown }>(
    getDb(),
    sql`SELECT rc.case_id AS "caseId", rc.position, rc.variables, r.id AS "resultId", r.status, r.score, r.output,
          r.latency_ms AS "latencyMs", r.cost_usd AS "costUsd"
        FROM eval_run_cases rc LEFT JOIN eval_results r ON r.run_case_id = rc.id AND r.target_id = ${targetId}
        WHERE rc.run_id = ${runId} ORDER BY rc.position`,
  );
  return rows.map((r) => ({ ...r, variables: readJson<Record<string, string>>(r.variables) }));
}
