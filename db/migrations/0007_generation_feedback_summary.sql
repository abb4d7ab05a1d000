DROP INDEX `generations_workspace_environment_created`;--> statement-breakpoint
ALTER TABLE `generations` ADD `feedback_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `generations` ADD `feedback_score` real;--> statement-breakpoint
CREATE INDEX `generations_workspace_environment_feedback` ON `generations` (`workspace_id`,`environment_id`,`created_at`,`prompt_id`,`model_id`,`feedback_score`);--> statement-breakpoint
-- End-user feedback is append-only; each report updates its generation's count and running mean in the same statement.
CREATE TRIGGER generation_feedback_summary AFTER INSERT ON generation_feedback
BEGIN
  UPDATE generations
     SET feedback_score = (coalesce(feedback_score, 0) * feedback_count + NEW.score) / (feedback_count + 1),
         feedback_count = feedback_count + 1
   WHERE id = NEW.generation_id;
END;
--> statement-breakpoint
CREATE TRIGGER generation_feedback_no_update BEFORE UPDATE ON generation_feedback
BEGIN
  SELECT RAISE(ABORT, 'end-user feedback is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER generation_feedback_no_delete BEFORE DELETE ON generation_feedback
BEGIN
  SELECT RAISE(ABORT, 'end-user feedback is append-only');
END;
--> statement-breakpoint
UPDATE generations
   SET feedback_count = (SELECT count(*) FROM generation_feedback f WHERE f.generation_id = generations.id),
       feedback_score = (SELECT avg(f.score) FROM generation_feedback f WHERE f.generation_id = generations.id)
 WHERE EXISTS (SELECT 1 FROM generation_feedback f WHERE f.generation_id = generations.id);
