CREATE TABLE `eval_scorer_rollup_deltas` (
	`target_id` text NOT NULL,
	`scorer_key` text NOT NULL,
	`scores` integer DEFAULT 0 NOT NULL,
	`passed` integer DEFAULT 0 NOT NULL,
	`score_count` integer DEFAULT 0 NOT NULL,
	`score_sum` real DEFAULT 0 NOT NULL,
	`score_sumsq` real DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `eval_target_rollup_deltas` (
	`target_id` text NOT NULL,
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
CREATE TABLE `generation_rollup_deltas` (
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
CREATE TABLE `rating_criterion_rollup_deltas` (
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
CREATE TABLE `rating_rollup_deltas` (
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
-- The *_deltas tables stay empty on SQLite, whose one writer lets the triggers update rollups directly (db/schema/rollups.ts).
-- The delivery epoch moves when a prompt is created too: GET /api/v1/prompts lists prompts that have no version yet,
-- and its answers are cached under the epoch (lib/api/read-endpoints.ts).
CREATE TRIGGER delivery_epoch_prompt_insert AFTER INSERT ON prompts
BEGIN UPDATE delivery_state SET epoch = epoch + 1 WHERE id = 1; END;
