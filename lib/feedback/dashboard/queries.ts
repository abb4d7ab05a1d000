import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db";
import { rawRows } from "@/db/raw";
import { jsonHas, jsonNumber, jsonObject, jsonText, readJson } from "@/db/sql-dialect";
import { generationsWhere, inQueuesOfScheme, ratingsWhere, type FeedbackScope } from "./scope";

// Human feedback aggregates, in SQL. Ratings are read from ratings by (workspace_id, created_at) and reach their
// item by primary key; names (prompts, environments) are joined after grouping, once per group. Every function is
// (scope) => rows so the dashboard benchmark can time them one by one. Days are UTC days: created_at / 86400000.
// The SQL runs on SQLite and Postgres alike: aliases the code reads are double-quoted (Postgres folds bare names to
// lower case), sums count `CASE WHEN … THEN 1 ELSE 0 END` (a comparison is a boolean there, not 0/1), JSON members
// are read through db/sql-dialect.ts, and ascending orders on a column that may be NULL say NULLS FIRST, SQLite's
// default.

export type { FeedbackScope };

/** A chart never needs more groups than this; the cap keeps a pathological workspace from a huge page. */
const MAX_GROUPS = 500;

const RATINGS = sql`ratings r JOIN review_items i ON i.id = r.item_id`;

export interface VersionGroup {
  promptId: string | null;
  promptName: string | null;
  /** null for a playground draft (an item with no saved version). */
  version: number | null;
}

export interface VersionRating extends VersionGroup {
  /** Ratings with a score (every scheme but pairwise). */
  count: number;
  meanScore: number;
  thumbsUp: number;
  thumbsDown: number;
  /** How many ratings gave 1, 2, 3, 4 and 5 on a 1–5 scale. */
  scale1: number;
  scale2: number;
  scale3: number;
  scale4: number;
  scale5: number;
}

/**
 * Per prompt version: the mean 0..1 rating and how many ratings have a score, and the distribution of thumbs and
 * 1–5 ratings read from each rating's value. One pass serves both charts, since each rating's item is read anyway.
 */
export function ratingsByVersion(scope: FeedbackScope): Promise<VersionRating[]> {
  const where = ratingsWhere(scope);
  // One JSON call per rating and column, as before: json_type for thumbs, json_extract for the 1–5 value on SQLite.
  const tally = (condition: SQL) => sql`sum(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;
  const scaleValue = jsonNumber(sql`r.value`, "value");
  const thumbs = sql`${tally(jsonHas(sql`r.value`, "up", true))} AS "thumbsUp", ${tally(jsonHas(sql`r.value`, "up", false))} AS "thumbsDown"`;
  const scale = sql.join(
    [1, 2, 3, 4, 5].map((n) => sql`${tally(sql`${scaleValue} = ${sql.raw(String(n))}`)} AS ${sql.raw(`scale${n}`)}`),
    sql`, `,
  );
  return rawRows<VersionRating>(
    getDb(),
    sql`SELECT g.*, p.name AS "promptName"
       FROM (SELECT i.prompt_id AS "promptId", i.version, count(*) AS count, avg(r.score) AS "meanScore",
               ${thumbs}, ${scale}
             FROM ${RATINGS} WHERE ${where} AND r.score IS NOT NULL GROUP BY i.prompt_id, i.version) g
       LEFT JOIN prompts p ON p.id = g."promptId"
       ORDER BY p.name NULLS FIRST, g.version NULLS FIRST LIMIT ${MAX_GROUPS}`,
  );
}

export interface PromptDay {
  promptId: string | null;
  promptName: string | null;
  dayIndex: number;
}

export interface DayRating extends PromptDay {
  count: number;
  meanScore: number;
}

/** Names of the prompts grouped rows belong to, joined once per group after grouping. */
const withPromptNames = (grouped: SQL, order: SQL) =>
  sql`SELECT g.*, p.name AS "promptName" FROM (${grouped}) g LEFT JOIN prompts p ON p.id = g."promptId" ORDER BY ${order} LIMIT ${MAX_GROUPS}`;

/**
 * Mean 0..1 rating and number of scored ratings per prompt and UTC day. Per prompt, because a line through
 * different prompts' ratings would draw a trend that no prompt has.
 */
export function ratingsByDay(scope: FeedbackScope): Promise<DayRating[]> {
  const where = ratingsWhere(scope);
  return rawRows<DayRating>(
    getDb(),
    withPromptNames(
      sql`SELECT i.prompt_id AS "promptId", r.created_at / 86400000 AS "dayIndex", count(*) AS count, avg(r.score) AS "meanScore"
         FROM ${RATINGS} WHERE ${where} AND r.score IS NOT NULL GROUP BY i.prompt_id, "dayIndex"`,
      sql`g."dayIndex", p.name NULLS FIRST`,
    ),
  );
}

export interface CriterionByVersion extends VersionGroup {
  criterion: string;
  count: number;
  meanScore: number;
}

/** Mean 0..1 score per rubric criterion and prompt version (one rating_scores row per criterion). */
export function rubricCriteriaByVersion(scope: FeedbackScope): Promise<CriterionByVersion[]> {
  const where = ratingsWhere(scope);
  return rawRows<CriterionByVersion>(
    getDb(),
    sql`SELECT g.*, p.name AS "promptName"
       FROM (SELECT i.prompt_id AS "promptId", i.version, s.criterion, count(*) AS count, avg(s.score) AS "meanScore"
             FROM ${RATINGS} JOIN rating_scores s ON s.rating_id = r.id
             WHERE ${where} AND ${inQueuesOfScheme(scope.workspaceId, "rubric")}
             GROUP BY i.prompt_id, i.version, s.criterion) g
       LEFT JOIN prompts p ON p.id = g."promptId"
       ORDER BY p.name NULLS FIRST, g.version NULLS FIRST, g.criterion LIMIT ${MAX_GROUPS}`,
  );
}

export interface CriterionByDay extends PromptDay {
  criterion: string;
  count: number;
  meanScore: number;
}

/** Mean 0..1 score per rubric criterion, prompt and UTC day. */
export function rubricCriteriaByDay(scope: FeedbackScope): Promise<CriterionByDay[]> {
  const where = ratingsWhere(scope);
  return rawRows<CriterionByDay>(
    getDb(),
    withPromptNames(
      sql`SELECT i.prompt_id AS "promptId", r.created_at / 86400000 AS "dayIndex", s.criterion, count(*) AS count, avg(s.score) AS "meanScore"
         FROM ${RATINGS} JOIN rating_scores s ON s.rating_id = r.id
         WHERE ${where} AND ${inQueuesOfScheme(scope.workspaceId, "rubric")}
         GROUP BY i.prompt_id, "dayIndex", s.criterion`,
      sql`g."dayIndex", p.name NULLS FIRST, g.criterion`,
    ),
  );
}

export interface PairwiseResult {
  promptId: string | null;
  promptName: string | null;
  versionA: number | null;
  modelA: string;
  versionB: number | null;
  modelB: string | null;
  aWins: number;
  bWins: number;
  ties: number;
  total: number;
}

/**
 * Wins and ties per pair of versions (and models). A rating's "A" is its item's own version and "B" the pair's;
 * pairs are put in one order (lower version, then model, first) so v2-vs-v3 and v3-vs-v2 queues add up.
 */
export function pairwiseWinRates(scope: FeedbackScope): Promise<PairwiseResult[]> {
  const where = ratingsWhere(scope);
  return rawRows<PairwiseResult>(
    getDb(),
    sql`SELECT g.*, p.name AS "promptName"
       FROM (SELECT "promptId",
               CASE WHEN swapped THEN "pairVersion" ELSE version END AS "versionA", CASE WHEN swapped THEN "pairModel" ELSE model END AS "modelA",
               CASE WHEN swapped THEN version ELSE "pairVersion" END AS "versionB", CASE WHEN swapped THEN model ELSE "pairModel" END AS "modelB",
               sum(CASE WHEN choice = CASE WHEN swapped THEN 'B' ELSE 'A' END THEN 1 ELSE 0 END) AS "aWins",
               sum(CASE WHEN choice = CASE WHEN swapped THEN 'A' ELSE 'B' END THEN 1 ELSE 0 END) AS "bWins",
               sum(CASE WHEN choice = 'tie' THEN 1 ELSE 0 END) AS ties, count(*) AS total
             FROM (SELECT i.prompt_id AS "promptId", i.version, i.model_id AS model, i.pair_version AS "pairVersion", i.pair_model_id AS "pairModel",
                     ${jsonText(sql`r.value`, "choice")} AS choice,
                     coalesce(i.pair_version < i.version OR (i.pair_version = i.version AND i.pair_model_id < i.model_id), false) AS swapped
                   FROM ${RATINGS} WHERE ${where} AND ${inQueuesOfScheme(scope.workspaceId, "pairwise")}) AS rated
             GROUP BY "promptId", "versionA", "modelA", "versionB", "modelB") g
       LEFT JOIN prompts p ON p.id = g."promptId"
       ORDER BY p.name NULLS FIRST, g."versionA" NULLS FIRST, g."versionB" NULLS FIRST LIMIT ${MAX_GROUPS}`,
  );
}

export interface EnvironmentFeedback {
  environmentId: string | null;
  environmentName: string | null;
  generations: number;
  withFeedback: number;
  /** Mean over generations with feedback of each one's mean feedback score, 0..1. */
  meanScore: number | null;
}

/**
 * End-user feedback per environment the generations were served from (null: the application did not say), for
 * environments with generations in scope. Each generation counts once: one reported on twice contributes the mean
 * of its two scores, so an enthusiastic user cannot outweigh the others.
 *
 * Aggregated per environment (a handful per workspace) rather than with GROUP BY: SQLite groups by sorting, and
 * sorting every generation in range cost more than the rest of the query. Each environment is one range of
 * generations_workspace_environment_feedback, which carries each generation's feedback mean (kept by a trigger), so
 * no feedback row is read; the three figures come back as one JSON object per environment because a scalar subquery
 * returns one value.
 */
export async function feedbackByEnvironment(scope: FeedbackScope): Promise<EnvironmentFeedback[]> {
  const where = generationsWhere(scope);
  const figures = jsonObject({ generations: sql`count(*)`, withFeedback: sql`count(g.feedback_score)`, meanScore: sql`avg(g.feedback_score)` });
  const stats = (environment: SQL) => sql`(SELECT ${figures} FROM generations g WHERE ${where} AND ${environment})`;
  const environments = sql`SELECT e.id AS "environmentId", e.name AS "environmentName", e.position, ${stats(sql`g.environment_id = e.id`)} AS stats
    FROM environments e WHERE e.workspace_id = ${scope.workspaceId}${scope.environment ? sql` AND e.id = ${scope.environment}` : sql.empty()}`;
  const unlabelled = sql`SELECT NULL, NULL, NULL, ${stats(sql`g.environment_id IS NULL`)}`;
  const rows = await rawRows<{ environmentId: string | null; environmentName: string | null; stats: unknown }>(
    getDb(),
    sql`SELECT * FROM (${environments}${scope.environment ? sql.empty() : sql` UNION ALL ${unlabelled}`}) AS feedback
        ORDER BY "environmentId" IS NULL, position, "environmentName"`,
  );
  return rows
    .map(({ environmentId, environmentName, stats }) => ({ environmentId, environmentName, ...readJson<Pick<EnvironmentFeedback, "generations" | "withFeedback" | "meanScore">>(stats) }))
    .filter((row) => row.generations > 0);
}

export interface DayAgreement extends PromptDay {
  /** Ratings compared with a judge that day. */
  count: number;
  /** Share where the human's pass (score >= 0.5) equals the judge's verdict. */
  agreement: number;
  /** Mean |human score − judge score|. */
  meanAbsDiff: number;
}

/**
 * Human vs LLM judge per UTC day, for scored ratings of items copied from eval results that an `llm-rubric` scorer
 * judged. Which scores are a judge's, and the verdict of several, was settled when the item was added and copied onto
 * it (review_items.judge_score and judge_pass: db/migrations 0013, the eval_result_facts view). A rating agrees when
 * its pass (score >= 0.5) is the judges'.
 */
export function judgeAgreementByDay(scope: FeedbackScope): Promise<DayAgreement[]> {
  const where = ratingsWhere(scope);
  return rawRows<DayAgreement>(
    getDb(),
    withPromptNames(
      sql`SELECT i.prompt_id AS "promptId", r.created_at / 86400000 AS "dayIndex", count(*) AS count,
           avg(CASE WHEN (r.score >= 0.5) = i.judge_pass THEN 1.0 ELSE 0.0 END) AS agreement, avg(abs(r.score - i.judge_score)) AS "meanAbsDiff"
         FROM ${RATINGS} WHERE ${where} AND r.score IS NOT NULL AND i.judge_score IS NOT NULL
         GROUP BY i.prompt_id, "dayIndex"`,
      sql`g."dayIndex", p.name NULLS FIRST`,
    ),
  );
}

/**
 * Prompts and models that have ratings or generations, to add to the dashboard's filter menus (which otherwise
 * list only what evaluations used). Both are read per prompt / per distinct value by index seeks, never by
 * reading every generation.
 */
export async function feedbackFilterOptions(workspaceId: string): Promise<{ prompts: { id: string; name: string }[]; models: string[] }> {
  const db = getDb();
  const [prompts, models] = await Promise.all([
    rawRows<{ id: string; name: string }>(
      db,
      sql`SELECT p.id, p.name FROM prompts p
       WHERE p.workspace_id = ${workspaceId}
         AND (EXISTS (SELECT 1 FROM generations g WHERE g.prompt_id = p.id)
           OR EXISTS (SELECT 1 FROM review_items i JOIN review_queues q ON q.id = i.queue_id WHERE i.prompt_id = p.id AND q.workspace_id = ${workspaceId}))
       ORDER BY p.name`,
    ),
    // A loose index scan: each step seeks the next model id greater than the last, so the cost is one seek per
    // distinct model, not one row per generation (SQLite has no skip-scan without ANALYZE statistics).
    rawRows<{ model: string }>(
      db,
      sql`WITH RECURSIVE
         gen(model) AS (
           SELECT (SELECT min(model_id) FROM generations WHERE workspace_id = ${workspaceId})
           UNION ALL SELECT (SELECT min(model_id) FROM generations WHERE workspace_id = ${workspaceId} AND model_id > gen.model) FROM gen WHERE gen.model IS NOT NULL
         ),
         item(queueId, model) AS (
           SELECT q.id, (SELECT min(model_id) FROM review_items WHERE queue_id = q.id) FROM review_queues q WHERE q.workspace_id = ${workspaceId}
           UNION ALL SELECT queueId, (SELECT min(model_id) FROM review_items WHERE queue_id = item.queueId AND model_id > item.model) FROM item WHERE item.model IS NOT NULL
         )
       SELECT model FROM gen WHERE model IS NOT NULL AND model != ''
       UNION SELECT model FROM item WHERE model IS NOT NULL AND model != ''
       ORDER BY 1`,
    ),
  ]);
  return { prompts, models: models.map((m) => m.model) };
}
