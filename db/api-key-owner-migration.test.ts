import { describe, expect, it } from "vitest";
import { databaseBeforeMigration } from "@/lib/testing/migrations";

// Migration 0008 on a database made before it: keys get their creator from the audit log, pending key-made
// promotions become their owner's, and a key whose creator is unknown stays ownerless (read-only at run time).

describe("migration 0008 (API key owners)", () => {
  it("backfills key creators from the audit log and makes pending key-made requests their owner's", () => {
    const { sqlite, migrateToLatest } = databaseBeforeMigration("0008_api_key_owner");

    const now = Date.now();
    sqlite.exec(`
      INSERT INTO users (id, email, name, password_hash, created_at) VALUES ('u-admin', 'a@x', 'Ada', 'x', ${now});
      INSERT INTO workspaces (id, name, slug, is_demo, created_at) VALUES ('w', 'W', 'w', 0, ${now});
      INSERT INTO memberships (id, workspace_id, user_id, role, created_at) VALUES ('m', 'w', 'u-admin', 'admin', ${now});
      INSERT INTO prompts (id, workspace_id, name, type, created_at, updated_at) VALUES ('p', 'w', 'p', 'text', ${now}, ${now});
      INSERT INTO api_keys (id, workspace_id, name, scope, prefix, secret_hash, created_at) VALUES
        ('k-known', 'w', 'ci', 'read-write', 'pos_a', 'h1', ${now}),
        ('k-unknown', 'w', 'old', 'read-write', 'pos_b', 'h2', ${now});
      INSERT INTO audit_log (id, workspace_id, actor_user_id, actor_label, action, object_type, object_id, created_at) VALUES
        ('a1', 'w', 'u-admin', 'a@x', 'api_key.created', 'api_key', 'k-known', ${now});
    `);
    const production = sqlite.prepare("SELECT id FROM environments WHERE workspace_id = 'w' AND slug = 'production'").pluck().get() as string;
    const request = sqlite.prepare(
      "INSERT INTO promotion_requests (id, workspace_id, prompt_id, environment_id, version, requested_by_api_key_id, requested_by_label, status, created_at) VALUES (?, 'w', 'p', ?, 1, ?, 'API key', ?, ?)",
    );
    request.run("r-pending", production, "k-known", "pending", now);
    request.run("r-decided", production, "k-known", "rejected", now);
    request.run("r-ownerless", production, "k-unknown", "pending", now);

    migrateToLatest();

    const creator = (id: string) => sqlite.prepare("SELECT created_by_id FROM api_keys WHERE id = ?").pluck().get(id);
    expect([creator("k-known"), creator("k-unknown")]).toEqual(["u-admin", null]);
    const requester = (id: string) => sqlite.prepare("SELECT requested_by_id FROM promotion_requests WHERE id = ?").pluck().get(id);
    expect([requester("r-pending"), requester("r-decided"), requester("r-ownerless")]).toEqual(["u-admin", null, null]);
    expect(sqlite.prepare("SELECT actor_api_key_id FROM audit_log WHERE id = 'a1'").pluck().get()).toBeNull();

    // A change of an owner's role or access moves the delivery epoch, so cached keys are resolved again.
    const epoch = () => sqlite.prepare("SELECT epoch FROM delivery_state WHERE id = 1").pluck().get() as number;
    const before = epoch();
    sqlite.exec("UPDATE memberships SET role = 'viewer' WHERE id = 'm'");
    sqlite.exec(`UPDATE users SET disabled_at = ${now} WHERE id = 'u-admin'`);
    expect(epoch()).toBe(before + 2);
  });
});
