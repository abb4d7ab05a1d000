import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { rawRows } from "@/db/raw";
import { rangeStartDay, type FeedbackScope } from "./scope";
import type { CriterionByDay, CriterionByVersion, DayAgreement, DayRating, EnvironmentFeedback, PairwiseResult, VersionRating } from "./queries";

// The feedback dashboard's aggregates read from the rollups (db/schema/rollups.ts), one row per bucket, so their cost
// grows with the buckets in range and not with the ratings and generations behind them. Each returns exactly what
// its raw twin in queries.ts does (the property tests compare the two); only the dashboard filters apply (the rated
// items below a chart read raw rows). A key the rollups store as '' or -1 (absent) comes back as NULL.

const MAX_GROUPS = 500;

/** The buckets of ratings in scope: workspace, whole UTC days of the range, and the item filters. */
function bucketsWhere(scope: FeedbackScope, alias: string, dimensions: ("prompt" | "environment" | "model" | "dataset")[]): SQL {
  const column = (name: string) => sql.raw(`${alias}.${name}`);
  const clauses = [sql`${column("workspace_id")} = ${scope.workspaceId}`];
  const since = rangeStartDay(scope);
  if (since !== null) clauses.push(sql`${column("day")} >= ${since}`);
  if (scope.prompt && dimensions.includes("prompt")) clauses.push(sql`${column("prompt_id")} = ${scope.prompt}`);
  if (scope.environment && dimensions.includes("environment")) clauses.push(sql`${column("environment_id")} = ${scope.environment}`);
  if (scope.model && dimensions.includes("model")) clauses.push(sql`${column("model_id")} = ${scope.model}`);
  if (scope.dataset && dimensions.includes("dataset")) clauses.push(sql`${column("dataset_id")} = ${scope.dataset}`);
  return sql.join(clauses, sql` AND `);
}

const ratingBuckets = (scope: FeedbackScope) => bucketsWhere(scope, "ru", ["prompt", "environment", "model", "dataset"]);
const PROMPT = sql`NULLIF(ru.prompt_id, '')`;
const VERSION = sql`NULLIF(ru.version, -1)`;

/** Names of the prompts grouped rows belong to, joined once per group after grouping. */
const withPromptNames = (grouped: SQL, order: SQL) =>
  sql`SELECT g.*, p.name AS "promptName" FROM (${grouped}) g LEFT JOIN prompts p ON p.id = g."promptId" ORDER BY ${order} LIMIT ${MAX_GROUPS}`;

export function ratingsByVersion(scope: FeedbackScope): Promise<VersionRating[]> {
  const counts = sql`sum(ru.thumbs_up) AS "thumbsUp", sum(ru.thumbs_down) AS "thumbsDown", sum(ru.scale_1) AS scale1, sum(ru.scale_2) AS scale2,
    sum(ru.scale_3) AS scale3, sum(ru.scale_4) AS scale4, sum(ru.scale_5) AS scale5`;
  return rawRows<VersionRating>(
    getDb(),
    withPromptNames(
      sql`SELECT ${PROMPT} AS "promptId", ${VERSION} AS version, sum(ru.scored) AS count, sum(ru.score_sum) / sum(ru.scored) AS "meanScore", ${counts}
         FROM rating_rollups ru WHERE ${ratingBuckets(scope)} GROUP BY ru.prompt_id, ru.version HAVING sum(ru.scored) > 0`,
      sql`p.name NULLS FIRST, g.version NULLS FIRST`,
    ),
  );
}

export function ratingsByDay(scope: FeedbackScope): Promise<DayRating[]> {
  return rawRows<DayRating>(
    getDb(),
    withPromptNames(
      sql`SELECT ${PROMPT} AS "promptId", ru.day AS "dayIndex", sum(ru.scored) AS count, sum(ru.score_sum) / sum(ru.scored) AS "meanScore"
         FROM rating_rollups ru WHERE ${ratingBuckets(scope)} GROUP BY ru.prompt_id, ru.day HAVING sum(ru.scored) > 0`,
      sql`g."dayIndex", p.name NULLS FIRST`,
    ),
  );
}

/** Criterion buckets of rubric ratings (rating_scores also holds the one score of a thumbs or 1–5 rating). */
const rubricBuckets = (scope: FeedbackScope) => sql`${bucketsWhere(scope, "r", ["prompt", "environment", "model", "dataset"])} AND r.scheme = 'rubric'`;

export function rubricCriteriaByVersion(scope: FeedbackScope): Promise<CriterionByVersion[]> {
  return rawRows<CriterionByVersion>(
    getDb(),
    withPromptNames(
      sql`SELECT NULLIF(r.prompt_id, '') AS "promptId", NULLIF(r.version, -1) AS version, r.criterion, sum(r.scores) AS count, sum(r.score_sum) / sum(r.scores) AS "meanScore"
         FROM rating_criterion_rollups r WHERE ${rubricBuckets(scope)} GROUP BY r.prompt_id, r.version, r.criterion HAVING sum(r.scores) > 0`,
      sql`p.name NULLS FIRST, g.version NULLS FIRST, g.criterion`,
    ),
  );
}

export function rubricCriteriaByDay(scope: FeedbackScope): Promise<CriterionByDay[]> {
  return rawRows<CriterionByDay>(
    getDb(),
    withPromptNames(
      sql`SELECT NULLIF(r.prompt_id, '') AS "promptId", r.day AS "dayIndex", r.criterion, sum(r.scores) AS count, sum(r.score_sum) / sum(r.scores) AS "meanScore"
         FROM rating_criterion_rollups r WHERE ${rubricBuckets(scope)} GROUP BY r.prompt_id, r.day, r.criterion HAVING sum(r.scores) > 0`,
      sql`g."dayIndex", p.name NULLS FIRST, g.criterion`,
    ),
  );
}

/**
 * Wins and ties per pair of versions (and models), in one order (lower version, then model, first) as the raw query
 * puts them. A pairwise item always has a pair model, so pair_model_id is read as stored.
 */
export function pairwiseWinRates(scope: FeedbackScope): Promise<PairwiseResult[]> {
  return rawRows<PairwiseResult>(
    getDb(),
    withPromptNames(
      sql`SELECT "promptId",
           CASE WHEN swapped THEN "pairVersion" ELSE version END AS "versionA", CASE WHEN swapped THEN "pairModel" ELSE model END AS "modelA",
           CASE WHEN swapped THEN version ELSE "pairVersion" END AS "versionB", CASE WHEN swapped THEN model ELSE "pairModel" END AS "modelB",
           sum(CASE WHEN swapped THEN "choiceB" ELSE "choiceA" END) AS "aWins", sum(CASE WHEN swapped THEN "choiceA" ELSE "choiceB" END) AS "bWins",
           sum(ties) AS ties, sum(ratings) AS total
         FROM (SELECT NULLIF(r.prompt_id, '') AS "promptId", NULLIF(r.version, -1) AS version, r.model_id AS model, NULLIF(r.pair_version, -1) AS "pairVersion",
                 r.pair_model_id AS "pairModel", r.choice_a AS "choiceA", r.choice_b AS "choiceB", r.ties, r.ratings,
                 coalesce(NULLIF(r.pair_version, -1) < NULLIF(r.version, -1) OR (NULLIF(r.pair_version, -1) = NULLIF(r.version, -1) AND r.pair_model_id < r.model_id), false) AS swapped
               FROM rating_rollups r WHERE ${bucketsWhere(scope, "r", ["prompt", "environment", "model", "dataset"])} AND r.scheme = 'pairwise') AS rated
         GROUP BY "promptId", "versionA", "modelA", "versionB", "modelB" HAVING sum(ratings) > 0`,
      sql`p.name NULLS FIRST, g."versionA" NULLS FIRST, g."versionB" NULLS FIRST`,
    ),
  );
}

/** Generations and their end-user feedback per environment (NULL: unlabelled), for environments with generations. */
export function feedbackByEnvironment(scope: FeedbackScope): Promise<EnvironmentFeedback[]> {
  const environment = scope.environment ? sql` AND gr.environment_id = ${scope.environment}` : sql``;
  return rawRows<EnvironmentFeedback>(
    getDb(),
    sql`SELECT g."environmentId", e.name AS "environmentName", g.generations, g."withFeedback", g."meanScore"
       FROM (SELECT NULLIF(gr.environment_id, '') AS "environmentId", sum(gr.generations) AS generations, sum(gr.with_feedback) AS "withFeedback",
               CASE WHEN sum(gr.with_feedback) > 0 THEN sum(gr.feedback_sum) / sum(gr.with_feedback) END AS "meanScore"
             FROM generation_rollups gr WHERE ${bucketsWhere(scope, "gr", ["prompt", "model"])}${environment}
             GROUP BY gr.environment_id HAVING sum(gr.generations) > 0) g
       LEFT JOIN environments e ON e.id = g."environmentId"
       ORDER BY g."environmentId" IS NULL, e.position, e.name`,
  );
}

/** Human vs LLM judge per prompt and UTC day: scored ratings of judged items, how many agreed, mean |difference|. */
export function judgeAgreementByDay(scope: FeedbackScope): Promise<DayAgreement[]> {
  return rawRows<DayAgreement>(
    getDb(),
    withPromptNames(
      sql`SELECT ${PROMPT} AS "promptId", ru.day AS "dayIndex", sum(ru.judged) AS count, sum(ru.judge_agreed) * 1.0 / sum(ru.judged) AS agreement,
           sum(ru.judge_diff_sum) / sum(ru.judged) AS "meanAbsDiff"
         FROM rating_rollups ru WHERE ${ratingBuckets(scope)} GROUP BY ru.prompt_id, ru.day HAVING sum(ru.judged) > 0`,
      sql`g."dayIndex", p.name NULLS FIRST`,
    ),
  );
}
