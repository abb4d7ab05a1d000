CREATE TABLE `dataset_cases` (
	`id` text PRIMARY KEY NOT NULL,
	`dataset_id` text NOT NULL,
	`position` integer NOT NULL,
	`variables` text NOT NULL,
	`expected_output` text,
	`tags` text DEFAULT '[]' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`assertions` text DEFAULT '[]' NOT NULL,
	`source_run_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`dataset_id`) REFERENCES `datasets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_run_id`) REFERENCES `playground_runs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `dataset_cases_dataset_position` ON `dataset_cases` (`dataset_id`,`position`);--> statement-breakpoint
CREATE TABLE `datasets` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`default_scorers` text DEFAULT '[]' NOT NULL,
	`archived_at` integer,
	`created_by_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `datasets_workspace_name` ON `datasets` (`workspace_id`,`name`);--> statement-breakpoint
CREATE TABLE `eval_results` (
	`id` text PRIMARY KEY NOT NULL,
	`run_id` text NOT NULL,
	`target_id` text NOT NULL,
	`run_case_id` text NOT NULL,
	`status` text NOT NULL,
	`score` real,
	`rendered_input` text DEFAULT '' NOT NULL,
	`output` text DEFAULT '' NOT NULL,
	`input_tokens` integer,
	`output_tokens` integer,
	`cost_usd` real,
	`latency_ms` integer,
	`attempts` integer DEFAULT 1 NOT NULL,
	`error_code` text,
	`error_message` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `eval_runs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`target_id`) REFERENCES `eval_run_targets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`run_case_id`) REFERENCES `eval_run_cases`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "eval_results_status_valid" CHECK("eval_results"."status" in ('passed','failed','error'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `eval_results_target_case` ON `eval_results` (`target_id`,`run_case_id`);--> statement-breakpoint
CREATE INDEX `eval_results_run_status` ON `eval_results` (`run_id`,`status`);--> statement-breakpoint
CREATE TABLE `eval_run_cases` (
	`id` text PRIMARY KEY NOT NULL,
	`run_id` text NOT NULL,
	`case_id` text,
	`position` integer NOT NULL,
	`variables` text NOT NULL,
	`expected_output` text,
	`tags` text DEFAULT '[]' NOT NULL,
	`assertions` text DEFAULT '[]' NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `eval_runs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `eval_run_cases_run_position` ON `eval_run_cases` (`run_id`,`position`);--> statement-breakpoint
CREATE TABLE `eval_run_targets` (
	`id` text PRIMARY KEY NOT NULL,
	`run_id` text NOT NULL,
	`position` integer NOT NULL,
	`prompt_id` text NOT NULL,
	`version` integer NOT NULL,
	`environment_id` text,
	`model_id` text NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `eval_runs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`prompt_id`) REFERENCES `prompts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`environment_id`) REFERENCES `environments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `eval_run_targets_run_position` ON `eval_run_targets` (`run_id`,`position`);--> statement-breakpoint
CREATE INDEX `eval_run_targets_prompt_version` ON `eval_run_targets` (`prompt_id`,`version`);--> statement-breakpoint
CREATE TABLE `eval_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`dataset_id` text NOT NULL,
	`name` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`model_id` text,
	`scorers` text NOT NULL,
	`concurrency` integer DEFAULT 4 NOT NULL,
	`case_timeout_ms` integer DEFAULT 60000 NOT NULL,
	`max_retries` integer DEFAULT 3 NOT NULL,
	`total_cases` integer NOT NULL,
	`source` text DEFAULT 'ui' NOT NULL,
	`error_message` text,
	`created_by_id` text,
	`api_key_id` text,
	`created_at` integer NOT NULL,
	`started_at` integer,
	`finished_at` integer,
	`heartbeat_at` integer,
	`worker_id` text,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`dataset_id`) REFERENCES `datasets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`api_key_id`) REFERENCES `api_keys`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "eval_runs_status_valid" CHECK("eval_runs"."status" in ('queued','running','interrupted','cancelled','completed','failed'))
);
--> statement-breakpoint
CREATE INDEX `eval_runs_workspace_created` ON `eval_runs` (`workspace_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `eval_runs_dataset_created` ON `eval_runs` (`dataset_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `eval_runs_status` ON `eval_runs` (`status`);--> statement-breakpoint
CREATE TABLE `eval_scores` (
	`id` text PRIMARY KEY NOT NULL,
	`result_id` text NOT NULL,
	`run_id` text NOT NULL,
	`target_id` text NOT NULL,
	`scorer_key` text NOT NULL,
	`score` real,
	`passed` integer NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`error` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`result_id`) REFERENCES `eval_results`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`run_id`) REFERENCES `eval_runs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`target_id`) REFERENCES `eval_run_targets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `eval_scores_result_scorer` ON `eval_scores` (`result_id`,`scorer_key`);--> statement-breakpoint
CREATE INDEX `eval_scores_target_scorer` ON `eval_scores` (`target_id`,`scorer_key`);--> statement-breakpoint
CREATE INDEX `eval_scores_run_scorer` ON `eval_scores` (`run_id`,`scorer_key`);--> statement-breakpoint
CREATE TABLE `feedback_tags` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`name` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `feedback_tags_workspace_name` ON `feedback_tags` (`workspace_id`,`name`);--> statement-breakpoint
CREATE TABLE `generation_feedback` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`generation_id` text NOT NULL,
	`score` real NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`metadata` text DEFAULT '{}' NOT NULL,
	`api_key_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`generation_id`) REFERENCES `generations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`api_key_id`) REFERENCES `api_keys`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `generation_feedback_generation` ON `generation_feedback` (`generation_id`);--> statement-breakpoint
CREATE INDEX `generation_feedback_workspace_created` ON `generation_feedback` (`workspace_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `generations` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`prompt_id` text NOT NULL,
	`version` integer NOT NULL,
	`environment_id` text,
	`variables` text NOT NULL,
	`output` text NOT NULL,
	`model_id` text DEFAULT '' NOT NULL,
	`input_tokens` integer,
	`output_tokens` integer,
	`cost_usd` real,
	`latency_ms` integer,
	`metadata` text DEFAULT '{}' NOT NULL,
	`api_key_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`prompt_id`) REFERENCES `prompts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`environment_id`) REFERENCES `environments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`api_key_id`) REFERENCES `api_keys`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `generations_workspace_created` ON `generations` (`workspace_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `generations_prompt_version_created` ON `generations` (`prompt_id`,`version`,`created_at`);--> statement-breakpoint
CREATE INDEX `generations_environment_created` ON `generations` (`environment_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `rating_scores` (
	`rating_id` text NOT NULL,
	`criterion` text NOT NULL,
	`value` real NOT NULL,
	`score` real NOT NULL,
	FOREIGN KEY (`rating_id`) REFERENCES `ratings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rating_scores_rating_criterion` ON `rating_scores` (`rating_id`,`criterion`);--> statement-breakpoint
CREATE INDEX `rating_scores_criterion` ON `rating_scores` (`criterion`);--> statement-breakpoint
CREATE TABLE `ratings` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`queue_id` text NOT NULL,
	`item_id` text NOT NULL,
	`reviewer_id` text NOT NULL,
	`value` text NOT NULL,
	`score` real,
	`comment` text DEFAULT '' NOT NULL,
	`tags` text DEFAULT '[]' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`queue_id`) REFERENCES `review_queues`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`item_id`) REFERENCES `review_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ratings_item_reviewer` ON `ratings` (`item_id`,`reviewer_id`);--> statement-breakpoint
CREATE INDEX `ratings_queue_reviewer` ON `ratings` (`queue_id`,`reviewer_id`);--> statement-breakpoint
CREATE INDEX `ratings_workspace_created` ON `ratings` (`workspace_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `review_items` (
	`id` text PRIMARY KEY NOT NULL,
	`queue_id` text NOT NULL,
	`position` integer NOT NULL,
	`source_type` text NOT NULL,
	`source_id` text NOT NULL,
	`pair_source_id` text DEFAULT '' NOT NULL,
	`prompt_id` text,
	`version` integer,
	`environment_id` text,
	`model_id` text DEFAULT '' NOT NULL,
	`variables` text NOT NULL,
	`rendered_prompt` text DEFAULT '' NOT NULL,
	`output` text NOT NULL,
	`pair_version` integer,
	`pair_model_id` text,
	`pair_output` text,
	`pair_swapped` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`queue_id`) REFERENCES `review_queues`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`prompt_id`) REFERENCES `prompts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`environment_id`) REFERENCES `environments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `review_items_queue_source` ON `review_items` (`queue_id`,`source_type`,`source_id`,`pair_source_id`);--> statement-breakpoint
CREATE INDEX `review_items_queue_position` ON `review_items` (`queue_id`,`position`);--> statement-breakpoint
CREATE INDEX `review_items_prompt_version` ON `review_items` (`prompt_id`,`version`);--> statement-breakpoint
CREATE TABLE `review_queue_assignees` (
	`queue_id` text NOT NULL,
	`user_id` text NOT NULL,
	FOREIGN KEY (`queue_id`) REFERENCES `review_queues`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `review_queue_assignees_pk` ON `review_queue_assignees` (`queue_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `review_queue_assignees_user` ON `review_queue_assignees` (`user_id`);--> statement-breakpoint
CREATE TABLE `review_queues` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`name` text NOT NULL,
	`instructions` text DEFAULT '' NOT NULL,
	`scheme` text NOT NULL,
	`reviewers_per_item` integer DEFAULT 1 NOT NULL,
	`source_filter` text DEFAULT '{}' NOT NULL,
	`archived_at` integer,
	`created_by_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `review_queues_workspace_name` ON `review_queues` (`workspace_id`,`name`);