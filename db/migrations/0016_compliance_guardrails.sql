CREATE TABLE `guard_block_counts` (
	`workspace_id` text NOT NULL,
	`prompt_id` text NOT NULL,
	`version` integer NOT NULL,
	`rule` text NOT NULL,
	`action` text NOT NULL,
	`surface` text NOT NULL,
	`day` integer NOT NULL,
	`count` integer NOT NULL,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`prompt_id`) REFERENCES `prompts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `guard_block_counts_key` ON `guard_block_counts` (`prompt_id`,`version`,`rule`,`action`,`surface`,`day`);--> statement-breakpoint
CREATE INDEX `guard_block_counts_workspace_day` ON `guard_block_counts` (`workspace_id`,`day`);--> statement-breakpoint
ALTER TABLE `workspaces` ADD `lint_severities` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `environments` ADD `compliance_gates` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `promotion_requests` ADD `lint_report` text;--> statement-breakpoint
ALTER TABLE `promotion_requests` ADD `gate_override` text;--> statement-breakpoint
ALTER TABLE `datasets` ADD `red_team` text;