CREATE INDEX `eval_results_target_summary` ON `eval_results` (`target_id`,`status`,`score`,`cost_usd`,`latency_ms`);--> statement-breakpoint
CREATE INDEX `eval_scores_target_summary` ON `eval_scores` (`target_id`,`scorer_key`,`passed`,`score`);--> statement-breakpoint
CREATE INDEX `eval_scores_result_summary` ON `eval_scores` (`result_id`,`run_id`,`scorer_key`,`score`,`passed`,`error`);--> statement-breakpoint
CREATE INDEX `generation_feedback_generation_score` ON `generation_feedback` (`generation_id`,`score`);--> statement-breakpoint
CREATE INDEX `generations_workspace_environment_created` ON `generations` (`workspace_id`,`environment_id`,`created_at`,`prompt_id`,`model_id`,`id`);--> statement-breakpoint
CREATE INDEX `generations_workspace_model` ON `generations` (`workspace_id`,`model_id`);--> statement-breakpoint
CREATE INDEX `rating_scores_rating_criterion_score` ON `rating_scores` (`rating_id`,`criterion`,`score`);--> statement-breakpoint
CREATE INDEX `review_items_queue_model` ON `review_items` (`queue_id`,`model_id`);