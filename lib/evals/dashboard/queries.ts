import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { rawRows } from "@/db/raw";
import { jsonElements, jsonText, textValues } from "@/db/sql-dialect";
import { rangeStart, type DashboardFilters } from "./filters";

// Eval dashboard aggregates, in SQL. Each query starts from eval_runs by (workspace_id, created_at) and reaches
// results and scores through their target_id indexes, so the cost grows with the runs shown, not the rows stored.
// Every function is (filters) => rows so the dashboard benchmark can time them one by one.

export interface DashboardScope extends DashboardFilters {
  workspaceId: string;
  /** "Now" for the time range; tests pin it. */
  now?: number;
}

/** The shared WHERE for completed run targets in scope, its values bound as parameters. */
export function scope(filters: DashboardScope): SQL {
  // An optimizer candidate (t.content set) is a draft, not the version it was built on: never a point of its trend.
  const clauses = [sql`r.workspace_id = ${filters.workspaceId}`, sql`r.status = 'completed'`, sql`t.content IS NULL`];
  if (filters.prompt) clauses.push(sql`t.prompt_id = ${filters.prompt}`);
  if (filters.dataset) clauses.push(sql`r.dataset_id = ${filters.dataset}`);
  if (filters.environment) clauses.push(sql`t.environment_id = ${filters.environment}`);
  if (filters.model) clauses.push(sql`t.model_id = ${filters.model}`);
  const since = rangeStart(filters.range, filters.now);
  if (since !== null) clauses.push(sql`r.created_at >= ${since}`);
  return sql.join(clauses, sql` AND `);
}

export const MAX_POINTS = 500;

/**
 * The pass rate of a target's results `x` over scored ones: an unscored result is NULL, which avg leaves out. A
 * CASE rather than a boolean, which Postgres does not average.
 */
const passRateOfScored = sql`avg(case when x.status = 'unscored' then null when x.status = 'passed' then 1 else 0 end)`;

export interface TrendPoint {
  runId: string;
  targetId: string;
  runName: string;
  at: number;
  promptId: string;
  promptName: string;
  datasetId: string;
  version: number;
  modelId: string;
  datasetName: string;
  done: number;
  passRate: number | null;
  meanScore: number | null;
  costUsd: number | null;
  meanLatencyMs: number | null;
}

/** The latest completed run targets in scope (up to MAX_POINTS), with their names: a trend's points, before figures. */
export function trendPoints(filters: DashboardScope): SQL {
  return sql`SELECT r.id AS "runId", t.id AS "targetId", r.name AS "runName", coalesce(r.finished_at, r.created_at) AS "at",
      t.prompt_id AS "promptId", p.name AS "promptName", r.dataset_id AS "datasetId", t.version, t.model_id AS "modelId",
      d.name AS "datasetName"
    FROM eval_runs r
    JOIN eval_run_targets t ON t.run_id = r.id
    JOIN prompts p ON p.id = t.prompt_id
    JOIN datasets d ON d.id = r.dataset_id
    WHERE ${scope(filters)}
    ORDER BY r.created_at DESC LIMIT ${MAX_POINTS}`;
}

/**
 * One point per completed run target: pass rate, mean score, cost and latency, oldest first. The pass rate is over
 * scored results (an unscored one is NULL, which avg skips), like the run page's. The latest targets are picked
 * first, then their results aggregated in one grouped pass: five correlated subqueries per target read each
 * target's results five times over (705 ms p95 on Postgres at bench:dashboards' sizes).
 */
export function evalTrend(filters: DashboardScope): Promise<TrendPoint[]> {
  return rawRows<TrendPoint>(
    getDb(),
    sql`WITH points AS (${trendPoints(filters)}), totals AS (
         SELECT x.target_id, count(*) AS done, ${passRateOfScored} AS "passRate", avg(x.score) AS "meanScore",
           sum(x.cost_usd) AS "costUsd", avg(x.latency_ms) AS "meanLatencyMs"
         FROM eval_results x WHERE x.target_id IN (SELECT "targetId" FROM points)
         GROUP BY x.target_id
       )
       SELECT points.*, coalesce(totals.done, 0) AS done, totals."passRate", totals."meanScore", totals."costUsd", totals."meanLatencyMs"
       FROM points LEFT JOIN totals ON totals.target_id = points."targetId"
       ORDER BY points."at", points."runId"`,
  );
}

export interface ScorerPoint {
  targetId: string;
  scorerKey: string;
  count: number;
  passRate: number | null;
  meanScore: number | null;
}

/** Per scorer and run target: pass rate and mean score (eval_scores by its (target_id, scorer_key) index). */
export function scorerTrend(filters: DashboardScope): Promise<ScorerPoint[]> {
  const where = scope(filters);
  return rawRows<ScorerPoint>(
    getDb(),
    sql`SELECT s.target_id AS "targetId", s.scorer_key AS "scorerKey", count(*) AS count,
         avg(case when s.passed then 1 else 0 end) AS "passRate", avg(s.score) AS "meanScore"
       FROM (SELECT t.id FROM eval_runs r JOIN eval_run_targets t ON t.run_id = r.id WHERE ${where} ORDER BY r.created_at DESC LIMIT ${MAX_POINTS}) targets
       JOIN eval_scores s ON s.target_id = targets.id
       GROUP BY s.target_id, s.scorer_key`,
  );
}

export interface ServedQuality {
  environmentId: string;
  environmentName: string;
  promptId: string;
  promptName: string;
  version: number;
  runId: string | null;
  datasetName: string | null;
  passRate: number | null;
  meanScore: number | null;
  evaluatedAt: number | null;
}

/** A served version's pass rate and mean score from the raw results of its latest evaluation's target. */
const RAW_SERVED_FIGURES = sql`(SELECT ${passRateOfScored} FROM eval_results x WHERE x.target_id = served."targetId") AS "passRate",
         (SELECT avg(x.score) FROM eval_results x WHERE x.target_id = served."targetId") AS "meanScore"`;

/**
 * What each environment serves now, with the latest completed evaluation of that version (dataset-filtered). The
 * pass rate and mean score come from `figures` (the rollups pass theirs), reading `served."targetId"`.
 */
export function servedQuality(filters: DashboardScope, figures: SQL = RAW_SERVED_FIGURES): Promise<ServedQuality[]> {
  const workspaceId = filters.workspaceId;
  // Optional filters become conditions only when set (a bare `$1 IS NULL` has no type for Postgres to infer).
  const onDataset = filters.dataset != null ? sql` AND r.dataset_id = ${filters.dataset}` : sql``;
  const onPrompt = filters.prompt != null ? sql` AND p.id = ${filters.prompt}` : sql``;
  const onEnvironment = filters.environment != null ? sql` AND e.id = ${filters.environment}` : sql``;
  // Each served version's latest completed evaluation, looked up per pointer (a few) through the targets of that
  // prompt version, so the cost grows with the evaluations of the versions served, not with every run.
  const latestTarget = sql`(SELECT t.id FROM eval_run_targets t JOIN eval_runs r ON r.id = t.run_id
    WHERE t.prompt_id = ptr.prompt_id AND t.version = ptr.version AND r.workspace_id = ${workspaceId} AND r.status = 'completed' AND t.content IS NULL${onDataset}
    ORDER BY r.finished_at DESC NULLS LAST LIMIT 1)`;
  return rawRows<ServedQuality>(
    getDb(),
    sql`WITH served AS MATERIALIZED (
         SELECT e.id AS "environmentId", e.name AS "environmentName", e.position, p.id AS "promptId", p.name AS "promptName", ptr.version,
           ${latestTarget} AS "targetId"
         FROM environment_pointers ptr
         JOIN environments e ON e.id = ptr.environment_id
         JOIN prompts p ON p.id = ptr.prompt_id
         WHERE e.workspace_id = ${workspaceId}${onPrompt}${onEnvironment}
       )
       SELECT served."environmentId", served."environmentName", served."promptId", served."promptName", served.version,
         latest.run_id AS "runId", latest_dataset.name AS "datasetName", latest_run.finished_at AS "evaluatedAt",
         ${figures}
       FROM served
       LEFT JOIN eval_run_targets latest ON latest.id = served."targetId"
       LEFT JOIN eval_runs latest_run ON latest_run.id = latest.run_id
       LEFT JOIN datasets latest_dataset ON latest_dataset.id = latest_run.dataset_id
       ORDER BY served.position, served."promptName"`,
  );
}

/**
 * The values the filter menus offer: only what this workspace's runs used. Prompts and datasets are read from their own
 * tables, each kept if one run used it (the first index entry found), so the cost grows with the prompts and
 * datasets, not with the runs; models are the distinct models of the workspace's prompts' targets. A run target
 * always names a prompt of its run's workspace (createEvalRun resolves it there), so a prompt's targets are the
 * workspace's.
 */
export async function dashboardFilterOptions(workspaceId: string) {
  const db = getDb();
  type Option = { id: string; name: string };
  const [prompts, datasets, environments, models] = await Promise.all([
    rawRows<Option>(
      db,
      sql`SELECT p.id, p.name FROM prompts p WHERE p.workspace_id = ${workspaceId}
        AND EXISTS (SELECT 1 FROM eval_run_targets t WHERE t.prompt_id = p.id)
        ORDER BY p.name`,
    ),
    rawRows<Option>(
      db,
      sql`SELECT d.id, d.name FROM datasets d WHERE d.workspace_id = ${workspaceId}
        AND EXISTS (SELECT 1 FROM eval_runs r WHERE r.dataset_id = d.id AND r.workspace_id = ${workspaceId})
        ORDER BY d.name`,
    ),
    rawRows<Option>(db, sql`SELECT id, name FROM environments WHERE workspace_id = ${workspaceId} ORDER BY position`),
    rawRows<{ id: string }>(
      db,
      sql`SELECT DISTINCT t.model_id AS id FROM prompts p JOIN eval_run_targets t ON t.prompt_id = p.id WHERE p.workspace_id = ${workspaceId} ORDER BY 1`,
    ),
  ]);
  return { prompts, datasets, environments, models: models.map((m) => m.id) };
}

/** Labels of the scorers the given runs used (later runs win), from each run's scorer configs. */
export async function scorerLabels(runIds: string[]): Promise<Map<string, string>> {
  if (runIds.length === 0) return new Map();
  const rows = await rawRows<{ key: string; label: string }>(
    getDb(),
    sql`SELECT ${jsonText(sql`s.value`, "key")} AS "key", ${jsonText(sql`s.value`, "label")} AS "label"
        FROM eval_runs r, ${jsonElements(sql`r.scorers`, "s")}
        WHERE r.id IN (SELECT ids.value FROM ${textValues(runIds, "ids")}) ORDER BY r.created_at`,
  );
  return new Map(rows.map((r) => [r.key, r.label]));
}
