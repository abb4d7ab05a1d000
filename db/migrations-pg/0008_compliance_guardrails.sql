CREATE TABLE "guard_block_counts" (
	"workspace_id" text NOT NULL,
	"prompt_id" text NOT NULL,
	"version" integer NOT NULL,
	"rule" text NOT NULL,
	"action" text NOT NULL,
	"surface" text NOT NULL,
	"day" integer NOT NULL,
	"count" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "lint_severities" jsonb DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "environments" ADD COLUMN "compliance_gates" jsonb DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "promotion_requests" ADD COLUMN "lint_report" jsonb;--> statement-breakpoint
ALTER TABLE "promotion_requests" ADD COLUMN "gate_override" jsonb;--> statement-breakpoint
ALTER TABLE "datasets" ADD COLUMN "red_team" jsonb;--> statement-breakpoint
ALTER TABLE "guard_block_counts" ADD CONSTRAINT "guard_block_counts_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guard_block_counts" ADD CONSTRAINT "guard_block_counts_prompt_id_prompts_id_fk" FOREIGN KEY ("prompt_id") REFERENCES "public"."prompts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "guard_block_counts_key" ON "guard_block_counts" USING btree ("prompt_id","version","rule","action","surface","day");--> statement-breakpoint
CREATE INDEX "guard_block_counts_workspace_day" ON "guard_block_counts" USING btree ("workspace_id","day");