import "server-only";
import { and, asc, count, desc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { getDb, type Db } from "@/db";
import {
  datasets,
  evalResults,
  evalRunCases,
  evalRuns,
  evalRunTargets,
  evalScores,
  prompts,
  type EvalResultStatus,
  type EvalRunStatus,
} from "@/db/schema";
import { scoredPassRate } from "./pass-rate";
import { listTargetsOfRuns } from "./queries";
import { OPTIMIZER_SOURCE } from "./schemas";
import { computeProgress, nearestRankIndex, type RunProgress } from "./progress";
import { columnsOf } from "@/db/columns-of";
import { first } from "@/db/first";
import { rawRow, rawRows } from "@/db/raw";


// Reading runs for pages and the API: the list, progress, summary and results. Writes are in queries.ts.

/** Results finished in this window set the ETA's rate. */
const RECENT_WINDOW_MS = 30_000;

// ----------------------------------------------------------------------------------------------------------------
// Reading runs: list, progress, summary, results

export interface EvalRunListItem {
  id: string;
  name: string;
  status: EvalRunStatus;
  datasetId: string;
  datasetName: string;
  /** "support/triage v1, v2 (production)" */
  targets: { promptName: string; version: number; environmentName: string | null }[];
  totalCases: number;
  done: number;
  passed: number;
  errors: number;
  unscored: number;
  /** passed / scored results (done − unscored); null before the first scored result. */
  passRate: number | null;
  source: string;
  createdAt: Date;
}

/** A workspace's runs, newest first (optionally of one prompt or dataset), with their counts. */
export async function listEvalRuns({
  workspaceId,
  promptId,
  datasetId,
  limit = 50,
  offset = 0,
}: {
  workspaceId: string;
  promptId?: string;
  datasetId?: string;
  limit?: number;
  offset?: number;
}): Promise<EvalRunListItem[]> {
  const db = getDb();
  // The optimizer's runs (one per candidate) are listed on their optimization, not among the team's evaluations.
  const conditions = [eq(evalRuns.workspaceId, workspaceId), ne(evalRuns.source, OPTIMIZER_SOURCE)];
  if (datasetId) conditions.push(eq(evalRuns.datasetId, datasetId));
  if (promptId) {
    conditions.push(inArray(evalRuns.id, db.select({ id: evalRunTargets.runId }).from(evalRunTargets).where(eq(evalRunTargets.promptId, promptId))));
  }
  const runs = await db
    .select({ run: evalRuns, datasetName: datasets.name })
    .from(evalRuns)
    .innerJoin(datasets, eq(datasets.id, evalRuns.datasetId))
    .where(and(...conditions))
    .orderBy(desc(evalRuns.createdAt))
    .limit(limit)
    .offset(offset);
  if (runs.length === 0) return [];
  const ids = runs.map((r) => r.run.id);
  const [countRows, targets] = await Promise.all([
    rawRows<{ runId: string; done: number; passed: number; errors: number; unscored: number }>(
      db,
      sql`SELECT run_id AS "runId", count(*) AS done, sum(case when status = 'passed' then 1 else 0 end) AS passed,
            sum(case when status = 'error' then 1 else 0 end) AS errors,
            sum(case when status = 'unscored' then 1 else 0 end) AS unscored
          FROM eval_results WHERE run_id IN ${ids} GROUP BY run_id`,
    ),
    listTargetsOfRuns(db, { runIds: ids }),
  ]);
  const counts = new Map(countRows.map((row) => [row.runId, row]));
  return runs.map(({ run, datasetName }) => {
    const c = counts.get(run.id);
    const done = c?.done ?? 0;
    const unscored = c?.unscored ?? 0;
    return {
      id: run.id,
      name: run.name,
      status: run.status,
      datasetId: run.datasetId,
      datasetName,
      targets: targets.filter((t) => t.runId === run.id).map(({ promptName, version, environmentName }) => ({ promptName, version, environmentName })),
      totalCases: run.totalCases,
      done,
      passed: c?.passed ?? 0,
      errors: c?.errors ?? 0,
      unscored,
      passRate: scoredPassRate(c?.passed ?? 0, done - unscored),
      source: run.source,
      createdAt: run.createdAt,
    };
  });
}

export async function countEvalRuns({ workspaceId }: { workspaceId: string }): Promise<number> {
  const row = await first(getDb().select({ n: count() }).from(evalRuns).where(and(eq(evalRuns.workspaceId, workspaceId), ne(evalRuns.source, OPTIMIZER_SOURCE))));
  return row?.n ?? 0;
}

/** done / total / errors and the ETA from the recent rate. */
export async function getEvalRunProgress(db: Db, { runId, totalCases, now = Date.now() }: { runId: string; totalCases: number; now?: number }): Promise<RunProgress> {
  const since = now - RECENT_WINDOW_MS;
  // An aggregate without GROUP BY always answers one row.
  const row = (await rawRow<{ done: number; errors: number; recentCount: number; recentFirstAt: number | null }>(
    db,
    sql`SELECT count(*) AS done, coalesce(sum(case when status = 'error' then 1 else 0 end), 0) AS errors,
          coalesce(sum(case when created_at >= ${since} then 1 else 0 end), 0) AS "recentCount",
          min(CASE WHEN created_at >= ${since} THEN created_at END) AS "recentFirstAt"
        FROM eval_results WHERE run_id = ${runId}`,
  ))!;
  return computeProgress({
    done: row.done,
    total: totalCases,
    errors: row.errors,
    recentCount: row.recentCount,
    recentFirstAtMs: row.recentFirstAt,
    nowMs: now,
  });
}

export interface PassCounts {
  done: number;
  passed: number;
  failed: number;
  errors: number;
  /** Results with no scorer at all: neither passed nor failed, and left out of the pass rate. */
  unscored: number;
  /** passed / scored results (see pass-rate.ts); null with no scored result. */
  passRate: number | null;
}

export interface EvalRunSummary extends PassCounts {
  targets: (PassCounts & { targetId: string; costUsd: number | null; meanScore: number | null })[];
  scorers: { scorerKey: string; label: string; count: number; passed: number; passRate: number | null; meanScore: number | null; errors: number }[];
  /** Sum over results with a known cost; null when none had one. */
  costUsd: number | null;
  inputTokens: number;
  outputTokens: number;
  latencyP50Ms: number | null;
  latencyP95Ms: number | null;
  meanScore: number | null;
}

const passCounts = (done: number, passed: number, errors: number, unscored: number): PassCounts => ({
  done,
  passed,
  errors,
  unscored,
  failed: done - passed - errors - unscored,
  passRate: scoredPassRate(passed, done - unscored),
});

/** Pass rate overall and per target, per scorer pass rate and mean score, cost and p50/p95 latency. */
export async function getEvalRunSummary(db: Db, { runId, scorerLabels = {} }: { runId: string; scorerLabels?: Record<string, string> }): Promise<EvalRunSummary> {
  const [perTarget, scorers, overall, meanScore] = await Promise.all([
    rawRows<{
      targetId: string;
      done: number;
      passed: number;
      errors: number;
      unscored: number;
      costUsd: number | null;
      meanScore: number | null;
      inputTokens: number;
      outputTokens: number;
    }>(
      db,
      sql`SELECT t.id AS "targetId", count(r.id) AS done,
            coalesce(sum(case when r.status = 'passed' then 1 else 0 end), 0) AS passed,
            coalesce(sum(case when r.status = 'error' then 1 else 0 end), 0) AS errors,
            coalesce(sum(case when r.status = 'unscored' then 1 else 0 end), 0) AS unscored,
            sum(r.cost_usd) AS "costUsd", avg(r.score) AS "meanScore",
            coalesce(sum(r.input_tokens), 0) AS "inputTokens", coalesce(sum(r.output_tokens), 0) AS "outputTokens"
          FROM eval_run_targets t LEFT JOIN eval_results r ON r.target_id = t.id
          WHERE t.run_id = ${runId} GROUP BY t.id ORDER BY t.position`,
    ),
    rawRows<{ scorerKey: string; count: number; passed: number; meanScore: number | null; errors: number }>(
      db,
      sql`SELECT scorer_key AS "scorerKey", count(*) AS count, coalesce(sum(case when passed then 1 else 0 end), 0) AS passed,
            avg(score) AS "meanScore", coalesce(sum(case when error then 1 else 0 end), 0) AS errors
          FROM eval_scores WHERE run_id = ${runId} GROUP BY scorer_key ORDER BY scorer_key`,
    ),
    rawRow<{ n: number; meanScore: number | null }>(db, sql`SELECT count(*) AS n, avg(score) AS "meanScore" FROM eval_results WHERE run_id = ${runId} AND latency_ms IS NOT NULL`),
    rawRow<{ m: number | null }>(db, sql`SELECT avg(score) AS m FROM eval_results WHERE run_id = ${runId}`),
  ]);
  const latencyAt = async (percentile: number): Promise<number | null> => {
    const index = nearestRankIndex(overall?.n ?? 0, percentile);
    if (index === null) return null;
    const row = await rawRow<{ ms: number }>(
      db,
      sql`SELECT latency_ms AS ms FROM eval_results WHERE run_id = ${runId} AND latency_ms IS NOT NULL ORDER BY latency_ms LIMIT 1 OFFSET ${index}`,
    );
    return row?.ms ?? null;
  };
  const [latencyP50Ms, latencyP95Ms] = await Promise.all([latencyAt(50), latencyAt(95)]);
  const sum = (pick: (t: (typeof perTarget)[number]) => number) => perTarget.reduce((acc, t) => acc + pick(t), 0);
  const costs = perTarget.filter((t) => t.costUsd !== null);
  return {
    ...passCounts(sum((t) => t.done), sum((t) => t.passed), sum((t) => t.errors), sum((t) => t.unscored)),
    targets: perTarget.map((t) => ({ targetId: t.targetId, ...passCounts(t.done, t.passed, t.errors, t.unscored), costUsd: t.costUsd, meanScore: t.meanScore })),
    scorers: scorers.map((s) => ({
      ...s,
      label: scorerLabels[s.scorerKey] ?? s.scorerKey,
      passRate: s.count > 0 ? s.passed / s.count : null,
    })),
    costUsd: costs.length > 0 ? costs.reduce((acc, t) => acc + (t.costUsd ?? 0), 0) : null,
    inputTokens: sum((t) => t.inputTokens),
    outputTokens: sum((t) => t.outputTokens),
    latencyP50Ms,
    latencyP95Ms,
    meanScore: meanScore?.m ?? null,
  };
}

export type ResultFilter = "all" | "failures" | "errors" | "passed" | "unscored";

const STATUSES_BY_FILTER: Record<ResultFilter, EvalResultStatus[] | null> = {
  all: null,
  failures: ["failed", "error"],
  errors: ["error"],
  passed: ["passed"],
  unscored: ["unscored"],
};

/** One page of a run's results in (target, case) order, with the case's variables. */
export async function listEvalRunResults(
  db: Db,
  { runId, filter = "all", targetId, page = 1, pageSize = 50 }: { runId: string; filter?: ResultFilter; targetId?: string; page?: number; pageSize?: number },
) {
  const conditions = [eq(evalResults.runId, runId)];
  const statuses = STATUSES_BY_FILTER[filter];
  if (statuses) conditions.push(inArray(evalResults.status, statuses));
  if (targetId) conditions.push(eq(evalResults.targetId, targetId));
  const where = and(...conditions);
  const rowsQuery = db
    .select({
      id: evalResults.id,
      targetId: evalResults.targetId,
      targetPosition: evalRunTargets.position,
      runCaseId: evalResults.runCaseId,
      casePosition: evalRunCases.position,
      variables: evalRunCases.variables,
      ...columnsOf(evalResults, ["status", "score", "output", "latencyMs", "costUsd", "attempts", "errorMessage"]),
    })
    .from(evalResults)
    .innerJoin(evalRunCases, eq(evalRunCases.id, evalResults.runCaseId))
    .innerJoin(evalRunTargets, eq(evalRunTargets.id, evalResults.targetId))
    .where(where)
    .orderBy(asc(evalRunCases.position), asc(evalRunTargets.position))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [rows, total] = await Promise.all([rowsQuery, first(db.select({ n: count() }).from(evalResults).where(where))]);
  return { rows, total: total?.n ?? 0, page, pageSize };
}
export type EvalRunResultRow = Awaited<ReturnType<typeof listEvalRunResults>>["rows"][number];

/** One result with its case and every scorer's verdict. */
export async function findEvalRunResult(db: Db, { runId, resultId }: { runId: string; resultId: string }) {
  const row = await first(
    db
      .select({ result: evalResults, runCase: evalRunCases })
      .from(evalResults)
      .innerJoin(evalRunCases, eq(evalRunCases.id, evalResults.runCaseId))
      .where(and(eq(evalResults.id, resultId), eq(evalResults.runId, runId))),
  );
  if (!row) return null;
  const scores = await db.select().from(evalScores).where(eq(evalScores.resultId, resultId)).orderBy(asc(evalScores.scorerKey));
  return { ...row, scores };
}

/** Every result of a run with its scores, in (case, target) order: the CLI's JUnit report and the API's export. */
export async function listEvalRunScores(db: Db, { runId, resultIds }: { runId: string; resultIds: string[] }) {
  if (resultIds.length === 0) return [];
  return db
    .select()
    .from(evalScores)
    .where(and(eq(evalScores.runId, runId), inArray(evalScores.resultId, resultIds)))
    .orderBy(asc(evalScores.scorerKey));
}

/** Prompts with at least one version, for the new-run form. */
export async function listRunnablePrompts({ workspaceId }: { workspaceId: string }) {
  return getDb()
    .select({ id: prompts.id, name: prompts.name, type: prompts.type })
    .from(prompts)
    .where(and(eq(prompts.workspaceId, workspaceId), isNull(prompts.archivedAt)))
    .orderBy(asc(prompts.name));
}

/** Datasets (not archived) with their case counts (and how many carry their own assertions) and default scorers, for the new-run form. */
export async function listRunnableDatasets({ workspaceId }: { workspaceId: string }) {
  const db = getDb();
  const [rows, countRows] = await Promise.all([
    db
      .select({ id: datasets.id, name: datasets.name, defaultScorers: datasets.defaultScorers })
      .from(datasets)
      .where(and(eq(datasets.workspaceId, workspaceId), isNull(datasets.archivedAt)))
      .orderBy(asc(datasets.name)),
    rawRows<{ id: string; n: number; withAssertions: number }>(
      db,
      sql`SELECT dataset_id AS id, count(*) AS n, sum(case when assertions != '[]' then 1 else 0 end) AS "withAssertions"
          FROM dataset_cases GROUP BY dataset_id`,
    ),
  ]);
  const counts = new Map(countRows.map((r) => [r.id, r]));
  return rows.map((row) => ({ ...row, caseCount: counts.get(row.id)?.n ?? 0, casesWithAssertions: counts.get(row.id)?.withAssertions ?? 0 }));
}
