-- What the database itself guarantees, as SQLite's triggers do (db/migrations 0001, 0003, 0007, 0008, 0011):
-- immutable versions, append-only history, a prompt's type fixed, pointers only at existing versions, the default
-- environments of a new workspace, the feedback summary, and the delivery cache epoch. On Postgres the epoch bump
-- also NOTIFYs 'delivery_epoch', which is delivered at commit, so every studio process learns of a change at once.

CREATE FUNCTION studio_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'restrict_violation';
END $$;
--> statement-breakpoint
CREATE TRIGGER prompt_versions_immutable BEFORE UPDATE OR DELETE ON prompt_versions
  FOR EACH ROW EXECUTE FUNCTION studio_refuse('prompt versions are immutable');
--> statement-breakpoint
CREATE TRIGGER deployments_append_only BEFORE UPDATE OR DELETE ON deployments
  FOR EACH ROW EXECUTE FUNCTION studio_refuse('deployment history is append-only');
--> statement-breakpoint
CREATE TRIGGER generation_feedback_append_only BEFORE UPDATE OR DELETE ON generation_feedback
  FOR EACH ROW EXECUTE FUNCTION studio_refuse('end-user feedback is append-only');
--> statement-breakpoint
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION studio_refuse('the audit log is append-only');
--> statement-breakpoint
CREATE FUNCTION studio_version_type_matches_prompt() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.type IS DISTINCT FROM (SELECT type FROM prompts WHERE id = NEW.prompt_id) THEN
    RAISE EXCEPTION 'a version must have the type of its prompt' USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER prompt_versions_type_matches_prompt BEFORE INSERT ON prompt_versions
  FOR EACH ROW EXECUTE FUNCTION studio_version_type_matches_prompt();
--> statement-breakpoint
CREATE TRIGGER prompts_type_fixed BEFORE UPDATE OF type ON prompts
  FOR EACH ROW WHEN (NEW.type IS DISTINCT FROM OLD.type) EXECUTE FUNCTION studio_refuse('a prompt''s type is fixed at creation');
--> statement-breakpoint
CREATE FUNCTION studio_pointer_version_exists() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM prompt_versions WHERE prompt_id = NEW.prompt_id AND version = NEW.version) THEN
    RAISE EXCEPTION 'an environment can only serve an existing version' USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER environment_pointers_version_exists BEFORE INSERT OR UPDATE ON environment_pointers
  FOR EACH ROW EXECUTE FUNCTION studio_pointer_version_exists();
--> statement-breakpoint
CREATE FUNCTION studio_default_environments() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO environments (id, workspace_id, slug, name, is_protected, position, created_at) VALUES
    (gen_random_uuid()::text, NEW.id, 'development', 'Development', false, 10, NEW.created_at),
    (gen_random_uuid()::text, NEW.id, 'staging', 'Staging', false, 20, NEW.created_at),
    (gen_random_uuid()::text, NEW.id, 'production', 'Production', true, 30, NEW.created_at);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER workspaces_default_environments AFTER INSERT ON workspaces
  FOR EACH ROW EXECUTE FUNCTION studio_default_environments();
--> statement-breakpoint
CREATE FUNCTION studio_feedback_summary() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE generations
     SET feedback_score = (coalesce(feedback_score, 0) * feedback_count + NEW.score) / (feedback_count + 1),
         feedback_count = feedback_count + 1
   WHERE id = NEW.generation_id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER generation_feedback_summary AFTER INSERT ON generation_feedback
  FOR EACH ROW EXECUTE FUNCTION studio_feedback_summary();
--> statement-breakpoint
INSERT INTO delivery_state (id, epoch) VALUES (1, 1);
--> statement-breakpoint
CREATE FUNCTION studio_bump_delivery_epoch() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  next_epoch integer;
BEGIN
  UPDATE delivery_state SET epoch = epoch + 1 WHERE id = 1 RETURNING epoch INTO next_epoch;
  PERFORM pg_notify('delivery_epoch', next_epoch::text);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER delivery_epoch_pointers AFTER INSERT OR UPDATE OR DELETE ON environment_pointers
  FOR EACH STATEMENT EXECUTE FUNCTION studio_bump_delivery_epoch();
--> statement-breakpoint
CREATE TRIGGER delivery_epoch_versions AFTER INSERT ON prompt_versions
  FOR EACH STATEMENT EXECUTE FUNCTION studio_bump_delivery_epoch();
--> statement-breakpoint
CREATE TRIGGER delivery_epoch_prompts AFTER UPDATE ON prompts
  FOR EACH STATEMENT EXECUTE FUNCTION studio_bump_delivery_epoch();
--> statement-breakpoint
CREATE TRIGGER delivery_epoch_environments AFTER INSERT OR UPDATE ON environments
  FOR EACH STATEMENT EXECUTE FUNCTION studio_bump_delivery_epoch();
--> statement-breakpoint
CREATE TRIGGER delivery_epoch_api_keys AFTER UPDATE OF revoked_at, scope ON api_keys
  FOR EACH STATEMENT EXECUTE FUNCTION studio_bump_delivery_epoch();
--> statement-breakpoint
CREATE TRIGGER delivery_epoch_workspaces AFTER UPDATE ON workspaces
  FOR EACH STATEMENT EXECUTE FUNCTION studio_bump_delivery_epoch();
--> statement-breakpoint
CREATE TRIGGER delivery_epoch_memberships AFTER UPDATE OF role, disabled_at ON memberships
  FOR EACH STATEMENT EXECUTE FUNCTION studio_bump_delivery_epoch();
--> statement-breakpoint
CREATE TRIGGER delivery_epoch_users AFTER UPDATE OF disabled_at, email, name ON users
  FOR EACH STATEMENT EXECUTE FUNCTION studio_bump_delivery_epoch();
