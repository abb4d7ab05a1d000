CREATE TABLE `eval_case_leases` (
	`run_case_id` text PRIMARY KEY NOT NULL,
	`run_id` text NOT NULL,
	`worker_id` text NOT NULL,
	`leased_until` integer NOT NULL,
	FOREIGN KEY (`run_case_id`) REFERENCES `eval_run_cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`run_id`) REFERENCES `eval_runs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `eval_case_leases_run_worker` ON `eval_case_leases` (`run_id`,`worker_id`);