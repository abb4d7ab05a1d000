CREATE TABLE `optimization_candidates` (
	`id` text PRIMARY KEY NOT NULL,
	`run_id` text NOT NULL,
	`key` text NOT NULL,
	`round` integer NOT NULL,
	`origin` text NOT NULL,
	`detail` text DEFAULT '' NOT NULL,
	`parent_key` text,
	`template` text,
	`messages` text,
	`train_score` real,
	`validation_score` real,
	`held_out_score` real,
	`calls` integer DEFAULT 0 NOT NULL,
	`cost_usd` real DEFAULT 0 NOT NULL,
	`search_eval_run_id` text,
	`held_out_eval_run_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `optimization_runs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`search_eval_run_id`) REFERENCES `eval_runs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`held_out_eval_run_id`) REFERENCES `eval_runs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `optimization_candidates_run_key` ON `optimization_candidates` (`run_id`,`key`);--> statement-breakpoint
CREATE INDEX `optimization_candidates_run_round` ON `optimization_candidates` (`run_id`,`round`);--> statement-breakpoint
CREATE TABLE `optimization_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`prompt_id` text NOT NULL,
	`base_version` integer NOT NULL,
	`dataset_id` text NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`strategy` text NOT NULL,
	`metric` text NOT NULL,
	`task_model_id` text NOT NULL,
	`proposer_model_id` text NOT NULL,
	`budget` text NOT NULL,
	`settings` text NOT NULL,
	`split` text,
	`proposals` text DEFAULT '[]' NOT NULL,
	`progress` text,
	`outcome` text,
	`error_message` text,
	`source` text DEFAULT 'ui' NOT NULL,
	`saved_version` integer,
	`created_by_id` text,
	`api_key_id` text,
	`created_at` integer NOT NULL,
	`started_at` integer,
	`finished_at` integer,
	`heartbeat_at` integer,
	`worker_id` text,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`prompt_id`) REFERENCES `prompts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`dataset_id`) REFERENCES `datasets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`api_key_id`) REFERENCES `api_keys`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "optimization_runs_status_valid" CHECK("optimization_runs"."status" in ('queued','running','interrupted','cancelled','completed','failed')),
	CONSTRAINT "optimization_runs_strategy_valid" CHECK("optimization_runs"."strategy" in ('instruction','few-shot','both'))
);
--> statement-breakpoint
CREATE INDEX `optimization_runs_prompt_created` ON `optimization_runs` (`prompt_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `optimization_runs_status` ON `optimization_runs` (`status`);--> statement-breakpoint
ALTER TABLE `eval_run_targets` ADD `content` text;