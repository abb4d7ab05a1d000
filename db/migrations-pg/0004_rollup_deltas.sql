CREATE TABLE "eval_scorer_rollup_deltas" (
	"target_id" text NOT NULL,
	"scorer_key" text NOT NULL,
	"scores" integer DEFAULT 0 NOT NULL,
	"passed" integer DEFAULT 0 NOT NULL,
	"score_count" integer DEFAULT 0 NOT NULL,
	"score_sum" double precision DEFAULT 0 NOT NULL,
	"score_sumsq" double precision DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "eval_target_rollup_deltas" (
	"target_id" text NOT NULL,
	"results" integer DEFAULT 0 NOT NULL,
	"scored" integer DEFAULT 0 NOT NULL,
	"passed" integer DEFAULT 0 NOT NULL,
	"score_count" integer DEFAULT 0 NOT NULL,
	"score_sum" double precision DEFAULT 0 NOT NULL,
	"score_sumsq" double precision DEFAULT 0 NOT NULL,
	"cost_sum" double precision DEFAULT 0 NOT NULL,
	"cost_count" integer DEFAULT 0 NOT NULL,
	"latency_sum" double precision DEFAULT 0 NOT NULL,
	"latency_count" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "generation_rollup_deltas" (
	"workspace_id" text NOT NULL,
	"day" integer NOT NULL,
	"environment_id" text NOT NULL,
	"prompt_id" text NOT NULL,
	"version" integer NOT NULL,
	"model_id" text NOT NULL,
	"generations" integer DEFAULT 0 NOT NULL,
	"with_feedback" integer DEFAULT 0 NOT NULL,
	"feedback_sum" double precision DEFAULT 0 NOT NULL,
	"feedback_sumsq" double precision DEFAULT 0 NOT NULL,
	"cost_sum" double precision DEFAULT 0 NOT NULL,
	"cost_count" integer DEFAULT 0 NOT NULL,
	"latency_sum" double precision DEFAULT 0 NOT NULL,
	"latency_count" integer DEFAULT 0 NOT NULL,
	"input_tokens" double precision DEFAULT 0 NOT NULL,
	"output_tokens" double precision DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rating_criterion_rollup_deltas" (
	"workspace_id" text NOT NULL,
	"day" integer NOT NULL,
	"scheme" text NOT NULL,
	"prompt_id" text NOT NULL,
	"version" integer NOT NULL,
	"environment_id" text NOT NULL,
	"model_id" text NOT NULL,
	"dataset_id" text NOT NULL,
	"criterion" text NOT NULL,
	"scores" integer DEFAULT 0 NOT NULL,
	"score_sum" double precision DEFAULT 0 NOT NULL,
	"score_sumsq" double precision DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rating_rollup_deltas" (
	"workspace_id" text NOT NULL,
	"day" integer NOT NULL,
	"scheme" text NOT NULL,
	"prompt_id" text NOT NULL,
	"version" integer NOT NULL,
	"environment_id" text NOT NULL,
	"model_id" text NOT NULL,
	"dataset_id" text NOT NULL,
	"pair_version" integer NOT NULL,
	"pair_model_id" text NOT NULL,
	"ratings" integer DEFAULT 0 NOT NULL,
	"scored" integer DEFAULT 0 NOT NULL,
	"score_sum" double precision DEFAULT 0 NOT NULL,
	"score_sumsq" double precision DEFAULT 0 NOT NULL,
	"thumbs_up" integer DEFAULT 0 NOT NULL,
	"thumbs_down" integer DEFAULT 0 NOT NULL,
	"scale_1" integer DEFAULT 0 NOT NULL,
	"scale_2" integer DEFAULT 0 NOT NULL,
	"scale_3" integer DEFAULT 0 NOT NULL,
	"scale_4" integer DEFAULT 0 NOT NULL,
	"scale_5" integer DEFAULT 0 NOT NULL,
	"choice_a" integer DEFAULT 0 NOT NULL,
	"choice_b" integer DEFAULT 0 NOT NULL,
	"ties" integer DEFAULT 0 NOT NULL,
	"judged" integer DEFAULT 0 NOT NULL,
	"judge_agreed" integer DEFAULT 0 NOT NULL,
	"judge_diff_sum" double precision DEFAULT 0 NOT NULL
);
--> statement-breakpoint
-- Postgres's triggers append what a row adds to the *_deltas tables instead of updating the rollup row itself (see
-- db/schema/rollups.ts): two SERIALIZABLE transactions that wrote rows of one bucket each updated the same rollup
-- row, and all but the first were refused and run again (half of all transactions under load). Appending conflicts
-- with nothing; studio_fold_rollups() moves the deltas into the rollups. The functions below are 0003's with only
-- the INSERT's target changed and its ON CONFLICT gone.
--> statement-breakpoint
CREATE OR REPLACE FUNCTION studio_rating_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  sgn integer := 1;
  gate text;
  k_rating_id text;
BEGIN
  -- BEFORE an update or delete the old row still reads as it was: take it out; AFTER an insert or update, add the new.
  IF TG_WHEN = 'BEFORE' THEN
    sgn := -1; gate := OLD.id; k_rating_id := OLD.id;
  ELSE
    gate := NEW.id; k_rating_id := NEW.id;
  END IF;
  IF studio_rollup_live('ratings', gate) THEN
    INSERT INTO rating_rollup_deltas (workspace_id, day, scheme, prompt_id, version, environment_id, model_id, dataset_id, pair_version, pair_model_id, ratings, scored, score_sum, score_sumsq, thumbs_up, thumbs_down, scale_1, scale_2, scale_3, scale_4, scale_5, choice_a, choice_b, ties, judged, judge_agreed, judge_diff_sum)
    SELECT workspace_id, day, scheme, prompt_id, version, environment_id, model_id, dataset_id, pair_version, pair_model_id, sgn * ratings, sgn * scored, sgn * score_sum, sgn * score_sumsq, sgn * thumbs_up, sgn * thumbs_down, sgn * scale_1, sgn * scale_2, sgn * scale_3, sgn * scale_4, sgn * scale_5, sgn * choice_a, sgn * choice_b, sgn * ties, sgn * judged, sgn * judge_agreed, sgn * judge_diff_sum
    FROM rating_rollup_rows WHERE rating_id = k_rating_id;
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION studio_rating_score_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  sgn integer := 1;
  gate text;
  k_rating_id text;
  k_criterion text;
BEGIN
  -- BEFORE an update or delete the old row still reads as it was: take it out; AFTER an insert or update, add the new.
  IF TG_WHEN = 'BEFORE' THEN
    sgn := -1; gate := OLD.rating_id; k_rating_id := OLD.rating_id; k_criterion := OLD.criterion;
  ELSE
    gate := NEW.rating_id; k_rating_id := NEW.rating_id; k_criterion := NEW.criterion;
  END IF;
  IF studio_rollup_live('ratings', gate) THEN
    INSERT INTO rating_criterion_rollup_deltas (workspace_id, day, scheme, prompt_id, version, environment_id, model_id, dataset_id, criterion, scores, score_sum, score_sumsq)
    SELECT workspace_id, day, scheme, prompt_id, version, environment_id, model_id, dataset_id, criterion, sgn * scores, sgn * score_sum, sgn * score_sumsq
    FROM rating_criterion_rollup_rows WHERE rating_id = k_rating_id AND criterion = k_criterion;
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION studio_generation_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  sgn integer := 1;
  gate text;
  k_generation_id text;
BEGIN
  -- BEFORE an update or delete the old row still reads as it was: take it out; AFTER an insert or update, add the new.
  IF TG_WHEN = 'BEFORE' THEN
    sgn := -1; gate := OLD.id; k_generation_id := OLD.id;
  ELSE
    gate := NEW.id; k_generation_id := NEW.id;
  END IF;
  IF studio_rollup_live('generations', gate) THEN
    INSERT INTO generation_rollup_deltas (workspace_id, day, environment_id, prompt_id, version, model_id, generations, with_feedback, feedback_sum, feedback_sumsq, cost_sum, cost_count, latency_sum, latency_count, input_tokens, output_tokens)
    SELECT workspace_id, day, environment_id, prompt_id, version, model_id, sgn * generations, sgn * with_feedback, sgn * feedback_sum, sgn * feedback_sumsq, sgn * cost_sum, sgn * cost_count, sgn * latency_sum, sgn * latency_count, sgn * input_tokens, sgn * output_tokens
    FROM generation_rollup_rows WHERE generation_id = k_generation_id;
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION studio_eval_result_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  sgn integer := 1;
  gate text;
  k_result_id text;
BEGIN
  -- BEFORE an update or delete the old row still reads as it was: take it out; AFTER an insert or update, add the new.
  IF TG_WHEN = 'BEFORE' THEN
    sgn := -1; gate := OLD.id; k_result_id := OLD.id;
  ELSE
    gate := NEW.id; k_result_id := NEW.id;
  END IF;
  IF studio_rollup_live('eval_results', gate) THEN
    INSERT INTO eval_target_rollup_deltas (target_id, results, scored, passed, score_count, score_sum, score_sumsq, cost_sum, cost_count, latency_sum, latency_count)
    SELECT target_id, sgn * results, sgn * scored, sgn * passed, sgn * score_count, sgn * score_sum, sgn * score_sumsq, sgn * cost_sum, sgn * cost_count, sgn * latency_sum, sgn * latency_count
    FROM eval_target_rollup_rows WHERE result_id = k_result_id;
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION studio_eval_score_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  sgn integer := 1;
  gate text;
  k_result_id text;
  k_scorer_key text;
BEGIN
  -- BEFORE an update or delete the old row still reads as it was: take it out; AFTER an insert or update, add the new.
  IF TG_WHEN = 'BEFORE' THEN
    sgn := -1; gate := OLD.result_id; k_result_id := OLD.result_id; k_scorer_key := OLD.scorer_key;
  ELSE
    gate := NEW.result_id; k_result_id := NEW.result_id; k_scorer_key := NEW.scorer_key;
  END IF;
  IF studio_rollup_live('eval_results', gate) THEN
    INSERT INTO eval_scorer_rollup_deltas (target_id, scorer_key, scores, passed, score_count, score_sum, score_sumsq)
    SELECT target_id, scorer_key, sgn * scores, sgn * passed, sgn * score_count, sgn * score_sum, sgn * score_sumsq
    FROM eval_scorer_rollup_rows WHERE result_id = k_result_id AND scorer_key = k_scorer_key;
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
-- Moves every delta committed so far into its rollup, in one transaction: a reader sees a delta either pending or
-- folded, never both or neither. Run in READ COMMITTED (a plain statement): the DELETE takes only committed rows, and
-- rows that commit meanwhile wait for the next fold. Folds take turns (the advisory lock), so two never update
-- the same rollup rows in different orders.
CREATE FUNCTION studio_fold_rollups() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  folded integer := 0;
  n integer;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('studio_fold_rollups'));
  WITH moved AS (DELETE FROM rating_rollup_deltas RETURNING *)
  INSERT INTO rating_rollups (workspace_id, day, scheme, prompt_id, version, environment_id, model_id, dataset_id, pair_version, pair_model_id, ratings, scored, score_sum, score_sumsq, thumbs_up, thumbs_down, scale_1, scale_2, scale_3, scale_4, scale_5, choice_a, choice_b, ties, judged, judge_agreed, judge_diff_sum)
  SELECT workspace_id, day, scheme, prompt_id, version, environment_id, model_id, dataset_id, pair_version, pair_model_id, sum(ratings), sum(scored), sum(score_sum), sum(score_sumsq), sum(thumbs_up), sum(thumbs_down), sum(scale_1), sum(scale_2), sum(scale_3), sum(scale_4), sum(scale_5), sum(choice_a), sum(choice_b), sum(ties), sum(judged), sum(judge_agreed), sum(judge_diff_sum) FROM moved GROUP BY workspace_id, day, scheme, prompt_id, version, environment_id, model_id, dataset_id, pair_version, pair_model_id ORDER BY workspace_id, day, scheme, prompt_id, version, environment_id, model_id, dataset_id, pair_version, pair_model_id
  ON CONFLICT (workspace_id, day, scheme, prompt_id, version, environment_id, model_id, dataset_id, pair_version, pair_model_id) DO UPDATE SET ratings = rating_rollups.ratings + excluded.ratings, scored = rating_rollups.scored + excluded.scored, score_sum = rating_rollups.score_sum + excluded.score_sum, score_sumsq = rating_rollups.score_sumsq + excluded.score_sumsq, thumbs_up = rating_rollups.thumbs_up + excluded.thumbs_up, thumbs_down = rating_rollups.thumbs_down + excluded.thumbs_down, scale_1 = rating_rollups.scale_1 + excluded.scale_1, scale_2 = rating_rollups.scale_2 + excluded.scale_2, scale_3 = rating_rollups.scale_3 + excluded.scale_3, scale_4 = rating_rollups.scale_4 + excluded.scale_4, scale_5 = rating_rollups.scale_5 + excluded.scale_5, choice_a = rating_rollups.choice_a + excluded.choice_a, choice_b = rating_rollups.choice_b + excluded.choice_b, ties = rating_rollups.ties + excluded.ties, judged = rating_rollups.judged + excluded.judged, judge_agreed = rating_rollups.judge_agreed + excluded.judge_agreed, judge_diff_sum = rating_rollups.judge_diff_sum + excluded.judge_diff_sum;
  GET DIAGNOSTICS n = ROW_COUNT;
  folded := folded + n;
  WITH moved AS (DELETE FROM rating_criterion_rollup_deltas RETURNING *)
  INSERT INTO rating_criterion_rollups (workspace_id, day, scheme, prompt_id, version, environment_id, model_id, dataset_id, criterion, scores, score_sum, score_sumsq)
  SELECT workspace_id, day, scheme, prompt_id, version, environment_id, model_id, dataset_id, criterion, sum(scores), sum(score_sum), sum(score_sumsq) FROM moved GROUP BY workspace_id, day, scheme, prompt_id, version, environment_id, model_id, dataset_id, criterion ORDER BY workspace_id, day, scheme, prompt_id, version, environment_id, model_id, dataset_id, criterion
  ON CONFLICT (workspace_id, day, scheme, prompt_id, version, environment_id, model_id, dataset_id, criterion) DO UPDATE SET scores = rating_criterion_rollups.scores + excluded.scores, score_sum = rating_criterion_rollups.score_sum + excluded.score_sum, score_sumsq = rating_criterion_rollups.score_sumsq + excluded.score_sumsq;
  GET DIAGNOSTICS n = ROW_COUNT;
  folded := folded + n;
  WITH moved AS (DELETE FROM generation_rollup_deltas RETURNING *)
  INSERT INTO generation_rollups (workspace_id, day, environment_id, prompt_id, version, model_id, generations, with_feedback, feedback_sum, feedback_sumsq, cost_sum, cost_count, latency_sum, latency_count, input_tokens, output_tokens)
  SELECT workspace_id, day, environment_id, prompt_id, version, model_id, sum(generations), sum(with_feedback), sum(feedback_sum), sum(feedback_sumsq), sum(cost_sum), sum(cost_count), sum(latency_sum), sum(latency_count), sum(input_tokens), sum(output_tokens) FROM moved GROUP BY workspace_id, day, environment_id, prompt_id, version, model_id ORDER BY workspace_id, day, environment_id, prompt_id, version, model_id
  ON CONFLICT (workspace_id, day, environment_id, prompt_id, version, model_id) DO UPDATE SET generations = generation_rollups.generations + excluded.generations, with_feedback = generation_rollups.with_feedback + excluded.with_feedback, feedback_sum = generation_rollups.feedback_sum + excluded.feedback_sum, feedback_sumsq = generation_rollups.feedback_sumsq + excluded.feedback_sumsq, cost_sum = generation_rollups.cost_sum + excluded.cost_sum, cost_count = generation_rollups.cost_count + excluded.cost_count, latency_sum = generation_rollups.latency_sum + excluded.latency_sum, latency_count = generation_rollups.latency_count + excluded.latency_count, input_tokens = generation_rollups.input_tokens + excluded.input_tokens, output_tokens = generation_rollups.output_tokens + excluded.output_tokens;
  GET DIAGNOSTICS n = ROW_COUNT;
  folded := folded + n;
  WITH moved AS (DELETE FROM eval_target_rollup_deltas RETURNING *)
  INSERT INTO eval_target_rollups (target_id, results, scored, passed, score_count, score_sum, score_sumsq, cost_sum, cost_count, latency_sum, latency_count)
  SELECT target_id, sum(results), sum(scored), sum(passed), sum(score_count), sum(score_sum), sum(score_sumsq), sum(cost_sum), sum(cost_count), sum(latency_sum), sum(latency_count) FROM moved GROUP BY target_id ORDER BY target_id
  ON CONFLICT (target_id) DO UPDATE SET results = eval_target_rollups.results + excluded.results, scored = eval_target_rollups.scored + excluded.scored, passed = eval_target_rollups.passed + excluded.passed, score_count = eval_target_rollups.score_count + excluded.score_count, score_sum = eval_target_rollups.score_sum + excluded.score_sum, score_sumsq = eval_target_rollups.score_sumsq + excluded.score_sumsq, cost_sum = eval_target_rollups.cost_sum + excluded.cost_sum, cost_count = eval_target_rollups.cost_count + excluded.cost_count, latency_sum = eval_target_rollups.latency_sum + excluded.latency_sum, latency_count = eval_target_rollups.latency_count + excluded.latency_count;
  GET DIAGNOSTICS n = ROW_COUNT;
  folded := folded + n;
  WITH moved AS (DELETE FROM eval_scorer_rollup_deltas RETURNING *)
  INSERT INTO eval_scorer_rollups (target_id, scorer_key, scores, passed, score_count, score_sum, score_sumsq)
  SELECT target_id, scorer_key, sum(scores), sum(passed), sum(score_count), sum(score_sum), sum(score_sumsq) FROM moved GROUP BY target_id, scorer_key ORDER BY target_id, scorer_key
  ON CONFLICT (target_id, scorer_key) DO UPDATE SET scores = eval_scorer_rollups.scores + excluded.scores, passed = eval_scorer_rollups.passed + excluded.passed, score_count = eval_scorer_rollups.score_count + excluded.score_count, score_sum = eval_scorer_rollups.score_sum + excluded.score_sum, score_sumsq = eval_scorer_rollups.score_sumsq + excluded.score_sumsq;
  GET DIAGNOSTICS n = ROW_COUNT;
  folded := folded + n;
  RETURN folded;
END $$;
--> statement-breakpoint
-- The delivery epoch moves when a prompt is created too: GET /api/v1/prompts lists prompts that have no version yet,
-- and its answers are cached under the epoch (lib/api/read-endpoints.ts).
CREATE TRIGGER delivery_epoch_prompt_insert AFTER INSERT ON prompts
  FOR EACH STATEMENT EXECUTE FUNCTION studio_bump_delivery_epoch();
