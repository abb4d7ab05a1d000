CREATE TABLE "optimization_candidates" (
	"id" text PRIMARY KEY NOT NULL,
	"run_id" text NOT NULL,
	"key" text NOT NULL,
	"round" integer NOT NULL,
	"origin" text NOT NULL,
	"detail" text DEFAULT '' NOT NULL,
	"parent_key" text,
	"template" text,
	"messages" jsonb,
	"train_score" double precision,
	"validation_score" double precision,
	"held_out_score" double precision,
	"calls" integer DEFAULT 0 NOT NULL,
	"cost_usd" double precision DEFAULT 0 NOT NULL,
	"search_eval_run_id" text,
	"held_out_eval_run_id" text,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "optimization_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"workspace_id" text NOT NULL,
	"prompt_id" text NOT NULL,
	"base_version" integer NOT NULL,
	"dataset_id" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"strategy" text NOT NULL,
	"metric" jsonb NOT NULL,
	"task_model_id" text NOT NULL,
	"proposer_model_id" text NOT NULL,
	"budget" jsonb NOT NULL,
	"settings" jsonb NOT NULL,
	"split" jsonb,
	"proposals" jsonb DEFAULT '[]' NOT NULL,
	"progress" jsonb,
	"outcome" jsonb,
	"error_message" text,
	"source" text DEFAULT 'ui' NOT NULL,
	"saved_version" integer,
	"created_by_id" text,
	"api_key_id" text,
	"created_at" bigint NOT NULL,
	"started_at" bigint,
	"finished_at" bigint,
	"heartbeat_at" bigint,
	"worker_id" text,
	CONSTRAINT "optimization_runs_status_valid" CHECK ("optimization_runs"."status" in ('queued','running','interrupted','cancelled','completed','failed')),
	CONSTRAINT "optimization_runs_strategy_valid" CHECK ("optimization_runs"."strategy" in ('instruction','few-shot','both'))
);
--> statement-breakpoint
ALTER TABLE "eval_run_targets" ADD COLUMN "content" jsonb;--> statement-breakpoint
ALTER TABLE "optimization_candidates" ADD CONSTRAINT "optimization_candidates_run_id_optimization_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."optimization_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "optimization_candidates" ADD CONSTRAINT "optimization_candidates_search_eval_run_id_eval_runs_id_fk" FOREIGN KEY ("search_eval_run_id") REFERENCES "public"."eval_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "optimization_candidates" ADD CONSTRAINT "optimization_candidates_held_out_eval_run_id_eval_runs_id_fk" FOREIGN KEY ("held_out_eval_run_id") REFERENCES "public"."eval_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "optimization_runs" ADD CONSTRAINT "optimization_runs_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "optimization_runs" ADD CONSTRAINT "optimization_runs_prompt_id_prompts_id_fk" FOREIGN KEY ("prompt_id") REFERENCES "public"."prompts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "optimization_runs" ADD CONSTRAINT "optimization_runs_dataset_id_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."datasets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "optimization_runs" ADD CONSTRAINT "optimization_runs_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "optimization_runs" ADD CONSTRAINT "optimization_runs_api_key_id_api_keys_id_fk" FOREIGN KEY ("api_key_id") REFERENCES "public"."api_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "optimization_candidates_run_key" ON "optimization_candidates" USING btree ("run_id","key");--> statement-breakpoint
CREATE INDEX "optimization_candidates_run_round" ON "optimization_candidates" USING btree ("run_id","round");--> statement-breakpoint
CREATE INDEX "optimization_runs_prompt_created" ON "optimization_runs" USING btree ("prompt_id","created_at");--> statement-breakpoint
CREATE INDEX "optimization_runs_status" ON "optimization_runs" USING btree ("status");