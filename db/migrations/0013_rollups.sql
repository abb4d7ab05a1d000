CREATE TABLE `eval_scorer_rollups` (
	`target_id` text NOT NULL,
	`scorer_key` text NOT NULL,
	`scores` integer DEFAULT 0 NOT NULL,
	`passed` integer DEFAULT 0 NOT NULL,
	`score_count` integer DEFAULT 0 NOT NULL,
	`score_sum` real DEFAULT 0 NOT NULL,
	`score_sumsq` real DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `eval_scorer_rollups_key` ON `eval_scorer_rollups` (`target_id`,`scorer_key`);--> statement-breakpoint
CREATE TABLE `eval_target_rollups` (
	`target_id` text PRIMARY KEY NOT NULL,
	`results` integer DEFAULT 0 NOT NULL,
	`scored` integer DEFAULT 0 NOT NULL,
	`passed` integer DEFAULT 0 NOT NULL,
	`score_count` integer DEFAULT 0 NOT NULL,
	`score_sum` real DEFAULT 0 NOT NULL,
	`score_sumsq` real DEFAULT 0 NOT NULL,
	`cost_sum` real DEFAULT 0 NOT NULL,
	`cost_count` integer DEFAULT 0 NOT NULL,
	`latency_sum` real DEFAULT 0 NOT NULL,
	`latency_count` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `generation_rollups` (
	`workspace_id` text NOT NULL,
	`day` integer NOT NULL,
	`environment_id` text NOT NULL,
	`prompt_id` text NOT NULL,
	`version` integer NOT NULL,
	`model_id` text NOT NULL,
	`generations` integer DEFAULT 0 NOT NULL,
	`with_feedback` integer DEFAULT 0 NOT NULL,
	`feedback_sum` real DEFAULT 0 NOT NULL,
	`feedback_sumsq` real DEFAULT 0 NOT NULL,
	`cost_sum` real DEFAULT 0 NOT NULL,
	`cost_count` integer DEFAULT 0 NOT NULL,
	`latency_sum` real DEFAULT 0 NOT NULL,
	`latency_count` integer DEFAULT 0 NOT NULL,
	`input_tokens` real DEFAULT 0 NOT NULL,
	`output_tokens` real DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `generation_rollups_key` ON `generation_rollups` (`workspace_id`,`day`,`environment_id`,`prompt_id`,`version`,`model_id`);--> statement-breakpoint
CREATE TABLE `rating_criterion_rollups` (
	`workspace_id` text NOT NULL,
	`day` integer NOT NULL,
	`scheme` text NOT NULL,
	`prompt_id` text NOT NULL,
	`version` integer NOT NULL,
	`environment_id` text NOT NULL,
	`model_id` text NOT NULL,
	`dataset_id` text NOT NULL,
	`criterion` text NOT NULL,
	`scores` integer DEFAULT 0 NOT NULL,
	`score_sum` real DEFAULT 0 NOT NULL,
	`score_sumsq` real DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rating_criterion_rollups_key` ON `rating_criterion_rollups` (`workspace_id`,`day`,`scheme`,`prompt_id`,`version`,`environment_id`,`model_id`,`dataset_id`,`criterion`);--> statement-breakpoint
CREATE TABLE `rating_rollups` (
	`workspace_id` text NOT NULL,
	`day` integer NOT NULL,
	`scheme` text NOT NULL,
	`prompt_id` text NOT NULL,
	`version` integer NOT NULL,
	`environment_id` text NOT NULL,
	`model_id` text NOT NULL,
	`dataset_id` text NOT NULL,
	`pair_version` integer NOT NULL,
	`pair_model_id` text NOT NULL,
	`ratings` integer DEFAULT 0 NOT NULL,
	`scored` integer DEFAULT 0 NOT NULL,
	`score_sum` real DEFAULT 0 NOT NULL,
	`score_sumsq` real DEFAULT 0 NOT NULL,
	`thumbs_up` integer DEFAULT 0 NOT NULL,
	`thumbs_down` integer DEFAULT 0 NOT NULL,
	`scale_1` integer DEFAULT 0 NOT NULL,
	`scale_2` integer DEFAULT 0 NOT NULL,
	`scale_3` integer DEFAULT 0 NOT NULL,
	`scale_4` integer DEFAULT 0 NOT NULL,
	`scale_5` integer DEFAULT 0 NOT NULL,
	`choice_a` integer DEFAULT 0 NOT NULL,
	`choice_b` integer DEFAULT 0 NOT NULL,
	`ties` integer DEFAULT 0 NOT NULL,
	`judged` integer DEFAULT 0 NOT NULL,
	`judge_agreed` integer DEFAULT 0 NOT NULL,
	`judge_diff_sum` real DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rating_rollups_key` ON `rating_rollups` (`workspace_id`,`day`,`scheme`,`prompt_id`,`version`,`environment_id`,`model_id`,`dataset_id`,`pair_version`,`pair_model_id`);--> statement-breakpoint
CREATE TABLE `rollup_backfills` (
	`source` text PRIMARY KEY NOT NULL,
	`cursor` text,
	`done` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE `review_items` ADD `dataset_id` text;--> statement-breakpoint
ALTER TABLE `review_items` ADD `judge_score` real;--> statement-breakpoint
ALTER TABLE `review_items` ADD `judge_pass` integer;--> statement-breakpoint
-- Issue 17: rollups. The tables above hold what the dashboards chart, summed per bucket (db/schema/rollups.ts).
-- Each summarised table has a view of what one of its rows adds to its rollup (the `*_rollup_rows` views: keys and
-- figures), and triggers that add a row's figures as it is inserted and take them out, from the view, before it is
-- updated or deleted. The backfill (db/rollups) and `npm run db:rollups -- --verify` read the same views, so the
-- definition of every figure is written once per dialect.
--
-- What an eval result's review item needs for the dashboards is copied onto it when it is added: the run's dataset,
-- and the LLM judges' verdict (db/schema/review.ts). A judge is an `llm-rubric` scorer: a run scorer of that type, or,
-- for a score whose key is none of its run's scorers, a case's own llm-rubric assertion (the runner suffixes its key
-- with "-case" when a run scorer already uses it). Several judges count once: their mean score, and a pass only if
-- every one passed. Errors and missing scores are left out.
CREATE VIEW eval_result_facts AS
SELECT x.id AS result_id,
       run.dataset_id AS dataset_id,
       avg(s.score) AS judge_score,
       min(CASE WHEN s.passed THEN 1 ELSE 0 END) AS judge_pass
FROM eval_results x
JOIN eval_runs run ON run.id = x.run_id
JOIN eval_run_cases c ON c.id = x.run_case_id
LEFT JOIN eval_scores s ON s.result_id = x.id AND NOT s.error AND s.score IS NOT NULL AND (
  EXISTS (SELECT 1 FROM json_each(run.scorers) j WHERE json_extract(j.value, '$.key') = s.scorer_key AND json_extract(j.value, '$.type') = 'llm-rubric')
  OR (NOT EXISTS (SELECT 1 FROM json_each(run.scorers) j WHERE json_extract(j.value, '$.key') = s.scorer_key)
      AND EXISTS (SELECT 1 FROM json_each(c.assertions) a WHERE json_extract(a.value, '$.type') = 'llm-rubric'
                    AND s.scorer_key IN (json_extract(a.value, '$.key'), json_extract(a.value, '$.key') || '-case'))))
GROUP BY x.id, run.dataset_id;
--> statement-breakpoint
CREATE TRIGGER review_items_eval_result_facts AFTER INSERT ON review_items
WHEN NEW.source_type = 'eval-result'
BEGIN
  UPDATE review_items SET (dataset_id, judge_score, judge_pass) = (SELECT dataset_id, judge_score, judge_pass FROM eval_result_facts WHERE result_id = NEW.source_id)
   WHERE id = NEW.id;
END;
--> statement-breakpoint
UPDATE review_items SET (dataset_id, judge_score, judge_pass) = (SELECT dataset_id, judge_score, judge_pass FROM eval_result_facts WHERE result_id = review_items.source_id)
 WHERE source_type = 'eval-result';
--> statement-breakpoint
-- Rows that exist now are added by the backfill, in batches behind a cursor; an empty table needs none.
INSERT INTO rollup_backfills (source, cursor, done) VALUES
  ('ratings', NULL, NOT EXISTS (SELECT 1 FROM ratings)),
  ('generations', NULL, NOT EXISTS (SELECT 1 FROM generations)),
  ('eval_results', NULL, NOT EXISTS (SELECT 1 FROM eval_results));
--> statement-breakpoint
CREATE VIEW rating_rollup_rows AS
SELECT r.id AS rating_id,
       r.workspace_id AS workspace_id,
       r.created_at / 86400000 AS day,
       coalesce(json_extract(r.value, '$.type'), '') AS scheme,
       coalesce(i.prompt_id, '') AS prompt_id,
       coalesce(i.version, -1) AS version,
       coalesce(i.environment_id, '') AS environment_id,
       i.model_id AS model_id,
       coalesce(i.dataset_id, '') AS dataset_id,
       coalesce(i.pair_version, -1) AS pair_version,
       coalesce(i.pair_model_id, '') AS pair_model_id,
       1 AS ratings,
       CASE WHEN r.score IS NOT NULL THEN 1 ELSE 0 END AS scored,
       coalesce(r.score, 0) AS score_sum,
       coalesce(r.score * r.score, 0) AS score_sumsq,
       CASE WHEN r.score IS NOT NULL AND json_type(r.value, '$.up') = 'true' THEN 1 ELSE 0 END AS thumbs_up,
       CASE WHEN r.score IS NOT NULL AND json_type(r.value, '$.up') = 'false' THEN 1 ELSE 0 END AS thumbs_down,
       CASE WHEN r.score IS NOT NULL AND json_extract(r.value, '$.value') = 1 THEN 1 ELSE 0 END AS scale_1,
       CASE WHEN r.score IS NOT NULL AND json_extract(r.value, '$.value') = 2 THEN 1 ELSE 0 END AS scale_2,
       CASE WHEN r.score IS NOT NULL AND json_extract(r.value, '$.value') = 3 THEN 1 ELSE 0 END AS scale_3,
       CASE WHEN r.score IS NOT NULL AND json_extract(r.value, '$.value') = 4 THEN 1 ELSE 0 END AS scale_4,
       CASE WHEN r.score IS NOT NULL AND json_extract(r.value, '$.value') = 5 THEN 1 ELSE 0 END AS scale_5,
       CASE WHEN json_extract(r.value, '$.choice') = 'A' THEN 1 ELSE 0 END AS choice_a,
       CASE WHEN json_extract(r.value, '$.choice') = 'B' THEN 1 ELSE 0 END AS choice_b,
       CASE WHEN json_extract(r.value, '$.choice') = 'tie' THEN 1 ELSE 0 END AS ties,
       CASE WHEN r.score IS NOT NULL AND i.judge_score IS NOT NULL THEN 1 ELSE 0 END AS judged,
       CASE WHEN r.score IS NOT NULL AND i.judge_score IS NOT NULL AND (r.score >= 0.5) = i.judge_pass THEN 1 ELSE 0 END AS judge_agreed,
       CASE WHEN r.score IS NOT NULL AND i.judge_score IS NOT NULL THEN abs(r.score - i.judge_score) ELSE 0 END AS judge_diff_sum
FROM ratings r JOIN review_items i ON i.id = r.item_id;
--> statement-breakpoint
CREATE VIEW rating_criterion_rollup_rows AS
SELECT s.rating_id AS rating_id,
       r.workspace_id AS workspace_id,
       r.created_at / 86400000 AS day,
       coalesce(json_extract(r.value, '$.type'), '') AS scheme,
       coalesce(i.prompt_id, '') AS prompt_id,
       coalesce(i.version, -1) AS version,
       coalesce(i.environment_id, '') AS environment_id,
       i.model_id AS model_id,
       coalesce(i.dataset_id, '') AS dataset_id,
       s.criterion AS criterion,
       1 AS scores,
       s.score AS score_sum,
       s.score * s.score AS score_sumsq
FROM rating_scores s JOIN ratings r ON r.id = s.rating_id JOIN review_items i ON i.id = r.item_id;
--> statement-breakpoint
CREATE VIEW generation_rollup_rows AS
SELECT g.id AS generation_id,
       g.workspace_id AS workspace_id,
       g.created_at / 86400000 AS day,
       coalesce(g.environment_id, '') AS environment_id,
       g.prompt_id AS prompt_id,
       g.version AS version,
       g.model_id AS model_id,
       1 AS generations,
       CASE WHEN g.feedback_score IS NOT NULL THEN 1 ELSE 0 END AS with_feedback,
       coalesce(g.feedback_score, 0) AS feedback_sum,
       coalesce(g.feedback_score * g.feedback_score, 0) AS feedback_sumsq,
       coalesce(g.cost_usd, 0) AS cost_sum,
       CASE WHEN g.cost_usd IS NOT NULL THEN 1 ELSE 0 END AS cost_count,
       coalesce(g.latency_ms, 0) AS latency_sum,
       CASE WHEN g.latency_ms IS NOT NULL THEN 1 ELSE 0 END AS latency_count,
       coalesce(g.input_tokens, 0) AS input_tokens,
       coalesce(g.output_tokens, 0) AS output_tokens
FROM generations g;
--> statement-breakpoint
CREATE VIEW eval_target_rollup_rows AS
SELECT x.id AS result_id,
       x.target_id AS target_id,
       1 AS results,
       CASE WHEN x.status <> 'unscored' THEN 1 ELSE 0 END AS scored,
       CASE WHEN x.status = 'passed' THEN 1 ELSE 0 END AS passed,
       CASE WHEN x.score IS NOT NULL THEN 1 ELSE 0 END AS score_count,
       coalesce(x.score, 0) AS score_sum,
       coalesce(x.score * x.score, 0) AS score_sumsq,
       coalesce(x.cost_usd, 0) AS cost_sum,
       CASE WHEN x.cost_usd IS NOT NULL THEN 1 ELSE 0 END AS cost_count,
       coalesce(x.latency_ms, 0) AS latency_sum,
       CASE WHEN x.latency_ms IS NOT NULL THEN 1 ELSE 0 END AS latency_count
FROM eval_results x;
--> statement-breakpoint
CREATE VIEW eval_scorer_rollup_rows AS
SELECT s.result_id AS result_id,
       s.target_id AS target_id,
       s.scorer_key AS scorer_key,
       1 AS scores,
       CASE WHEN s.passed THEN 1 ELSE 0 END AS passed,
       CASE WHEN s.score IS NOT NULL THEN 1 ELSE 0 END AS score_count,
       coalesce(s.score, 0) AS score_sum,
       coalesce(s.score * s.score, 0) AS score_sumsq
FROM eval_scores s;

--> statement-breakpoint
CREATE TRIGGER ratings_rollup_insert AFTER INSERT ON ratings
WHEN ((SELECT done FROM rollup_backfills WHERE source = 'ratings') OR NEW.id <= (SELECT cursor FROM rollup_backfills WHERE source = 'ratings'))
BEGIN
  INSERT INTO rating_rollups (workspace_id, day, scheme, prompt_id, version, environment_id, model_id, dataset_id, pair_version, pair_model_id, ratings, scored, score_sum, score_sumsq, thumbs_up, thumbs_down, scale_1, scale_2, scale_3, scale_4, scale_5, choice_a, choice_b, ties, judged, judge_agreed, judge_diff_sum)
    SELECT workspace_id, day, scheme, prompt_id, version, environment_id, model_id, dataset_id, pair_version, pair_model_id, ratings, scored, score_sum, score_sumsq, thumbs_up, thumbs_down, scale_1, scale_2, scale_3, scale_4, scale_5, choice_a, choice_b, ties, judged, judge_agreed, judge_diff_sum
    FROM rating_rollup_rows WHERE rating_id = NEW.id
    ON CONFLICT (workspace_id, day, scheme, prompt_id, version, environment_id, model_id, dataset_id, pair_version, pair_model_id) DO UPDATE SET ratings = rating_rollups.ratings + excluded.ratings, scored = rating_rollups.scored + excluded.scored, score_sum = rating_rollups.score_sum + excluded.score_sum, score_sumsq = rating_rollups.score_sumsq + excluded.score_sumsq, thumbs_up = rating_rollups.thumbs_up + excluded.thumbs_up, thumbs_down = rating_rollups.thumbs_down + excluded.thumbs_down, scale_1 = rating_rollups.scale_1 + excluded.scale_1, scale_2 = rating_rollups.scale_2 + excluded.scale_2, scale_3 = rating_rollups.scale_3 + excluded.scale_3, scale_4 = rating_rollups.scale_4 + excluded.scale_4, scale_5 = rating_rollups.scale_5 + excluded.scale_5, choice_a = rating_rollups.choice_a + excluded.choice_a, choice_b = rating_rollups.choice_b + excluded.choice_b, ties = rating_rollups.ties + excluded.ties, judged = rating_rollups.judged + excluded.judged, judge_agreed = rating_rollups.judge_agreed + excluded.judge_agreed, judge_diff_sum = rating_rollups.judge_diff_sum + excluded.judge_diff_sum;
END;
--> statement-breakpoint
CREATE TRIGGER ratings_rollup_delete BEFORE DELETE ON ratings
WHEN ((SELECT done FROM rollup_backfills WHERE source = 'ratings') OR OLD.id <= (SELECT cursor FROM rollup_backfills WHERE source = 'ratings'))
BEGIN
  INSERT INTO rating_rollups (workspace_id, day, scheme, prompt_id, version, environment_id, model_id, dataset_id, pair_version, pair_model_id, ratings, scored, score_sum, score_sumsq, thumbs_up, thumbs_down, scale_1, scale_2, scale_3, scale_4, scale_5, choice_a, choice_b, ties, judged, judge_agreed, judge_diff_sum)
    SELECT workspace_id, day, scheme, prompt_id, version, environment_id, model_id, dataset_id, pair_version, pair_model_id, -ratings, -scored, -score_sum, -score_sumsq, -thumbs_up, -thumbs_down, -scale_1, -scale_2, -scale_3, -scale_4, -scale_5, -choice_a, -choice_b, -ties, -judged, -judge_agreed, -judge_diff_sum
    FROM rating_rollup_rows WHERE rating_id = OLD.id
    ON CONFLICT (workspace_id, day, scheme, prompt_id, version, environment_id, model_id, dataset_id, pair_version, pair_model_id) DO UPDATE SET ratings = rating_rollups.ratings + excluded.ratings, scored = rating_rollups.scored + excluded.scored, score_sum = rating_rollups.score_sum + excluded.score_sum, score_sumsq = rating_rollups.score_sumsq + excluded.score_sumsq, thumbs_up = rating_rollups.thumbs_up + excluded.thumbs_up, thumbs_down = rating_rollups.thumbs_down + excluded.thumbs_down, scale_1 = rating_rollups.scale_1 + excluded.scale_1, scale_2 = rating_rollups.scale_2 + excluded.scale_2, scale_3 = rating_rollups.scale_3 + excluded.scale_3, scale_4 = rating_rollups.scale_4 + excluded.scale_4, scale_5 = rating_rollups.scale_5 + excluded.scale_5, choice_a = rating_rollups.choice_a + excluded.choice_a, choice_b = rating_rollups.choice_b + excluded.choice_b, ties = rating_rollups.ties + excluded.ties, judged = rating_rollups.judged + excluded.judged, judge_agreed = rating_rollups.judge_agreed + excluded.judge_agreed, judge_diff_sum = rating_rollups.judge_diff_sum + excluded.judge_diff_sum;
END;
--> statement-breakpoint
CREATE TRIGGER ratings_rollup_update_out BEFORE UPDATE OF score, value ON ratings
WHEN (OLD.score IS NOT NEW.score OR OLD.value IS NOT NEW.value) AND ((SELECT done FROM rollup_backfills WHERE source = 'ratings') OR OLD.id <= (SELECT cursor FROM rollup_backfills WHERE source = 'ratings'))
BEGIN
  INSERT INTO rating_rollups (workspace_id, day, scheme, prompt_id, version, environment_id, model_id, dataset_id, pair_version, pair_model_id, ratings, scored, score_sum, score_sumsq, thumbs_up, thumbs_down, scale_1, scale_2, scale_3, scale_4, scale_5, choice_a, choice_b, ties, judged, judge_agreed, judge_diff_sum)
    SELECT workspace_id, day, scheme, prompt_id, version, environment_id, model_id, dataset_id, pair_version, pair_model_id, -ratings, -scored, -score_sum, -score_sumsq, -thumbs_up, -thumbs_down, -scale_1, -scale_2, -scale_3, -scale_4, -scale_5, -choice_a, -choice_b, -ties, -judged, -judge_agreed, -judge_diff_sum
    FROM rating_rollup_rows WHERE rating_id = OLD.id
    ON CONFLICT (workspace_id, day, scheme, prompt_id, version, environment_id, model_id, dataset_id, pair_version, pair_model_id) DO UPDATE SET ratings = rating_rollups.ratings + excluded.ratings, scored = rating_rollups.scored + excluded.scored, score_sum = rating_rollups.score_sum + excluded.score_sum, score_sumsq = rating_rollups.score_sumsq + excluded.score_sumsq, thumbs_up = rating_rollups.thumbs_up + excluded.thumbs_up, thumbs_down = rating_rollups.thumbs_down + excluded.thumbs_down, scale_1 = rating_rollups.scale_1 + excluded.scale_1, scale_2 = rating_rollups.scale_2 + excluded.scale_2, scale_3 = rating_rollups.scale_3 + excluded.scale_3, scale_4 = rating_rollups.scale_4 + excluded.scale_4, scale_5 = rating_rollups.scale_5 + excluded.scale_5, choice_a = rating_rollups.choice_a + excluded.choice_a, choice_b = rating_rollups.choice_b + excluded.choice_b, ties = rating_rollups.ties + excluded.ties, judged = rating_rollups.judged + excluded.judged, judge_agreed = rating_rollups.judge_agreed + excluded.judge_agreed, judge_diff_sum = rating_rollups.judge_diff_sum + excluded.judge_diff_sum;
END;
--> statement-breakpoint
CREATE TRIGGER ratings_rollup_update_in AFTER UPDATE OF score, value ON ratings
WHEN (OLD.score IS NOT NEW.score OR OLD.value IS NOT NEW.value) AND ((SELECT done FROM rollup_backfills WHERE source = 'ratings') OR NEW.id <= (SELECT cursor FROM rollup_backfills WHERE source = 'ratings'))
BEGIN
  INSERT INTO rating_rollups (workspace_id, day, scheme, prompt_id, version, environment_id, model_id, dataset_id, pair_version, pair_model_id, ratings, scored, score_sum, score_sumsq, thumbs_up, thumbs_down, scale_1, scale_2, scale_3, scale_4, scale_5, choice_a, choice_b, ties, judged, judge_agreed, judge_diff_sum)
    SELECT workspace_id, day, scheme, prompt_id, version, environment_id, model_id, dataset_id, pair_version, pair_model_id, ratings, scored, score_sum, score_sumsq, thumbs_up, thumbs_down, scale_1, scale_2, scale_3, scale_4, scale_5, choice_a, choice_b, ties, judged, judge_agreed, judge_diff_sum
    FROM rating_rollup_rows WHERE rating_id = NEW.id
    ON CONFLICT (workspace_id, day, scheme, prompt_id, version, environment_id, model_id, dataset_id, pair_version, pair_model_id) DO UPDATE SET ratings = rating_rollups.ratings + excluded.ratings, scored = rating_rollups.scored + excluded.scored, score_sum = rating_rollups.score_sum + excluded.score_sum, score_sumsq = rating_rollups.score_sumsq + excluded.score_sumsq, thumbs_up = rating_rollups.thumbs_up + excluded.thumbs_up, thumbs_down = rating_rollups.thumbs_down + excluded.thumbs_down, scale_1 = rating_rollups.scale_1 + excluded.scale_1, scale_2 = rating_rollups.scale_2 + excluded.scale_2, scale_3 = rating_rollups.scale_3 + excluded.scale_3, scale_4 = rating_rollups.scale_4 + excluded.scale_4, scale_5 = rating_rollups.scale_5 + excluded.scale_5, choice_a = rating_rollups.choice_a + excluded.choice_a, choice_b = rating_rollups.choice_b + excluded.choice_b, ties = rating_rollups.ties + excluded.ties, judged = rating_rollups.judged + excluded.judged, judge_agreed = rating_rollups.judge_agreed + excluded.judge_agreed, judge_diff_sum = rating_rollups.judge_diff_sum + excluded.judge_diff_sum;
END;
--> statement-breakpoint
CREATE TRIGGER rating_scores_rollup_insert AFTER INSERT ON rating_scores
WHEN ((SELECT done FROM rollup_backfills WHERE source = 'ratings') OR NEW.rating_id <= (SELECT cursor FROM rollup_backfills WHERE source = 'ratings'))
BEGIN
  INSERT INTO rating_criterion_rollups (workspace_id, day, scheme, prompt_id, version, environment_id, model_id, dataset_id, criterion, scores, score_sum, score_sumsq)
    SELECT workspace_id, day, scheme, prompt_id, version, environment_id, model_id, dataset_id, criterion, scores, score_sum, score_sumsq
    FROM rating_criterion_rollup_rows WHERE rating_id = NEW.rating_id AND criterion = NEW.criterion
    ON CONFLICT (workspace_id, day, scheme, prompt_id, version, environment_id, model_id, dataset_id, criterion) DO UPDATE SET scores = rating_criterion_rollups.scores + excluded.scores, score_sum = rating_criterion_rollups.score_sum + excluded.score_sum, score_sumsq = rating_criterion_rollups.score_sumsq + excluded.score_sumsq;
END;
--> statement-breakpoint
CREATE TRIGGER rating_scores_rollup_delete BEFORE DELETE ON rating_scores
WHEN ((SELECT done FROM rollup_backfills WHERE source = 'ratings') OR OLD.rating_id <= (SELECT cursor FROM rollup_backfills WHERE source = 'ratings'))
BEGIN
  INSERT INTO rating_criterion_rollups (workspace_id, day, scheme, prompt_id, version, environment_id, model_id, dataset_id, criterion, scores, score_sum, score_sumsq)
    SELECT workspace_id, day, scheme, prompt_id, version, environment_id, model_id, dataset_id, criterion, -scores, -score_sum, -score_sumsq
    FROM rating_criterion_rollup_rows WHERE rating_id = OLD.rating_id AND criterion = OLD.criterion
    ON CONFLICT (workspace_id, day, scheme, prompt_id, version, environment_id, model_id, dataset_id, criterion) DO UPDATE SET scores = rating_criterion_rollups.scores + excluded.scores, score_sum = rating_criterion_rollups.score_sum + excluded.score_sum, score_sumsq = rating_criterion_rollups.score_sumsq + excluded.score_sumsq;
END;
--> statement-breakpoint
CREATE TRIGGER rating_scores_rollup_update_out BEFORE UPDATE OF score, criterion ON rating_scores
WHEN (OLD.score IS NOT NEW.score OR OLD.criterion IS NOT NEW.criterion) AND ((SELECT done FROM rollup_backfills WHERE source = 'ratings') OR OLD.rating_id <= (SELECT cursor FROM rollup_backfills WHERE source = 'ratings'))
BEGIN
  INSERT INTO rating_criterion_rollups (workspace_id, day, scheme, prompt_id, version, environment_id, model_id, dataset_id, criterion, scores, score_sum, score_sumsq)
    SELECT workspace_id, day, scheme, prompt_id, version, environment_id, model_id, dataset_id, criterion, -scores, -score_sum, -score_sumsq
    FROM rating_criterion_rollup_rows WHERE rating_id = OLD.rating_id AND criterion = OLD.criterion
    ON CONFLICT (workspace_id, day, scheme, prompt_id, version, environment_id, model_id, dataset_id, criterion) DO UPDATE SET scores = rating_criterion_rollups.scores + excluded.scores, score_sum = rating_criterion_rollups.score_sum + excluded.score_sum, score_sumsq = rating_criterion_rollups.score_sumsq + excluded.score_sumsq;
END;
--> statement-breakpoint
CREATE TRIGGER rating_scores_rollup_update_in AFTER UPDATE OF score, criterion ON rating_scores
WHEN (OLD.score IS NOT NEW.score OR OLD.criterion IS NOT NEW.criterion) AND ((SELECT done FROM rollup_backfills WHERE source = 'ratings') OR NEW.rating_id <= (SELECT cursor FROM rollup_backfills WHERE source = 'ratings'))
BEGIN
  INSERT INTO rating_criterion_rollups (workspace_id, day, scheme, prompt_id, version, environment_id, model_id, dataset_id, criterion, scores, score_sum, score_sumsq)
    SELECT workspace_id, day, scheme, prompt_id, version, environment_id, model_id, dataset_id, criterion, scores, score_sum, score_sumsq
    FROM rating_criterion_rollup_rows WHERE rating_id = NEW.rating_id AND criterion = NEW.criterion
    ON CONFLICT (workspace_id, day, scheme, prompt_id, version, environment_id, model_id, dataset_id, criterion) DO UPDATE SET scores = rating_criterion_rollups.scores + excluded.scores, score_sum = rating_criterion_rollups.score_sum + excluded.score_sum, score_sumsq = rating_criterion_rollups.score_sumsq + excluded.score_sumsq;
END;
--> statement-breakpoint
CREATE TRIGGER generations_rollup_insert AFTER INSERT ON generations
WHEN ((SELECT done FROM rollup_backfills WHERE source = 'generations') OR NEW.id <= (SELECT cursor FROM rollup_backfills WHERE source = 'generations'))
BEGIN
  INSERT INTO generation_rollups (workspace_id, day, environment_id, prompt_id, version, model_id, generations, with_feedback, feedback_sum, feedback_sumsq, cost_sum, cost_count, latency_sum, latency_count, input_tokens, output_tokens)
    SELECT workspace_id, day, environment_id, prompt_id, version, model_id, generations, with_feedback, feedback_sum, feedback_sumsq, cost_sum, cost_count, latency_sum, latency_count, input_tokens, output_tokens
    FROM generation_rollup_rows WHERE generation_id = NEW.id
    ON CONFLICT (workspace_id, day, environment_id, prompt_id, version, model_id) DO UPDATE SET generations = generation_rollups.generations + excluded.generations, with_feedback = generation_rollups.with_feedback + excluded.with_feedback, feedback_sum = generation_rollups.feedback_sum + excluded.feedback_sum, feedback_sumsq = generation_rollups.feedback_sumsq + excluded.feedback_sumsq, cost_sum = generation_rollups.cost_sum + excluded.cost_sum, cost_count = generation_rollups.cost_count + excluded.cost_count, latency_sum = generation_rollups.latency_sum + excluded.latency_sum, latency_count = generation_rollups.latency_count + excluded.latency_count, input_tokens = generation_rollups.input_tokens + excluded.input_tokens, output_tokens = generation_rollups.output_tokens + excluded.output_tokens;
END;
--> statement-breakpoint
CREATE TRIGGER generations_rollup_delete BEFORE DELETE ON generations
WHEN ((SELECT done FROM rollup_backfills WHERE source = 'generations') OR OLD.id <= (SELECT cursor FROM rollup_backfills WHERE source = 'generations'))
BEGIN
  INSERT INTO generation_rollups (workspace_id, day, environment_id, prompt_id, version, model_id, generations, with_feedback, feedback_sum, feedback_sumsq, cost_sum, cost_count, latency_sum, latency_count, input_tokens, output_tokens)
    SELECT workspace_id, day, environment_id, prompt_id, version, model_id, -generations, -with_feedback, -feedback_sum, -feedback_sumsq, -cost_sum, -cost_count, -latency_sum, -latency_count, -input_tokens, -output_tokens
    FROM generation_rollup_rows WHERE generation_id = OLD.id
    ON CONFLICT (workspace_id, day, environment_id, prompt_id, version, model_id) DO UPDATE SET generations = generation_rollups.generations + excluded.generations, with_feedback = generation_rollups.with_feedback + excluded.with_feedback, feedback_sum = generation_rollups.feedback_sum + excluded.feedback_sum, feedback_sumsq = generation_rollups.feedback_sumsq + excluded.feedback_sumsq, cost_sum = generation_rollups.cost_sum + excluded.cost_sum, cost_count = generation_rollups.cost_count + excluded.cost_count, latency_sum = generation_rollups.latency_sum + excluded.latency_sum, latency_count = generation_rollups.latency_count + excluded.latency_count, input_tokens = generation_rollups.input_tokens + excluded.input_tokens, output_tokens = generation_rollups.output_tokens + excluded.output_tokens;
END;
--> statement-breakpoint
CREATE TRIGGER generations_rollup_update_out BEFORE UPDATE OF feedback_score ON generations
WHEN (OLD.feedback_score IS NOT NEW.feedback_score) AND ((SELECT done FROM rollup_backfills WHERE source = 'generations') OR OLD.id <= (SELECT cursor FROM rollup_backfills WHERE source = 'generations'))
BEGIN
  INSERT INTO generation_rollups (workspace_id, day, environment_id, prompt_id, version, model_id, generations, with_feedback, feedback_sum, feedback_sumsq, cost_sum, cost_count, latency_sum, latency_count, input_tokens, output_tokens)
    SELECT workspace_id, day, environment_id, prompt_id, version, model_id, -generations, -with_feedback, -feedback_sum, -feedback_sumsq, -cost_sum, -cost_count, -latency_sum, -latency_count, -input_tokens, -output_tokens
    FROM generation_rollup_rows WHERE generation_id = OLD.id
    ON CONFLICT (workspace_id, day, environment_id, prompt_id, version, model_id) DO UPDATE SET generations = generation_rollups.generations + excluded.generations, with_feedback = generation_rollups.with_feedback + excluded.with_feedback, feedback_sum = generation_rollups.feedback_sum + excluded.feedback_sum, feedback_sumsq = generation_rollups.feedback_sumsq + excluded.feedback_sumsq, cost_sum = generation_rollups.cost_sum + excluded.cost_sum, cost_count = generation_rollups.cost_count + excluded.cost_count, latency_sum = generation_rollups.latency_sum + excluded.latency_sum, latency_count = generation_rollups.latency_count + excluded.latency_count, input_tokens = generation_rollups.input_tokens + excluded.input_tokens, output_tokens = generation_rollups.output_tokens + excluded.output_tokens;
END;
--> statement-breakpoint
CREATE TRIGGER generations_rollup_update_in AFTER UPDATE OF feedback_score ON generations
WHEN (OLD.feedback_score IS NOT NEW.feedback_score) AND ((SELECT done FROM rollup_backfills WHERE source = 'generations') OR NEW.id <= (SELECT cursor FROM rollup_backfills WHERE source = 'generations'))
BEGIN
  INSERT INTO generation_rollups (workspace_id, day, environment_id, prompt_id, version, model_id, generations, with_feedback, feedback_sum, feedback_sumsq, cost_sum, cost_count, latency_sum, latency_count, input_tokens, output_tokens)
    SELECT workspace_id, day, environment_id, prompt_id, version, model_id, generations, with_feedback, feedback_sum, feedback_sumsq, cost_sum, cost_count, latency_sum, latency_count, input_tokens, output_tokens
    FROM generation_rollup_rows WHERE generation_id = NEW.id
    ON CONFLICT (workspace_id, day, environment_id, prompt_id, version, model_id) DO UPDATE SET generations = generation_rollups.generations + excluded.generations, with_feedback = generation_rollups.with_feedback + excluded.with_feedback, feedback_sum = generation_rollups.feedback_sum + excluded.feedback_sum, feedback_sumsq = generation_rollups.feedback_sumsq + excluded.feedback_sumsq, cost_sum = generation_rollups.cost_sum + excluded.cost_sum, cost_count = generation_rollups.cost_count + excluded.cost_count, latency_sum = generation_rollups.latency_sum + excluded.latency_sum, latency_count = generation_rollups.latency_count + excluded.latency_count, input_tokens = generation_rollups.input_tokens + excluded.input_tokens, output_tokens = generation_rollups.output_tokens + excluded.output_tokens;
END;
--> statement-breakpoint
CREATE TRIGGER eval_results_rollup_insert AFTER INSERT ON eval_results
WHEN ((SELECT done FROM rollup_backfills WHERE source = 'eval_results') OR NEW.id <= (SELECT cursor FROM rollup_backfills WHERE source = 'eval_results'))
BEGIN
  INSERT INTO eval_target_rollups (target_id, results, scored, passed, score_count, score_sum, score_sumsq, cost_sum, cost_count, latency_sum, latency_count)
    SELECT target_id, results, scored, passed, score_count, score_sum, score_sumsq, cost_sum, cost_count, latency_sum, latency_count
    FROM eval_target_rollup_rows WHERE result_id = NEW.id
    ON CONFLICT (target_id) DO UPDATE SET results = eval_target_rollups.results + excluded.results, scored = eval_target_rollups.scored + excluded.scored, passed = eval_target_rollups.passed + excluded.passed, score_count = eval_target_rollups.score_count + excluded.score_count, score_sum = eval_target_rollups.score_sum + excluded.score_sum, score_sumsq = eval_target_rollups.score_sumsq + excluded.score_sumsq, cost_sum = eval_target_rollups.cost_sum + excluded.cost_sum, cost_count = eval_target_rollups.cost_count + excluded.cost_count, latency_sum = eval_target_rollups.latency_sum + excluded.latency_sum, latency_count = eval_target_rollups.latency_count + excluded.latency_count;
END;
--> statement-breakpoint
CREATE TRIGGER eval_results_rollup_delete BEFORE DELETE ON eval_results
WHEN ((SELECT done FROM rollup_backfills WHERE source = 'eval_results') OR OLD.id <= (SELECT cursor FROM rollup_backfills WHERE source = 'eval_results'))
BEGIN
  INSERT INTO eval_target_rollups (target_id, results, scored, passed, score_count, score_sum, score_sumsq, cost_sum, cost_count, latency_sum, latency_count)
    SELECT target_id, -results, -scored, -passed, -score_count, -score_sum, -score_sumsq, -cost_sum, -cost_count, -latency_sum, -latency_count
    FROM eval_target_rollup_rows WHERE result_id = OLD.id
    ON CONFLICT (target_id) DO UPDATE SET results = eval_target_rollups.results + excluded.results, scored = eval_target_rollups.scored + excluded.scored, passed = eval_target_rollups.passed + excluded.passed, score_count = eval_target_rollups.score_count + excluded.score_count, score_sum = eval_target_rollups.score_sum + excluded.score_sum, score_sumsq = eval_target_rollups.score_sumsq + excluded.score_sumsq, cost_sum = eval_target_rollups.cost_sum + excluded.cost_sum, cost_count = eval_target_rollups.cost_count + excluded.cost_count, latency_sum = eval_target_rollups.latency_sum + excluded.latency_sum, latency_count = eval_target_rollups.latency_count + excluded.latency_count;
END;
--> statement-breakpoint
CREATE TRIGGER eval_results_rollup_update_out BEFORE UPDATE OF status, score, cost_usd, latency_ms, target_id ON eval_results
WHEN (OLD.status IS NOT NEW.status OR OLD.score IS NOT NEW.score OR OLD.cost_usd IS NOT NEW.cost_usd OR OLD.latency_ms IS NOT NEW.latency_ms OR OLD.target_id IS NOT NEW.target_id) AND ((SELECT done FROM rollup_backfills WHERE source = 'eval_results') OR OLD.id <= (SELECT cursor FROM rollup_backfills WHERE source = 'eval_results'))
BEGIN
  INSERT INTO eval_target_rollups (target_id, results, scored, passed, score_count, score_sum, score_sumsq, cost_sum, cost_count, latency_sum, latency_count)
    SELECT target_id, -results, -scored, -passed, -score_count, -score_sum, -score_sumsq, -cost_sum, -cost_count, -latency_sum, -latency_count
    FROM eval_target_rollup_rows WHERE result_id = OLD.id
    ON CONFLICT (target_id) DO UPDATE SET results = eval_target_rollups.results + excluded.results, scored = eval_target_rollups.scored + excluded.scored, passed = eval_target_rollups.passed + excluded.passed, score_count = eval_target_rollups.score_count + excluded.score_count, score_sum = eval_target_rollups.score_sum + excluded.score_sum, score_sumsq = eval_target_rollups.score_sumsq + excluded.score_sumsq, cost_sum = eval_target_rollups.cost_sum + excluded.cost_sum, cost_count = eval_target_rollups.cost_count + excluded.cost_count, latency_sum = eval_target_rollups.latency_sum + excluded.latency_sum, latency_count = eval_target_rollups.latency_count + excluded.latency_count;
END;
--> statement-breakpoint
CREATE TRIGGER eval_results_rollup_update_in AFTER UPDATE OF status, score, cost_usd, latency_ms, target_id ON eval_results
WHEN (OLD.status IS NOT NEW.status OR OLD.score IS NOT NEW.score OR OLD.cost_usd IS NOT NEW.cost_usd OR OLD.latency_ms IS NOT NEW.latency_ms OR OLD.target_id IS NOT NEW.target_id) AND ((SELECT done FROM rollup_backfills WHERE source = 'eval_results') OR NEW.id <= (SELECT cursor FROM rollup_backfills WHERE source = 'eval_results'))
BEGIN
  INSERT INTO eval_target_rollups (target_id, results, scored, passed, score_count, score_sum, score_sumsq, cost_sum, cost_count, latency_sum, latency_count)
    SELECT target_id, results, scored, passed, score_count, score_sum, score_sumsq, cost_sum, cost_count, latency_sum, latency_count
    FROM eval_target_rollup_rows WHERE result_id = NEW.id
    ON CONFLICT (target_id) DO UPDATE SET results = eval_target_rollups.results + excluded.results, scored = eval_target_rollups.scored + excluded.scored, passed = eval_target_rollups.passed + excluded.passed, score_count = eval_target_rollups.score_count + excluded.score_count, score_sum = eval_target_rollups.score_sum + excluded.score_sum, score_sumsq = eval_target_rollups.score_sumsq + excluded.score_sumsq, cost_sum = eval_target_rollups.cost_sum + excluded.cost_sum, cost_count = eval_target_rollups.cost_count + excluded.cost_count, latency_sum = eval_target_rollups.latency_sum + excluded.latency_sum, latency_count = eval_target_rollups.latency_count + excluded.latency_count;
END;
--> statement-breakpoint
CREATE TRIGGER eval_scores_rollup_insert AFTER INSERT ON eval_scores
WHEN ((SELECT done FROM rollup_backfills WHERE source = 'eval_results') OR NEW.result_id <= (SELECT cursor FROM rollup_backfills WHERE source = 'eval_results'))
BEGIN
  INSERT INTO eval_scorer_rollups (target_id, scorer_key, scores, passed, score_count, score_sum, score_sumsq)
    SELECT target_id, scorer_key, scores, passed, score_count, score_sum, score_sumsq
    FROM eval_scorer_rollup_rows WHERE result_id = NEW.result_id AND scorer_key = NEW.scorer_key
    ON CONFLICT (target_id, scorer_key) DO UPDATE SET scores = eval_scorer_rollups.scores + excluded.scores, passed = eval_scorer_rollups.passed + excluded.passed, score_count = eval_scorer_rollups.score_count + excluded.score_count, score_sum = eval_scorer_rollups.score_sum + excluded.score_sum, score_sumsq = eval_scorer_rollups.score_sumsq + excluded.score_sumsq;
END;
--> statement-breakpoint
CREATE TRIGGER eval_scores_rollup_delete BEFORE DELETE ON eval_scores
WHEN ((SELECT done FROM rollup_backfills WHERE source = 'eval_results') OR OLD.result_id <= (SELECT cursor FROM rollup_backfills WHERE source = 'eval_results'))
BEGIN
  INSERT INTO eval_scorer_rollups (target_id, scorer_key, scores, passed, score_count, score_sum, score_sumsq)
    SELECT target_id, scorer_key, -scores, -passed, -score_count, -score_sum, -score_sumsq
    FROM eval_scorer_rollup_rows WHERE result_id = OLD.result_id AND scorer_key = OLD.scorer_key
    ON CONFLICT (target_id, scorer_key) DO UPDATE SET scores = eval_scorer_rollups.scores + excluded.scores, passed = eval_scorer_rollups.passed + excluded.passed, score_count = eval_scorer_rollups.score_count + excluded.score_count, score_sum = eval_scorer_rollups.score_sum + excluded.score_sum, score_sumsq = eval_scorer_rollups.score_sumsq + excluded.score_sumsq;
END;
--> statement-breakpoint
CREATE TRIGGER eval_scores_rollup_update_out BEFORE UPDATE OF passed, score, scorer_key, target_id ON eval_scores
WHEN (OLD.passed IS NOT NEW.passed OR OLD.score IS NOT NEW.score OR OLD.scorer_key IS NOT NEW.scorer_key OR OLD.target_id IS NOT NEW.target_id) AND ((SELECT done FROM rollup_backfills WHERE source = 'eval_results') OR OLD.result_id <= (SELECT cursor FROM rollup_backfills WHERE source = 'eval_results'))
BEGIN
  INSERT INTO eval_scorer_rollups (target_id, scorer_key, scores, passed, score_count, score_sum, score_sumsq)
    SELECT target_id, scorer_key, -scores, -passed, -score_count, -score_sum, -score_sumsq
    FROM eval_scorer_rollup_rows WHERE result_id = OLD.result_id AND scorer_key = OLD.scorer_key
    ON CONFLICT (target_id, scorer_key) DO UPDATE SET scores = eval_scorer_rollups.scores + excluded.scores, passed = eval_scorer_rollups.passed + excluded.passed, score_count = eval_scorer_rollups.score_count + excluded.score_count, score_sum = eval_scorer_rollups.score_sum + excluded.score_sum, score_sumsq = eval_scorer_rollups.score_sumsq + excluded.score_sumsq;
END;
--> statement-breakpoint
CREATE TRIGGER eval_scores_rollup_update_in AFTER UPDATE OF passed, score, scorer_key, target_id ON eval_scores
WHEN (OLD.passed IS NOT NEW.passed OR OLD.score IS NOT NEW.score OR OLD.scorer_key IS NOT NEW.scorer_key OR OLD.target_id IS NOT NEW.target_id) AND ((SELECT done FROM rollup_backfills WHERE source = 'eval_results') OR NEW.result_id <= (SELECT cursor FROM rollup_backfills WHERE source = 'eval_results'))
BEGIN
  INSERT INTO eval_scorer_rollups (target_id, scorer_key, scores, passed, score_count, score_sum, score_sumsq)
    SELECT target_id, scorer_key, scores, passed, score_count, score_sum, score_sumsq
    FROM eval_scorer_rollup_rows WHERE result_id = NEW.result_id AND scorer_key = NEW.scorer_key
    ON CONFLICT (target_id, scorer_key) DO UPDATE SET scores = eval_scorer_rollups.scores + excluded.scores, passed = eval_scorer_rollups.passed + excluded.passed, score_count = eval_scorer_rollups.score_count + excluded.score_count, score_sum = eval_scorer_rollups.score_sum + excluded.score_sum, score_sumsq = eval_scorer_rollups.score_sumsq + excluded.score_sumsq;
END;

