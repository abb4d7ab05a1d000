ALTER TABLE `audit_log` ADD `actor_api_key_id` text REFERENCES api_keys(id);--> statement-breakpoint
-- A key belongs to the member who created it. Keys made before created_by_id was always filled get their creator
-- from the audit entry of their creation; a key with no such entry stays ownerless and is read-only from now on
-- (lib/auth/policy.ts), so it keeps serving prompts but can no longer write or request promotions.
UPDATE api_keys SET created_by_id = (
  SELECT a.actor_user_id FROM audit_log a
  WHERE a.action = 'api_key.created' AND a.object_type = 'api_key' AND a.object_id = api_keys.id AND a.actor_user_id IS NOT NULL
  ORDER BY a.created_at LIMIT 1
) WHERE created_by_id IS NULL;--> statement-breakpoint
-- Pending promotions requested with a key are the key owner's, so the owner cannot approve them.
UPDATE promotion_requests SET requested_by_id = (
  SELECT k.created_by_id FROM api_keys k WHERE k.id = promotion_requests.requested_by_api_key_id
) WHERE status = 'pending' AND requested_by_id IS NULL AND requested_by_api_key_id IS NOT NULL;--> statement-breakpoint
-- A key acts with its owner's current role: the delivery cache (which keeps resolved keys) must forget them when an
-- owner's role, membership or account changes.
CREATE TRIGGER delivery_epoch_membership_update AFTER UPDATE OF role, disabled_at ON memberships
BEGIN UPDATE delivery_state SET epoch = epoch + 1 WHERE id = 1; END;--> statement-breakpoint
CREATE TRIGGER delivery_epoch_user_update AFTER UPDATE OF disabled_at, email, name ON users
BEGIN UPDATE delivery_state SET epoch = epoch + 1 WHERE id = 1; END;
