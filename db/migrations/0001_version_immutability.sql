-- Versions are history: no code path may change or remove one, so the database refuses it too.
CREATE TRIGGER prompt_versions_no_update BEFORE UPDATE ON prompt_versions
BEGIN
  SELECT RAISE(ABORT, 'prompt versions are immutable');
END;
--> statement-breakpoint
CREATE TRIGGER prompt_versions_no_delete BEFORE DELETE ON prompt_versions
BEGIN
  SELECT RAISE(ABORT, 'prompt versions are immutable');
END;
--> statement-breakpoint
-- A version repeats its prompt's type; the prompt's type is fixed at creation.
CREATE TRIGGER prompt_versions_type_matches_prompt BEFORE INSERT ON prompt_versions
WHEN NEW.type <> (SELECT type FROM prompts WHERE id = NEW.prompt_id)
BEGIN
  SELECT RAISE(ABORT, 'a version must have the type of its prompt');
END;
--> statement-breakpoint
CREATE TRIGGER prompts_type_fixed BEFORE UPDATE OF type ON prompts
WHEN NEW.type <> OLD.type
BEGIN
  SELECT RAISE(ABORT, 'a prompt''s type is fixed at creation');
END;
