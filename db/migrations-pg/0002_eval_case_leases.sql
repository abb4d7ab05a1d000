CREATE TABLE "eval_case_leases" (
	"run_case_id" text PRIMARY KEY NOT NULL,
	"run_id" text NOT NULL,
	"worker_id" text NOT NULL,
	"leased_until" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "eval_case_leases" ADD CONSTRAINT "eval_case_leases_run_case_id_eval_run_cases_id_fk" FOREIGN KEY ("run_case_id") REFERENCES "public"."eval_run_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eval_case_leases" ADD CONSTRAINT "eval_case_leases_run_id_eval_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."eval_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "eval_case_leases_run_worker" ON "eval_case_leases" USING btree ("run_id","worker_id");