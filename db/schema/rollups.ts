import { integer, real, sqliteTable, text, uniqueIndex } from "./dialect";

// Rollups (issue 17): what the dashboards chart, summed per bucket, so a chart's cost grows with its series and not
// with the rows behind it. Every figure is a count or a sum (and a sum of squares for spreads), so buckets merge by
// addition and a changed or deleted row is taken back out by subtraction.
//
// Only the database writes these tables: triggers on the summarised tables (db/migrations 0013,
// db/migrations-pg 0003) change a rollup row in the same statement as the row it summarises, and
// lib/platform/rollups backfills what existed before the triggers, in batches behind a cursor (rollup_backfills).
//
// Keys never hold NULL: a unique index treats NULLs as distinct on SQLite, so an upsert would add a row per NULL
// instead of adding to one. An absent text key is '' and an absent version is -1 (versions start at 1); readers
// turn them back with NULLIF. Days are UTC days, created_at / 86400000, of when the row was first created.

/** The keys ratings are summed by, shared by both rating rollups. */
const ratingBucket = () => ({
  workspaceId: text("workspace_id").notNull(),
  day: integer("day").notNull(),
  scheme: text("scheme").notNull(),
  promptId: text("prompt_id").notNull(),
  version: integer("version").notNull(),
  environmentId: text("environment_id").notNull(),
  modelId: text("model_id").notNull(),
  datasetId: text("dataset_id").notNull(),
});

/**
 * Human ratings per rating scheme, rated item's prompt version, environment, model, dataset, pair and day. The scheme
 * (thumbs, scale, rubric, pairwise) is the rating value's type, which is always its queue's: the charts split by
 * scheme, never by queue, so queues of one scheme share their buckets.
 */
const ratingRollupColumns = () => ({
  ...ratingBucket(),
  pairVersion: integer("pair_version").notNull(),
  pairModelId: text("pair_model_id").notNull(),
  /** Every rating, pairwise ones included. */
  ratings: integer("ratings").notNull().default(0),
  /** Ratings with a 0..1 score (every scheme but pairwise), and the sums of their scores and squares. */
  scored: integer("scored").notNull().default(0),
  scoreSum: real("score_sum").notNull().default(0),
  scoreSumsq: real("score_sumsq").notNull().default(0),
  thumbsUp: integer("thumbs_up").notNull().default(0),
  thumbsDown: integer("thumbs_down").notNull().default(0),
  scale1: integer("scale_1").notNull().default(0),
  scale2: integer("scale_2").notNull().default(0),
  scale3: integer("scale_3").notNull().default(0),
  scale4: integer("scale_4").notNull().default(0),
  scale5: integer("scale_5").notNull().default(0),
  /** Pairwise choices, as given: "A" is the item's own version, "B" its pair's. */
  choiceA: integer("choice_a").notNull().default(0),
  choiceB: integer("choice_b").notNull().default(0),
  ties: integer("ties").notNull().default(0),
  /** Scored ratings of items an LLM judge also scored; how many agreed on pass/fail; the sum of |human − judge|. */
  judged: integer("judged").notNull().default(0),
  judgeAgreed: integer("judge_agreed").notNull().default(0),
  judgeDiffSum: real("judge_diff_sum").notNull().default(0),
});

export const ratingRollups = sqliteTable("rating_rollups", ratingRollupColumns(), (t) => [
  uniqueIndex("rating_rollups_key").on(t.workspaceId, t.day, t.scheme, t.promptId, t.version, t.environmentId, t.modelId, t.datasetId, t.pairVersion, t.pairModelId),
]);

/** Per-criterion scores (rating_scores) with the same keys as rating_rollups, less the pair, plus the criterion. */
const ratingCriterionRollupColumns = () => ({
  ...ratingBucket(),
  criterion: text("criterion").notNull(),
  scores: integer("scores").notNull().default(0),
  scoreSum: real("score_sum").notNull().default(0),
  scoreSumsq: real("score_sumsq").notNull().default(0),
});

export const ratingCriterionRollups = sqliteTable("rating_criterion_rollups", ratingCriterionRollupColumns(), (t) => [
  uniqueIndex("rating_criterion_rollups_key").on(t.workspaceId, t.day, t.scheme, t.promptId, t.version, t.environmentId, t.modelId, t.datasetId, t.criterion),
]);

/** Production generations and their end-user feedback per environment, prompt version, model and day. */
const generationRollupColumns = () => ({
  workspaceId: text("workspace_id").notNull(),
  day: integer("day").notNull(),
  environmentId: text("environment_id").notNull(),
  promptId: text("prompt_id").notNull(),
  version: integer("version").notNull(),
  modelId: text("model_id").notNull(),
  generations: integer("generations").notNull().default(0),
  /** Generations with feedback, and the sums of their feedback means (generations.feedback_score) and squares. */
  withFeedback: integer("with_feedback").notNull().default(0),
  feedbackSum: real("feedback_sum").notNull().default(0),
  feedbackSumsq: real("feedback_sumsq").notNull().default(0),
  /** Sums over the generations that reported each figure, and how many did. */
  costSum: real("cost_sum").notNull().default(0),
  costCount: integer("cost_count").notNull().default(0),
  latencySum: real("latency_sum").notNull().default(0),
  latencyCount: integer("latency_count").notNull().default(0),
  inputTokens: real("input_tokens").notNull().default(0),
  outputTokens: real("output_tokens").notNull().default(0),
});

export const generationRollups = sqliteTable("generation_rollups", generationRollupColumns(), (t) => [uniqueIndex("generation_rollups_key").on(t.workspaceId, t.day, t.environmentId, t.promptId, t.version, t.modelId)]);

/** An eval run target's results: what a trend point and a served version's quality show. */
const evalTargetRollupColumns = () => ({
  results: integer("results").notNull().default(0),
  /** Results with a verdict (not "unscored"), and how many passed: the pass rate is passed / scored. */
  scored: integer("scored").notNull().default(0),
  passed: integer("passed").notNull().default(0),
  scoreCount: integer("score_count").notNull().default(0),
  scoreSum: real("score_sum").notNull().default(0),
  scoreSumsq: real("score_sumsq").notNull().default(0),
  costSum: real("cost_sum").notNull().default(0),
  costCount: integer("cost_count").notNull().default(0),
  latencySum: real("latency_sum").notNull().default(0),
  latencyCount: integer("latency_count").notNull().default(0),
});

export const evalTargetRollups = sqliteTable("eval_target_rollups", { targetId: text("target_id").primaryKey(), ...evalTargetRollupColumns() });

/** Each scorer's verdicts on a run target's results. */
const evalScorerRollupColumns = () => ({
  targetId: text("target_id").notNull(),
  scorerKey: text("scorer_key").notNull(),
  scores: integer("scores").notNull().default(0),
  passed: integer("passed").notNull().default(0),
  scoreCount: integer("score_count").notNull().default(0),
  scoreSum: real("score_sum").notNull().default(0),
  scoreSumsq: real("score_sumsq").notNull().default(0),
});

export const evalScorerRollups = sqliteTable("eval_scorer_rollups", evalScorerRollupColumns(), (t) => [uniqueIndex("eval_scorer_rollups_key").on(t.targetId, t.scorerKey)]);

/**
 * What Postgres's triggers add, waiting to be folded into the rollups (db/migrations-pg 0004). A trigger that
 * updated the rollup row itself would make every two transactions that write rows of one bucket (a run's results,
 * a day's generations of one prompt) update the same row, and SERIALIZABLE refuses all but the first of them: under
 * load, about half the transactions were run again. Appending conflicts with nothing. studio_fold_rollups() moves the
 * deltas into the rollups in one statement per table; the server runs it every second, and before every dashboard
 * load, so a dashboard reads everything committed before it started. The verifier reads rollups and deltas together.
 *
 * SQLite has one writer at a time, so its triggers update the rollups directly and these tables stay empty; they
 * exist on both engines so that both have the same tables (db:copy compares them). No key, no index: a fold takes
 * every row.
 */
export const ratingRollupDeltas = sqliteTable("rating_rollup_deltas", ratingRollupColumns());
export const ratingCriterionRollupDeltas = sqliteTable("rating_criterion_rollup_deltas", ratingCriterionRollupColumns());
export const generationRollupDeltas = sqliteTable("generation_rollup_deltas", generationRollupColumns());
export const evalTargetRollupDeltas = sqliteTable("eval_target_rollup_deltas", { targetId: text("target_id").notNull(), ...evalTargetRollupColumns() });
export const evalScorerRollupDeltas = sqliteTable("eval_scorer_rollup_deltas", evalScorerRollupColumns());

/**
 * How far the backfill of each summarised table has come. Rows up to `cursor` (in key order) are in the rollups;
 * triggers keep those exact and leave later rows to the backfill, which reaches them in turn. `done` once every
 * row is in: from then on the triggers alone keep the rollups, and the dashboards read them.
 */
export const rollupBackfills = sqliteTable("rollup_backfills", {
  source: text("source").primaryKey(),
  cursor: text("cursor"),
  done: integer("done", { mode: "boolean" }).notNull().default(false),
});
