CREATE TABLE `playground_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`prompt_id` text NOT NULL,
	`batch_id` text NOT NULL,
	`column_index` integer NOT NULL,
	`version` integer,
	`content_hash` text NOT NULL,
	`draft_content` text,
	`model_id` text NOT NULL,
	`settings` text NOT NULL,
	`variables` text NOT NULL,
	`input` text NOT NULL,
	`prompt_message_count` integer NOT NULL,
	`output` text DEFAULT '' NOT NULL,
	`tool_calls` text DEFAULT '[]' NOT NULL,
	`status` text NOT NULL,
	`finish_reason` text,
	`input_tokens` integer,
	`output_tokens` integer,
	`usage_estimated` integer DEFAULT false NOT NULL,
	`cost_usd` real,
	`time_to_first_token_ms` integer,
	`latency_ms` integer,
	`error_code` text,
	`error_message` text,
	`user_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`prompt_id`) REFERENCES `prompts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "playground_runs_status_valid" CHECK("playground_runs"."status" in ('succeeded','failed','cancelled')),
	CONSTRAINT "playground_runs_draft_or_version" CHECK(("playground_runs"."version" is null) = ("playground_runs"."draft_content" is not null))
);
--> statement-breakpoint
CREATE INDEX `playground_runs_prompt_created` ON `playground_runs` (`prompt_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `playground_runs_batch` ON `playground_runs` (`batch_id`,`column_index`);--> statement-breakpoint
CREATE TABLE `variable_sets` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`prompt_id` text NOT NULL,
	`name` text NOT NULL,
	`values` text NOT NULL,
	`created_by_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`prompt_id`) REFERENCES `prompts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `variable_sets_prompt_name` ON `variable_sets` (`prompt_id`,`name`);