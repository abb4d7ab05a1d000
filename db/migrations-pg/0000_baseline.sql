CREATE TABLE "login_attempts" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer NOT NULL,
	"window_started_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"user_id" text NOT NULL,
	"role" text NOT NULL,
	"disabled_at" bigint,
	"created_at" bigint NOT NULL,
	CONSTRAINT "memberships_role_valid" CHECK ("memberships"."role" in ('admin','lead','editor','reviewer','viewer'))
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"created_at" bigint NOT NULL,
	"last_seen_at" bigint NOT NULL,
	"expires_at" bigint NOT NULL,
	"revoked_at" bigint,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"disabled_at" bigint,
	"created_at" bigint NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "workspaces" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" bigint NOT NULL,
	CONSTRAINT "workspaces_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "prompt_versions" (
	"id" text PRIMARY KEY NOT NULL,
	"prompt_id" text NOT NULL,
	"version" integer NOT NULL,
	"type" text NOT NULL,
	"template" text,
	"messages" jsonb,
	"model_config" jsonb DEFAULT '{}' NOT NULL,
	"commit_message" text NOT NULL,
	"author_id" text,
	"parent_version" integer,
	"created_at" bigint NOT NULL,
	"provenance" jsonb,
	CONSTRAINT "prompt_versions_version_positive" CHECK ("prompt_versions"."version" >= 1),
	CONSTRAINT "prompt_versions_body_matches_type" CHECK (("prompt_versions"."type" = 'text' and "prompt_versions"."template" is not null and "prompt_versions"."messages" is null) or ("prompt_versions"."type" = 'chat' and "prompt_versions"."messages" is not null and "prompt_versions"."template" is null))
);
--> statement-breakpoint
CREATE TABLE "prompts" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"tags" jsonb DEFAULT '[]' NOT NULL,
	"archived_at" bigint,
	"created_by_id" text,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "prompts_type_valid" CHECK ("prompts"."type" in ('text','chat'))
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"name" text NOT NULL,
	"scope" text NOT NULL,
	"prefix" text NOT NULL,
	"secret_hash" text NOT NULL,
	"created_by_id" text,
	"created_at" bigint NOT NULL,
	"last_used_at" bigint,
	"revoked_at" bigint,
	CONSTRAINT "api_keys_secret_hash_unique" UNIQUE("secret_hash")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text,
	"actor_user_id" text,
	"actor_api_key_id" text,
	"actor_label" text NOT NULL,
	"action" text NOT NULL,
	"object_type" text NOT NULL,
	"object_id" text,
	"before" jsonb,
	"after" jsonb,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "provider_configs" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"slug" text NOT NULL,
	"kind" text NOT NULL,
	"label" text NOT NULL,
	"base_url" text,
	"api_key_ciphertext" text,
	"models" jsonb DEFAULT '[]' NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_attempts" (
	"id" text PRIMARY KEY NOT NULL,
	"delivery_id" text NOT NULL,
	"attempt" integer NOT NULL,
	"status_code" integer,
	"error" text,
	"duration_ms" integer NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" text PRIMARY KEY NOT NULL,
	"webhook_id" text NOT NULL,
	"workspace_id" text NOT NULL,
	"event" text NOT NULL,
	"payload" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" bigint NOT NULL,
	"locked_until" bigint,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhooks" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"url" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"secret_ciphertext" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by_id" text,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deployments" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"environment_id" text NOT NULL,
	"prompt_id" text NOT NULL,
	"kind" text NOT NULL,
	"from_version" integer,
	"to_version" integer NOT NULL,
	"requested_by_id" text,
	"requested_by_label" text NOT NULL,
	"approved_by_id" text,
	"approved_by_label" text,
	"promotion_request_id" text,
	"comment" text DEFAULT '' NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "environment_pointers" (
	"environment_id" text NOT NULL,
	"prompt_id" text NOT NULL,
	"version" integer NOT NULL,
	"deployment_id" text NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "environments" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"is_protected" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 100 NOT NULL,
	"gate_dataset_id" text,
	"gate_min_pass_rate" integer,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "promotion_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"prompt_id" text NOT NULL,
	"environment_id" text NOT NULL,
	"version" integer NOT NULL,
	"base_version" integer,
	"requested_by_id" text,
	"requested_by_api_key_id" text,
	"requested_by_label" text NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by_id" text,
	"decided_by_label" text,
	"decision_reason" text,
	"decided_at" bigint,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "delivery_state" (
	"id" integer PRIMARY KEY NOT NULL,
	"epoch" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "playground_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"prompt_id" text NOT NULL,
	"batch_id" text NOT NULL,
	"column_index" integer NOT NULL,
	"version" integer,
	"content_hash" text NOT NULL,
	"draft_content" jsonb,
	"model_id" text NOT NULL,
	"settings" jsonb NOT NULL,
	"variables" jsonb NOT NULL,
	"input" jsonb NOT NULL,
	"prompt_message_count" integer NOT NULL,
	"output" text DEFAULT '' NOT NULL,
	"tool_calls" jsonb DEFAULT '[]' NOT NULL,
	"status" text NOT NULL,
	"finish_reason" text,
	"input_tokens" integer,
	"output_tokens" integer,
	"usage_estimated" boolean DEFAULT false NOT NULL,
	"cost_usd" double precision,
	"time_to_first_token_ms" integer,
	"latency_ms" integer,
	"error_code" text,
	"error_message" text,
	"user_id" text,
	"created_at" bigint NOT NULL,
	CONSTRAINT "playground_runs_status_valid" CHECK ("playground_runs"."status" in ('succeeded','failed','cancelled')),
	CONSTRAINT "playground_runs_draft_or_version" CHECK (("playground_runs"."version" is null) = ("playground_runs"."draft_content" is not null))
);
--> statement-breakpoint
CREATE TABLE "variable_sets" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"prompt_id" text NOT NULL,
	"name" text NOT NULL,
	"values" jsonb NOT NULL,
	"created_by_id" text,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dataset_cases" (
	"id" text PRIMARY KEY NOT NULL,
	"dataset_id" text NOT NULL,
	"position" integer NOT NULL,
	"variables" jsonb NOT NULL,
	"expected_output" text,
	"tags" jsonb DEFAULT '[]' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"assertions" jsonb DEFAULT '[]' NOT NULL,
	"source_run_id" text,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "datasets" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"default_scorers" jsonb DEFAULT '[]' NOT NULL,
	"archived_at" bigint,
	"created_by_id" text,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "eval_results" (
	"id" text PRIMARY KEY NOT NULL,
	"run_id" text NOT NULL,
	"target_id" text NOT NULL,
	"run_case_id" text NOT NULL,
	"status" text NOT NULL,
	"score" double precision,
	"rendered_input" text DEFAULT '' NOT NULL,
	"output" text DEFAULT '' NOT NULL,
	"input_tokens" integer,
	"output_tokens" integer,
	"cost_usd" double precision,
	"latency_ms" integer,
	"attempts" integer DEFAULT 1 NOT NULL,
	"error_code" text,
	"error_message" text,
	"created_at" bigint NOT NULL,
	CONSTRAINT "eval_results_status_valid" CHECK ("eval_results"."status" in ('passed','failed','error','unscored'))
);
--> statement-breakpoint
CREATE TABLE "eval_run_cases" (
	"id" text PRIMARY KEY NOT NULL,
	"run_id" text NOT NULL,
	"case_id" text,
	"position" integer NOT NULL,
	"variables" jsonb NOT NULL,
	"expected_output" text,
	"tags" jsonb DEFAULT '[]' NOT NULL,
	"assertions" jsonb DEFAULT '[]' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "eval_run_targets" (
	"id" text PRIMARY KEY NOT NULL,
	"run_id" text NOT NULL,
	"position" integer NOT NULL,
	"prompt_id" text NOT NULL,
	"version" integer NOT NULL,
	"environment_id" text,
	"model_id" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "eval_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"dataset_id" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"model_id" text,
	"scorers" jsonb NOT NULL,
	"concurrency" integer DEFAULT 4 NOT NULL,
	"case_timeout_ms" integer DEFAULT 60000 NOT NULL,
	"max_retries" integer DEFAULT 3 NOT NULL,
	"total_cases" integer NOT NULL,
	"source" text DEFAULT 'ui' NOT NULL,
	"error_message" text,
	"created_by_id" text,
	"api_key_id" text,
	"created_at" bigint NOT NULL,
	"started_at" bigint,
	"finished_at" bigint,
	"heartbeat_at" bigint,
	"worker_id" text,
	CONSTRAINT "eval_runs_status_valid" CHECK ("eval_runs"."status" in ('queued','running','interrupted','cancelled','completed','failed'))
);
--> statement-breakpoint
CREATE TABLE "eval_scores" (
	"id" text PRIMARY KEY NOT NULL,
	"result_id" text NOT NULL,
	"run_id" text NOT NULL,
	"target_id" text NOT NULL,
	"scorer_key" text NOT NULL,
	"score" double precision,
	"passed" boolean NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"error" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "generation_feedback" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"generation_id" text NOT NULL,
	"score" double precision NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"metadata" jsonb DEFAULT '{}' NOT NULL,
	"api_key_id" text,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "generations" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"prompt_id" text NOT NULL,
	"version" integer NOT NULL,
	"environment_id" text,
	"variables" jsonb NOT NULL,
	"output" text NOT NULL,
	"model_id" text DEFAULT '' NOT NULL,
	"input_tokens" integer,
	"output_tokens" integer,
	"cost_usd" double precision,
	"latency_ms" integer,
	"metadata" jsonb DEFAULT '{}' NOT NULL,
	"api_key_id" text,
	"feedback_count" integer DEFAULT 0 NOT NULL,
	"feedback_score" double precision,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback_tags" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"name" text NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rating_scores" (
	"rating_id" text NOT NULL,
	"criterion" text NOT NULL,
	"value" double precision NOT NULL,
	"score" double precision NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ratings" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"queue_id" text NOT NULL,
	"item_id" text NOT NULL,
	"reviewer_id" text NOT NULL,
	"value" jsonb NOT NULL,
	"score" double precision,
	"comment" text DEFAULT '' NOT NULL,
	"tags" jsonb DEFAULT '[]' NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_items" (
	"id" text PRIMARY KEY NOT NULL,
	"queue_id" text NOT NULL,
	"position" integer NOT NULL,
	"source_type" text NOT NULL,
	"source_id" text NOT NULL,
	"pair_source_id" text DEFAULT '' NOT NULL,
	"prompt_id" text,
	"version" integer,
	"environment_id" text,
	"model_id" text DEFAULT '' NOT NULL,
	"variables" jsonb NOT NULL,
	"rendered_prompt" text DEFAULT '' NOT NULL,
	"output" text NOT NULL,
	"pair_version" integer,
	"pair_model_id" text,
	"pair_output" text,
	"pair_swapped" boolean DEFAULT false NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_queue_assignees" (
	"queue_id" text NOT NULL,
	"user_id" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_queues" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"name" text NOT NULL,
	"instructions" text DEFAULT '' NOT NULL,
	"scheme" jsonb NOT NULL,
	"reviewers_per_item" integer DEFAULT 1 NOT NULL,
	"source_filter" jsonb DEFAULT '{}' NOT NULL,
	"archived_at" bigint,
	"created_by_id" text,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prompt_versions" ADD CONSTRAINT "prompt_versions_prompt_id_prompts_id_fk" FOREIGN KEY ("prompt_id") REFERENCES "public"."prompts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prompt_versions" ADD CONSTRAINT "prompt_versions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prompts" ADD CONSTRAINT "prompts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prompts" ADD CONSTRAINT "prompts_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_api_key_id_api_keys_id_fk" FOREIGN KEY ("actor_api_key_id") REFERENCES "public"."api_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_configs" ADD CONSTRAINT "provider_configs_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_attempts" ADD CONSTRAINT "webhook_attempts_delivery_id_webhook_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."webhook_deliveries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_webhook_id_webhooks_id_fk" FOREIGN KEY ("webhook_id") REFERENCES "public"."webhooks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhooks" ADD CONSTRAINT "webhooks_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhooks" ADD CONSTRAINT "webhooks_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deployments" ADD CONSTRAINT "deployments_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deployments" ADD CONSTRAINT "deployments_environment_id_environments_id_fk" FOREIGN KEY ("environment_id") REFERENCES "public"."environments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deployments" ADD CONSTRAINT "deployments_prompt_id_prompts_id_fk" FOREIGN KEY ("prompt_id") REFERENCES "public"."prompts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deployments" ADD CONSTRAINT "deployments_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deployments" ADD CONSTRAINT "deployments_approved_by_id_users_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "environment_pointers" ADD CONSTRAINT "environment_pointers_environment_id_environments_id_fk" FOREIGN KEY ("environment_id") REFERENCES "public"."environments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "environment_pointers" ADD CONSTRAINT "environment_pointers_prompt_id_prompts_id_fk" FOREIGN KEY ("prompt_id") REFERENCES "public"."prompts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "environments" ADD CONSTRAINT "environments_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promotion_requests" ADD CONSTRAINT "promotion_requests_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promotion_requests" ADD CONSTRAINT "promotion_requests_prompt_id_prompts_id_fk" FOREIGN KEY ("prompt_id") REFERENCES "public"."prompts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promotion_requests" ADD CONSTRAINT "promotion_requests_environment_id_environments_id_fk" FOREIGN KEY ("environment_id") REFERENCES "public"."environments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promotion_requests" ADD CONSTRAINT "promotion_requests_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promotion_requests" ADD CONSTRAINT "promotion_requests_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playground_runs" ADD CONSTRAINT "playground_runs_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playground_runs" ADD CONSTRAINT "playground_runs_prompt_id_prompts_id_fk" FOREIGN KEY ("prompt_id") REFERENCES "public"."prompts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "playground_runs" ADD CONSTRAINT "playground_runs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "variable_sets" ADD CONSTRAINT "variable_sets_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "variable_sets" ADD CONSTRAINT "variable_sets_prompt_id_prompts_id_fk" FOREIGN KEY ("prompt_id") REFERENCES "public"."prompts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "variable_sets" ADD CONSTRAINT "variable_sets_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dataset_cases" ADD CONSTRAINT "dataset_cases_dataset_id_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."datasets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dataset_cases" ADD CONSTRAINT "dataset_cases_source_run_id_playground_runs_id_fk" FOREIGN KEY ("source_run_id") REFERENCES "public"."playground_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "datasets" ADD CONSTRAINT "datasets_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "datasets" ADD CONSTRAINT "datasets_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_results" ADD CONSTRAINT "eval_results_run_id_eval_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."eval_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_results" ADD CONSTRAINT "eval_results_target_id_eval_run_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."eval_run_targets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_results" ADD CONSTRAINT "eval_results_run_case_id_eval_run_cases_id_fk" FOREIGN KEY ("run_case_id") REFERENCES "public"."eval_run_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_run_cases" ADD CONSTRAINT "eval_run_cases_run_id_eval_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."eval_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_run_targets" ADD CONSTRAINT "eval_run_targets_run_id_eval_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."eval_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_run_targets" ADD CONSTRAINT "eval_run_targets_prompt_id_prompts_id_fk" FOREIGN KEY ("prompt_id") REFERENCES "public"."prompts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_run_targets" ADD CONSTRAINT "eval_run_targets_environment_id_environments_id_fk" FOREIGN KEY ("environment_id") REFERENCES "public"."environments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_runs" ADD CONSTRAINT "eval_runs_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_runs" ADD CONSTRAINT "eval_runs_dataset_id_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."datasets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_runs" ADD CONSTRAINT "eval_runs_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_runs" ADD CONSTRAINT "eval_runs_api_key_id_api_keys_id_fk" FOREIGN KEY ("api_key_id") REFERENCES "public"."api_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_scores" ADD CONSTRAINT "eval_scores_result_id_eval_results_id_fk" FOREIGN KEY ("result_id") REFERENCES "public"."eval_results"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_scores" ADD CONSTRAINT "eval_scores_run_id_eval_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."eval_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_scores" ADD CONSTRAINT "eval_scores_target_id_eval_run_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."eval_run_targets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "generation_feedback" ADD CONSTRAINT "generation_feedback_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "generation_feedback" ADD CONSTRAINT "generation_feedback_generation_id_generations_id_fk" FOREIGN KEY ("generation_id") REFERENCES "public"."generations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "generation_feedback" ADD CONSTRAINT "generation_feedback_api_key_id_api_keys_id_fk" FOREIGN KEY ("api_key_id") REFERENCES "public"."api_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "generations" ADD CONSTRAINT "generations_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "generations" ADD CONSTRAINT "generations_prompt_id_prompts_id_fk" FOREIGN KEY ("prompt_id") REFERENCES "public"."prompts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "generations" ADD CONSTRAINT "generations_environment_id_environments_id_fk" FOREIGN KEY ("environment_id") REFERENCES "public"."environments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "generations" ADD CONSTRAINT "generations_api_key_id_api_keys_id_fk" FOREIGN KEY ("api_key_id") REFERENCES "public"."api_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_tags" ADD CONSTRAINT "feedback_tags_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rating_scores" ADD CONSTRAINT "rating_scores_rating_id_ratings_id_fk" FOREIGN KEY ("rating_id") REFERENCES "public"."ratings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_queue_id_review_queues_id_fk" FOREIGN KEY ("queue_id") REFERENCES "public"."review_queues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_item_id_review_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."review_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_items" ADD CONSTRAINT "review_items_queue_id_review_queues_id_fk" FOREIGN KEY ("queue_id") REFERENCES "public"."review_queues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_items" ADD CONSTRAINT "review_items_prompt_id_prompts_id_fk" FOREIGN KEY ("prompt_id") REFERENCES "public"."prompts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_items" ADD CONSTRAINT "review_items_environment_id_environments_id_fk" FOREIGN KEY ("environment_id") REFERENCES "public"."environments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_queue_assignees" ADD CONSTRAINT "review_queue_assignees_queue_id_review_queues_id_fk" FOREIGN KEY ("queue_id") REFERENCES "public"."review_queues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_queue_assignees" ADD CONSTRAINT "review_queue_assignees_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_queues" ADD CONSTRAINT "review_queues_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_queues" ADD CONSTRAINT "review_queues_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "memberships_workspace_user" ON "memberships" USING btree ("workspace_id","user_id");--> statement-breakpoint
CREATE INDEX "memberships_user" ON "memberships" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_user" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "prompt_versions_prompt_version" ON "prompt_versions" USING btree ("prompt_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "prompts_workspace_name" ON "prompts" USING btree ("workspace_id","name");--> statement-breakpoint
CREATE INDEX "prompts_workspace_updated" ON "prompts" USING btree ("workspace_id","updated_at");--> statement-breakpoint
CREATE INDEX "api_keys_workspace" ON "api_keys" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "audit_log_workspace_created" ON "audit_log" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "provider_configs_workspace_slug" ON "provider_configs" USING btree ("workspace_id","slug");--> statement-breakpoint
CREATE INDEX "webhook_attempts_delivery" ON "webhook_attempts" USING btree ("delivery_id","attempt");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_due" ON "webhook_deliveries" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_webhook" ON "webhook_deliveries" USING btree ("webhook_id","created_at");--> statement-breakpoint
CREATE INDEX "webhooks_workspace" ON "webhooks" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "deployments_prompt_created" ON "deployments" USING btree ("prompt_id","created_at");--> statement-breakpoint
CREATE INDEX "deployments_environment_created" ON "deployments" USING btree ("environment_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "environment_pointers_env_prompt" ON "environment_pointers" USING btree ("environment_id","prompt_id");--> statement-breakpoint
CREATE INDEX "environment_pointers_prompt" ON "environment_pointers" USING btree ("prompt_id");--> statement-breakpoint
CREATE UNIQUE INDEX "environments_workspace_slug" ON "environments" USING btree ("workspace_id","slug");--> statement-breakpoint
CREATE INDEX "promotion_requests_workspace_status" ON "promotion_requests" USING btree ("workspace_id","status","created_at");--> statement-breakpoint
CREATE INDEX "promotion_requests_prompt" ON "promotion_requests" USING btree ("prompt_id","created_at");--> statement-breakpoint
CREATE INDEX "playground_runs_prompt_created" ON "playground_runs" USING btree ("prompt_id","created_at");--> statement-breakpoint
CREATE INDEX "playground_runs_batch" ON "playground_runs" USING btree ("batch_id","column_index");--> statement-breakpoint
CREATE UNIQUE INDEX "variable_sets_prompt_name" ON "variable_sets" USING btree ("prompt_id","name");--> statement-breakpoint
CREATE INDEX "dataset_cases_dataset_position" ON "dataset_cases" USING btree ("dataset_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "datasets_workspace_name" ON "datasets" USING btree ("workspace_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "eval_results_target_case" ON "eval_results" USING btree ("target_id","run_case_id");--> statement-breakpoint
CREATE INDEX "eval_results_run_status" ON "eval_results" USING btree ("run_id","status");--> statement-breakpoint
CREATE INDEX "eval_results_target_summary" ON "eval_results" USING btree ("target_id","status","score","cost_usd","latency_ms");--> statement-breakpoint
CREATE UNIQUE INDEX "eval_run_cases_run_position" ON "eval_run_cases" USING btree ("run_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "eval_run_targets_run_position" ON "eval_run_targets" USING btree ("run_id","position");--> statement-breakpoint
CREATE INDEX "eval_run_targets_prompt_version" ON "eval_run_targets" USING btree ("prompt_id","version");--> statement-breakpoint
CREATE INDEX "eval_runs_workspace_created" ON "eval_runs" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "eval_runs_dataset_created" ON "eval_runs" USING btree ("dataset_id","created_at");--> statement-breakpoint
CREATE INDEX "eval_runs_status" ON "eval_runs" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "eval_scores_result_scorer" ON "eval_scores" USING btree ("result_id","scorer_key");--> statement-breakpoint
CREATE INDEX "eval_scores_target_scorer" ON "eval_scores" USING btree ("target_id","scorer_key");--> statement-breakpoint
CREATE INDEX "eval_scores_run_scorer" ON "eval_scores" USING btree ("run_id","scorer_key");--> statement-breakpoint
CREATE INDEX "eval_scores_target_summary" ON "eval_scores" USING btree ("target_id","scorer_key","passed","score");--> statement-breakpoint
CREATE INDEX "eval_scores_result_summary" ON "eval_scores" USING btree ("result_id","run_id","scorer_key","score","passed","error");--> statement-breakpoint
CREATE INDEX "generation_feedback_generation" ON "generation_feedback" USING btree ("generation_id");--> statement-breakpoint
CREATE INDEX "generation_feedback_generation_score" ON "generation_feedback" USING btree ("generation_id","score");--> statement-breakpoint
CREATE INDEX "generation_feedback_workspace_created" ON "generation_feedback" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "generations_workspace_created" ON "generations" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "generations_prompt_version_created" ON "generations" USING btree ("prompt_id","version","created_at");--> statement-breakpoint
CREATE INDEX "generations_environment_created" ON "generations" USING btree ("environment_id","created_at");--> statement-breakpoint
CREATE INDEX "generations_workspace_environment_feedback" ON "generations" USING btree ("workspace_id","environment_id","created_at","prompt_id","model_id","feedback_score");--> statement-breakpoint
CREATE INDEX "generations_workspace_model" ON "generations" USING btree ("workspace_id","model_id");--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_tags_workspace_name" ON "feedback_tags" USING btree ("workspace_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "rating_scores_rating_criterion" ON "rating_scores" USING btree ("rating_id","criterion");--> statement-breakpoint
CREATE INDEX "rating_scores_criterion" ON "rating_scores" USING btree ("criterion");--> statement-breakpoint
CREATE INDEX "rating_scores_rating_criterion_score" ON "rating_scores" USING btree ("rating_id","criterion","score");--> statement-breakpoint
CREATE UNIQUE INDEX "ratings_item_reviewer" ON "ratings" USING btree ("item_id","reviewer_id");--> statement-breakpoint
CREATE INDEX "ratings_queue_reviewer" ON "ratings" USING btree ("queue_id","reviewer_id");--> statement-breakpoint
CREATE INDEX "ratings_workspace_created" ON "ratings" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "review_items_queue_source" ON "review_items" USING btree ("queue_id","source_type","source_id","pair_source_id");--> statement-breakpoint
CREATE INDEX "review_items_queue_position" ON "review_items" USING btree ("queue_id","position");--> statement-breakpoint
CREATE INDEX "review_items_prompt_version" ON "review_items" USING btree ("prompt_id","version");--> statement-breakpoint
CREATE INDEX "review_items_queue_model" ON "review_items" USING btree ("queue_id","model_id");--> statement-breakpoint
CREATE UNIQUE INDEX "review_queue_assignees_pk" ON "review_queue_assignees" USING btree ("queue_id","user_id");--> statement-breakpoint
CREATE INDEX "review_queue_assignees_user" ON "review_queue_assignees" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "review_queues_workspace_name" ON "review_queues" USING btree ("workspace_id","name");