-- A case with no scorer is "unscored", not passed. SQLite cannot alter a CHECK, so eval_results is rebuilt. The
-- migrator runs inside one transaction, where PRAGMA foreign_keys is a no-op, so instead of drizzle-kit's
-- create-copy-drop-rename: the rows are parked in a plain copy, the table is dropped with foreign-key checks deferred
-- (eval_scores still points at its ids), recreated under its own name and refilled. Refilling the parent resolves
-- each deferred violation, so COMMIT finds none; renaming a copy into place would not.
PRAGMA defer_foreign_keys=ON;--> statement-breakpoint
CREATE TABLE `eval_results_rebuild_copy` AS SELECT * FROM `eval_results`;--> statement-breakpoint
DROP TABLE `eval_results`;--> statement-breakpoint
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
	CONSTRAINT "eval_results_status_valid" CHECK("eval_results"."status" in ('passed','failed','error','unscored'))
);
--> statement-breakpoint
INSERT INTO `eval_results`("id", "run_id", "target_id", "run_case_id", "status", "score", "rendered_input", "output", "input_tokens", "output_tokens", "cost_usd", "latency_ms", "attempts", "error_code", "error_message", "created_at") SELECT "id", "run_id", "target_id", "run_case_id", "status", "score", "rendered_input", "output", "input_tokens", "output_tokens", "cost_usd", "latency_ms", "attempts", "error_code", "error_message", "created_at" FROM `eval_results_rebuild_copy`;--> statement-breakpoint
DROP TABLE `eval_results_rebuild_copy`;--> statement-breakpoint
CREATE UNIQUE INDEX `eval_results_target_case` ON `eval_results` (`target_id`,`run_case_id`);--> statement-breakpoint
CREATE INDEX `eval_results_run_status` ON `eval_results` (`run_id`,`status`);--> statement-breakpoint
CREATE INDEX `eval_results_target_summary` ON `eval_results` (`target_id`,`status`,`score`,`cost_usd`,`latency_ms`);
