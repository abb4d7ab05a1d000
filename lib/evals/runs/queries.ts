import "server-only";
import type Database from "better-sqlite3";
import { and, asc, count, desc, eq, inArray, isNull } from "drizzle-orm";
import { getDb, type Db, type DbOrTx } from "@/db";
import {
  datasetCases,
  datasets,
  evalResults,
  evalRunCases,
  evalRuns,
  evalRunTargets,
  evalScores,
  environments,
  prompts,
  type EvalResultStatus,
  type EvalRun,
  type EvalRunStatus,
} from "@/db/schema";
import { scoredPassRate } from "./pass-rate";
import { computeProgress, nearestRankIndex, type RunProgress } from "./progress";

// Every read and write of eval runs, targets, cases, results and scores. Aggregates are SQL over the
// (run_id, status) and (run_id, scorer_key) indexes; nothing loads a run's results to count them in JS.

/** Results finished in this window set the ETA's rate. */
const RECENT_WINDOW_MS = 30_000;

// drizzle keeps the better-sqlite3 handle as $client at runtime; its type does not say so.
const sqlite = (db: Db | DbOrTx) => (db as unknown as { $client: Database.Database }).$client;

// ----------------------------------------------------------------------------------------------------------------
// Creating a run

export function findRunDataset(tx: DbOrTx, { datasetId }: { datasetId: string }) {
  return tx.select().from(datasets).where(eq(datasets.id, datasetId)).get();
}

export function findRunDatasetByName(tx: DbOrTx, { workspaceId, name }: { workspaceId: string; name: string }) {
  return tx.select().from(datasets).where(and(eq(datasets.workspaceId, workspaceId), eq(datasets.name, name))).get();
}

export function listRunDatasetCases(tx: DbOrTx, { datasetId }: { datasetId: string }) {
  return tx.select().from(datasetCases).where(eq(datasetCases.datasetId, datasetId)).orderBy(asc(datasetCases.position), asc(datasetCases.createdAt)).all();
}

export function insertEvalRun(tx: DbOrTx, values: typeof evalRuns.$inferInsert) {
  return tx.insert(evalRuns).values(values).returning().get();
}

export function insertEvalRunTargets(tx: DbOrTx, values: (typeof evalRunTargets.$inferInsert)[]) {
  return values.length === 0 ? [] : tx.insert(evalRunTargets).values(values).returning().all();
}

export function insertEvalRunCases(tx: DbOrTx, values: (typeof evalRunCases.$inferInsert)[]) {
  // Chunked: SQLite caps the number of bound parameters in one statement.
  for (let i = 0; i < values.length; i += 500) tx.insert(evalRunCases).values(values.slice(i, i + 500)).run();
}

// ----------------------------------------------------------------------------------------------------------------
// One run

export function findEvalRun(tx: DbOrTx, { runId }: { runId: string }): EvalRun | undefined {
  return tx.select().from(evalRuns).where(eq(evalRuns.id, runId)).get();
}

export function listEvalRunTargets(tx: DbOrTx, { runId }: { runId: string }) {
  return tx
    .select({
      id: evalRunTargets.id,
      position: evalRunTargets.position,
      promptId: evalRunTargets.promptId,
      promptName: prompts.name,
      version: evalRunTargets.version,
      environmentId: evalRunTargets.environmentId,
      environmentName: environments.name,
      environmentSlug: environments.slug,
      modelId: evalRunTargets.modelId,
    })
    .from(evalRunTargets)
    .innerJoin(prompts, eq(prompts.id, evalRunTargets.promptId))
    .leftJoin(environments, eq(environments.id, evalRunTargets.environmentId))
    .where(eq(evalRunTargets.runId, runId))
    .orderBy(asc(evalRunTargets.position))
    .all();
}
export type EvalRunTargetView = ReturnType<typeof listEvalRunTargets>[number];

export function listEvalRunCases(tx: DbOrTx, { runId }: { runId: string }) {
  return tx.select().from(evalRunCases).where(eq(evalRunCases.runId, runId)).orderBy(asc(evalRunCases.position)).all();
}

/** The (target, case) pairs that already have a result: a resumed run skips them. */
export function listFinishedPairs(db: Db, { runId }: { runId: string }): Set<string> {
  const rows = sqlite(db).prepare("SELECT target_id AS t, run_case_id AS c FROM eval_results WHERE run_id = ?").all(runId) as { t: string; c: string }[];
  return new Set(rows.map((row) => `${row.t}|${row.c}`));
}

// ----------------------------------------------------------------------------------------------------------------
// Run lifecycle (the worker). Each is one conditional UPDATE, so two processes can never both hold a run.

/** Takes a queued or interrupted run for this worker; null when another worker has it or it is not waiting. */
export function claimEvalRun(db: Db, { runId, workerId, now }: { runId: string; workerId: string; now: number }): EvalRun | null {
  const row = sqlite(db)
    .prepare(
      `UPDATE eval_runs SET status = 'running', worker_id = ?, heartbeat_at = ?, started_at = coalesce(started_at, ?),
         finished_at = NULL, error_message = NULL
       WHERE id = ? AND status IN ('queued', 'interrupted') RETURNING id`,
    )
    .get(workerId, now, now, runId) as { id: string } | undefined;
  return row ? (findEvalRun(db, { runId: row.id }) ?? null) : null;
}

/** Runs waiting for a worker, oldest first. */
export function listClaimableEvalRuns(db: Db, { limit }: { limit: number }): string[] {
  const rows = sqlite(db)
    .prepare("SELECT id FROM eval_runs WHERE status IN ('queued', 'interrupted') ORDER BY created_at LIMIT ?")
    .all(limit) as { id: string }[];
  return rows.map((row) => row.id);
}

/** Keeps this worker's hold on a run; false when the run was cancelled or taken over (the worker must stop). */
export function heartbeatEvalRun(db: Db, { runId, workerId, now }: { runId: string; workerId: string; now: number }): boolean {
  return (
    sqlite(db).prepare("UPDATE eval_runs SET heartbeat_at = ? WHERE id = ? AND worker_id = ? AND status = 'running'").run(now, runId, workerId)
      .changes === 1
  );
}

/** A run still "running" with a stale heartbeat lost its worker (the process died): mark it interrupted. */
export function markStaleEvalRunsInterrupted(db: Db, { staleBefore }: { staleBefore: number }): number {
  return sqlite(db)
    .prepare("UPDATE eval_runs SET status = 'interrupted', worker_id = NULL WHERE status = 'running' AND (heartbeat_at IS NULL OR heartbeat_at < ?)")
    .run(staleBefore).changes;
}

/** Ends a run this worker holds; false when it was cancelled (or taken over) meanwhile. */
export function finishEvalRun(
  db: Db,
  { runId, workerId, status, errorMessage = null, now }: { runId: string; workerId: string; status: "completed" | "failed"; errorMessage?: string | null; now: number },
): boolean {
  return (
    sqlite(db)
      .prepare("UPDATE eval_runs SET status = ?, error_message = ?, finished_at = ? WHERE id = ? AND worker_id = ? AND status = 'running'")
      .run(status, errorMessage, now, runId, workerId).changes === 1
  );
}

/** Hands a run back without finishing it (this process is shutting down); the next worker resumes it. */
export function releaseEvalRun(db: Db, { runId, workerId }: { runId: string; workerId: string }): boolean {
  return (
    sqlite(db).prepare("UPDATE eval_runs SET status = 'interrupted', worker_id = NULL WHERE id = ? AND worker_id = ? AND status = 'running'").run(runId, workerId)
      .changes === 1
  );
}

/** Moves a run between states when it is in one of `from`; false when it was not (a race, or a stale page). */
export function updateEvalRunStatus(
  tx: DbOrTx,
  { runId, from, to, finishedAt }: { runId: string; from: EvalRunStatus[]; to: EvalRunStatus; finishedAt: Date | null },
): boolean {
  const updated = tx
    .update(evalRuns)
    .set({ status: to, finishedAt, ...(to === "queued" ? { errorMessage: null, workerId: null } : {}) })
    .where(and(eq(evalRuns.id, runId), inArray(evalRuns.status, from)))
    .returning({ id: evalRuns.id })
    .all();
  return updated.length === 1;
}

// ----------------------------------------------------------------------------------------------------------------
// Results, as the runner writes them

export interface ResultRow {
  id: string;
  runId: string;
  targetId: string;
  runCaseId: string;
  status: EvalResultStatus;
  score: number | null;
  renderedInput: string;
  output: string;
  inputTokens: number | null;
  outputTokens: number | null;
  costUsd: number | null;
  latencyMs: number | null;
  attempts: number;
  errorCode: string | null;
  errorMessage: string | null;
  createdAt: number;
}

export interface ScoreRow {
  scorerKey: string;
  score: number | null;
  passed: boolean;
  reason: string;
  error: boolean;
}

/**
 * The runner's writer: statements prepared once per run, and one small transaction per finished case. ON CONFLICT
 * DO NOTHING on (target, case) means a case finished twice (two workers after a takeover) is stored once.
 */
export function createResultWriter(db: Db): (result: ResultRow, scores: ScoreRow[]) => boolean {
  const client = sqlite(db);
  const insertResult = client.prepare(
    `INSERT INTO eval_results (id, run_id, target_id, run_case_id, status, score, rendered_input, output, input_tokens,
       output_tokens, cost_usd, latency_ms, attempts, error_code, error_message, created_at)
     VALUES (@id, @runId, @targetId, @runCaseId, @status, @score, @renderedInput, @output, @inputTokens, @outputTokens,
       @costUsd, @latencyMs, @attempts, @errorCode, @errorMessage, @createdAt)
     ON CONFLICT (target_id, run_case_id) DO NOTHING`,
  );
  const insertScore = client.prepare(
    `INSERT INTO eval_scores (id, result_id, run_id, target_id, scorer_key, score, passed, reason, error)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const write = client.transaction((result: ResultRow, scores: ScoreRow[]) => {
    if (insertResult.run(result).changes === 0) return false;
    for (const s of scores) {
      insertScore.run(crypto.randomUUID(), result.id, result.runId, result.targetId, s.scorerKey, s.score, s.passed ? 1 : 0, s.reason, s.error ? 1 : 0);
    }
    return true;
  });
  return (result, scores) => write(result, scores);
}

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
export function listEvalRuns({
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
}): EvalRunListItem[] {
  const db = getDb();
  const conditions = [eq(evalRuns.workspaceId, workspaceId)];
  if (datasetId) conditions.push(eq(evalRuns.datasetId, datasetId));
  if (promptId) {
    conditions.push(inArray(evalRuns.id, db.select({ id: evalRunTargets.runId }).from(evalRunTargets).where(eq(evalRunTargets.promptId, promptId))));
  }
  const runs = db
    .select({ run: evalRuns, datasetName: datasets.name })
    .from(evalRuns)
    .innerJoin(datasets, eq(datasets.id, evalRuns.datasetId))
    .where(and(...conditions))
    .orderBy(desc(evalRuns.createdAt))
    .limit(limit)
    .offset(offset)
    .all();
  if (runs.length === 0) return [];
  const ids = runs.map((r) => r.run.id);
  const counts = new Map(
    (
      sqlite(db)
        .prepare(
          `SELECT run_id AS runId, count(*) AS done, sum(status = 'passed') AS passed, sum(status = 'error') AS errors,
             sum(status = 'unscored') AS unscored
           FROM eval_results WHERE run_id IN (${ids.map(() => "?").join(",")}) GROUP BY run_id`,
        )
        .all(...ids) as { runId: string; done: number; passed: number; errors: number; unscored: number }[]
    ).map((row) => [row.runId, row]),
  );
  const targets = db
    .select({ runId: evalRunTargets.runId, promptName: prompts.name, version: evalRunTargets.version, environmentName: environments.name })
    .from(evalRunTargets)
    .innerJoin(prompts, eq(prompts.id, evalRunTargets.promptId))
    .leftJoin(environments, eq(environments.id, evalRunTargets.environmentId))
    .where(inArray(evalRunTargets.runId, ids))
    .orderBy(asc(evalRunTargets.position))
    .all();
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

export function countEvalRuns({ workspaceId }: { workspaceId: string }): number {
  const row = sqlite(getDb()).prepare("SELECT count(*) AS n FROM eval_runs WHERE workspace_id = ?").get(workspaceId) as { n: number };
  return row.n;
}

/** done / total / errors and the ETA from the recent rate. */
export function getEvalRunProgress(db: Db, { runId, totalCases, now = Date.now() }: { runId: string; totalCases: number; now?: number }): RunProgress {
  const row = sqlite(db)
    .prepare(
      `SELECT count(*) AS done, coalesce(sum(status = 'error'), 0) AS errors,
         coalesce(sum(created_at >= @since), 0) AS recentCount, min(CASE WHEN created_at >= @since THEN created_at END) AS recentFirstAt
       FROM eval_results WHERE run_id = @runId`,
    )
    .get({ runId, since: now - RECENT_WINDOW_MS }) as { done: number; errors: number; recentCount: number; recentFirstAt: number | null };
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
export function getEvalRunSummary(db: Db, { runId, scorerLabels = {} }: { runId: string; scorerLabels?: Record<string, string> }): EvalRunSummary {
  const client = sqlite(db);
  const perTarget = client
    .prepare(
      `SELECT t.id AS targetId, count(r.id) AS done, coalesce(sum(r.status = 'passed'), 0) AS passed,
         coalesce(sum(r.status = 'error'), 0) AS errors, coalesce(sum(r.status = 'unscored'), 0) AS unscored,
         sum(r.cost_usd) AS costUsd, avg(r.score) AS meanScore,
         coalesce(sum(r.input_tokens), 0) AS inputTokens, coalesce(sum(r.output_tokens), 0) AS outputTokens
       FROM eval_run_targets t LEFT JOIN eval_results r ON r.target_id = t.id
       WHERE t.run_id = ? GROUP BY t.id ORDER BY t.position`,
    )
    .all(runId) as {
    targetId: string;
    done: number;
    passed: number;
    errors: number;
    unscored: number;
    costUsd: number | null;
    meanScore: number | null;
    inputTokens: number;
    outputTokens: number;
  }[];
  const scorers = client
    .prepare(
      `SELECT scorer_key AS scorerKey, count(*) AS count, coalesce(sum(passed), 0) AS passed, avg(score) AS meanScore,
         coalesce(sum(error), 0) AS errors
       FROM eval_scores WHERE run_id = ? GROUP BY scorer_key ORDER BY scorer_key`,
    )
    .all(runId) as { scorerKey: string; count: number; passed: number; meanScore: number | null; errors: number }[];
  const overall = client.prepare("SELECT count(*) AS n, avg(score) AS meanScore FROM eval_results WHERE run_id = ? AND latency_ms IS NOT NULL").get(runId) as {
    n: number;
    meanScore: number | null;
  };
  const latencyAt = (percentile: number): number | null => {
    const index = nearestRankIndex(overall.n, percentile);
    if (index === null) return null;
    const row = client
      .prepare("SELECT latency_ms AS ms FROM eval_results WHERE run_id = ? AND latency_ms IS NOT NULL ORDER BY latency_ms LIMIT 1 OFFSET ?")
      .get(runId, index) as { ms: number } | undefined;
    return row?.ms ?? null;
  };
  const sum = (pick: (t: (typeof perTarget)[number]) => number) => perTarget.reduce((acc, t) => acc + pick(t), 0);
  const costs = perTarget.filter((t) => t.costUsd !== null);
  const meanScore = client.prepare("SELECT avg(score) AS m FROM eval_results WHERE run_id = ?").get(runId) as { m: number | null };
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
    latencyP50Ms: latencyAt(50),
    latencyP95Ms: latencyAt(95),
    meanScore: meanScore.m,
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
export function listEvalRunResults(
  db: Db,
  { runId, filter = "all", targetId, page = 1, pageSize = 50 }: { runId: string; filter?: ResultFilter; targetId?: string; page?: number; pageSize?: number },
) {
  const conditions = [eq(evalResults.runId, runId)];
  const statuses = STATUSES_BY_FILTER[filter];
  if (statuses) conditions.push(inArray(evalResults.status, statuses));
  if (targetId) conditions.push(eq(evalResults.targetId, targetId));
  const where = and(...conditions);
  const rows = db
    .select({
      id: evalResults.id,
      targetId: evalResults.targetId,
      targetPosition: evalRunTargets.position,
      runCaseId: evalResults.runCaseId,
      casePosition: evalRunCases.position,
      variables: evalRunCases.variables,
      status: evalResults.status,
      score: evalResults.score,
      output: evalResults.output,
      latencyMs: evalResults.latencyMs,
      costUsd: evalResults.costUsd,
      attempts: evalResults.attempts,
      errorMessage: evalResults.errorMessage,
    })
    .from(evalResults)
    .innerJoin(evalRunCases, eq(evalRunCases.id, evalResults.runCaseId))
    .innerJoin(evalRunTargets, eq(evalRunTargets.id, evalResults.targetId))
    .where(where)
    .orderBy(asc(evalRunCases.position), asc(evalRunTargets.position))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all();
  const total = db.select({ n: count() }).from(evalResults).where(where).get()?.n ?? 0;
  return { rows, total, page, pageSize };
}
export type EvalRunResultRow = ReturnType<typeof listEvalRunResults>["rows"][number];

/** One result with its case and every scorer's verdict. */
export function findEvalRunResult(db: Db, { runId, resultId }: { runId: string; resultId: string }) {
  const row = db
    .select({ result: evalResults, runCase: evalRunCases })
    .from(evalResults)
    .innerJoin(evalRunCases, eq(evalRunCases.id, evalResults.runCaseId))
    .where(and(eq(evalResults.id, resultId), eq(evalResults.runId, runId)))
    .get();
  if (!row) return null;
  const scores = db.select().from(evalScores).where(eq(evalScores.resultId, resultId)).orderBy(asc(evalScores.scorerKey)).all();
  return { ...row, scores };
}

/** Every result of a run with its scores, in (case, target) order: the CLI's JUnit report and the API's export. */
export function listEvalRunScores(db: Db, { runId, resultIds }: { runId: string; resultIds: string[] }) {
  if (resultIds.length === 0) return [];
  return db
    .select()
    .from(evalScores)
    .where(and(eq(evalScores.runId, runId), inArray(evalScores.resultId, resultIds)))
    .orderBy(asc(evalScores.scorerKey))
    .all();
}

/** Prompts with at least one version, for the new-run form. */
export function listRunnablePrompts({ workspaceId }: { workspaceId: string }) {
  return getDb()
    .select({ id: prompts.id, name: prompts.name, type: prompts.type })
    .from(prompts)
    .where(and(eq(prompts.workspaceId, workspaceId), isNull(prompts.archivedAt)))
    .orderBy(asc(prompts.name))
    .all();
}

/** Datasets (not archived) with their case counts (and how many carry their own assertions) and default scorers, for the new-run form. */
export function listRunnableDatasets({ workspaceId }: { workspaceId: string }) {
  const db = getDb();
  const rows = db
    .select({ id: datasets.id, name: datasets.name, defaultScorers: datasets.defaultScorers })
    .from(datasets)
    .where(and(eq(datasets.workspaceId, workspaceId), isNull(datasets.archivedAt)))
    .orderBy(asc(datasets.name))
    .all();
  const counts = new Map(
    (
      sqlite(db)
        .prepare("SELECT dataset_id AS id, count(*) AS n, sum(assertions != '[]') AS withAssertions FROM dataset_cases GROUP BY dataset_id")
        .all() as { id: string; n: number; withAssertions: number }[]
    ).map((r) => [r.id, r]),
  );
  return rows.map((row) => ({ ...row, caseCount: counts.get(row.id)?.n ?? 0, casesWithAssertions: counts.get(row.id)?.withAssertions ?? 0 }));
}
