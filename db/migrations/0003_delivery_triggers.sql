-- Every workspace gets Development, Staging and Production (protected) the moment it exists, from any code path.
CREATE TRIGGER workspaces_default_environments AFTER INSERT ON workspaces
BEGIN
  INSERT INTO environments (id, workspace_id, slug, name, is_protected, position, created_at) VALUES
    (lower(hex(randomblob(16))), NEW.id, 'development', 'Development', 0, 10, NEW.created_at),
    (lower(hex(randomblob(16))), NEW.id, 'staging', 'Staging', 0, 20, NEW.created_at),
    (lower(hex(randomblob(16))), NEW.id, 'production', 'Production', 1, 30, NEW.created_at);
END;
--> statement-breakpoint
INSERT INTO environments (id, workspace_id, slug, name, is_protected, position, created_at)
SELECT lower(hex(randomblob(16))), w.id, e.slug, e.name, e.is_protected, e.position, w.created_at
FROM workspaces w
CROSS JOIN (SELECT 'development' AS slug, 'Development' AS name, 0 AS is_protected, 10 AS position
            UNION ALL SELECT 'staging', 'Staging', 0, 20
            UNION ALL SELECT 'production', 'Production', 1, 30) e
WHERE NOT EXISTS (SELECT 1 FROM environments x WHERE x.workspace_id = w.id AND x.slug = e.slug);
--> statement-breakpoint
-- Deployment history is append-only.
CREATE TRIGGER deployments_no_update BEFORE UPDATE ON deployments
BEGIN
  SELECT RAISE(ABORT, 'deployment history is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER deployments_no_delete BEFORE DELETE ON deployments
BEGIN
  SELECT RAISE(ABORT, 'deployment history is append-only');
END;
--> statement-breakpoint
-- A pointer must name a version that exists for its prompt.
CREATE TRIGGER environment_pointers_version_exists BEFORE INSERT ON environment_pointers
WHEN NOT EXISTS (SELECT 1 FROM prompt_versions WHERE prompt_id = NEW.prompt_id AND version = NEW.version)
BEGIN
  SELECT RAISE(ABORT, 'an environment can only serve an existing version');
END;
--> statement-breakpoint
CREATE TRIGGER environment_pointers_version_exists_update BEFORE UPDATE ON environment_pointers
WHEN NOT EXISTS (SELECT 1 FROM prompt_versions WHERE prompt_id = NEW.prompt_id AND version = NEW.version)
BEGIN
  SELECT RAISE(ABORT, 'an environment can only serve an existing version');
END;
--> statement-breakpoint
-- The delivery cache epoch: bumped by anything the delivery API serves, in the writer's own transaction.
INSERT INTO delivery_state (id, epoch) VALUES (1, 1);
--> statement-breakpoint
CREATE TRIGGER delivery_epoch_pointer_insert AFTER INSERT ON environment_pointers
BEGIN UPDATE delivery_state SET epoch = epoch + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER delivery_epoch_pointer_update AFTER UPDATE ON environment_pointers
BEGIN UPDATE delivery_state SET epoch = epoch + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER delivery_epoch_pointer_delete AFTER DELETE ON environment_pointers
BEGIN UPDATE delivery_state SET epoch = epoch + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER delivery_epoch_version_insert AFTER INSERT ON prompt_versions
BEGIN UPDATE delivery_state SET epoch = epoch + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER delivery_epoch_prompt_update AFTER UPDATE ON prompts
BEGIN UPDATE delivery_state SET epoch = epoch + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER delivery_epoch_environment_insert AFTER INSERT ON environments
BEGIN UPDATE delivery_state SET epoch = epoch + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER delivery_epoch_environment_update AFTER UPDATE ON environments
BEGIN UPDATE delivery_state SET epoch = epoch + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER delivery_epoch_api_key_update AFTER UPDATE OF revoked_at, scope ON api_keys
BEGIN UPDATE delivery_state SET epoch = epoch + 1 WHERE id = 1; END;
--> statement-breakpoint
CREATE TRIGGER delivery_epoch_workspace_update AFTER UPDATE ON workspaces
BEGIN UPDATE delivery_state SET epoch = epoch + 1 WHERE id = 1; END;
