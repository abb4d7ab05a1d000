// The Postgres migrations (db/migrations-pg) on a real throwaway cluster: they build the same tables, columns and
// indexes as SQLite's, and the database itself keeps the guarantees SQLite's triggers keep.
import path from "node:path";
import pg from "pg";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { is } from "drizzle-orm";
import { SQLiteTable, getTableConfig } from "drizzle-orm/sqlite-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as schema from "./schema";
import { startTestCluster, type TestCluster } from "@/lib/testing/pg-cluster";
import { REPO_ROOT } from "@/lib/testing/repo-root";

let cluster: TestCluster;
let pool: pg.Pool;

beforeAll(async () => {
  cluster = startTestCluster();
  pool = new pg.Pool({ connectionString: cluster.url, max: 4 });
  await migrate(drizzle(pool), { migrationsFolder: path.join(REPO_ROOT, "db/migrations-pg") });
}, 60_000);

afterAll(async () => {
  await pool?.end();
  cluster?.stop();
});

const query = async <Row extends Record<string, unknown>>(text: string, values: unknown[] = []) => (await pool.query<Row>(text, values)).rows;

/** A workspace, a member and a text prompt with version 1; ids returned. */
async function seedPrompt(tag: string) {
  const now = Date.now();
  const ws = `ws-${tag}`;
  const user = `user-${tag}`;
  const prompt = `prompt-${tag}`;
  await query("insert into workspaces (id, name, slug, created_at) values ($1, $1, $1, $2)", [ws, now]);
  await query("insert into users (id, email, name, password_hash, created_at) values ($1, $1 || '@x', 'U', 'x', $2)", [user, now]);
  await query("insert into prompts (id, workspace_id, name, type, created_at, updated_at) values ($1, $2, 'p', 'text', $3, $3)", [prompt, ws, now]);
  await query(
    "insert into prompt_versions (id, prompt_id, version, type, template, commit_message, created_at) values ($1 || '-v1', $1, 1, 'text', 'Hi {{name}}', 'first', $2)",
    [prompt, now],
  );
  return { ws, user, prompt, now };
}

describe("the Postgres schema", () => {
  it("has every SQLite table with the same columns, nullability and indexes", async () => {
    const tables = (Object.values(schema) as unknown[]).filter((value): value is SQLiteTable => is(value, SQLiteTable));
    expect(tables.length).toBeGreaterThan(30);
    for (const table of tables) {
      const config = getTableConfig(table);
      const columns = await query<{ column_name: string; is_nullable: string }>(
        "select column_name, is_nullable from information_schema.columns where table_schema = 'public' and table_name = $1",
        [config.name],
      );
      const expected = config.columns.map((c) => [c.name, c.notNull ? "NO" : "YES"]).sort();
      expect([config.name, columns.map((c) => [c.column_name, c.is_nullable]).sort()]).toEqual([config.name, expected]);
      const indexes = (await query<{ indexname: string }>("select indexname from pg_indexes where tablename = $1", [config.name])).map((i) => i.indexname);
      for (const index of config.indexes) expect(indexes, config.name).toContain(index.config.name);
    }
  });

  it("refuses to change or delete a version, and a version of another type than its prompt", async () => {
    const { prompt, now } = await seedPrompt("immutable");
    await expect(query("update prompt_versions set template = 'changed' where prompt_id = $1", [prompt])).rejects.toThrow(/immutable/);
    await expect(query("delete from prompt_versions where prompt_id = $1", [prompt])).rejects.toThrow(/immutable/);
    await expect(
      query("insert into prompt_versions (id, prompt_id, version, type, messages, commit_message, created_at) values ('chat-v2', $1, 2, 'chat', '[]', 'x', $2)", [prompt, now]),
    ).rejects.toThrow(/type of its prompt/);
    await expect(query("update prompts set type = 'chat' where id = $1", [prompt])).rejects.toThrow(/fixed at creation/);
    await expect(
      query("insert into prompt_versions (id, prompt_id, version, type, template, commit_message, created_at) values ('dup', $1, 1, 'text', 'x', 'x', $2)", [prompt, now]),
    ).rejects.toThrow(/duplicate key/);
    expect(await query("select template from prompt_versions where prompt_id = $1", [prompt])).toEqual([{ template: "Hi {{name}}" }]);
  });

  it("gives a new workspace its three environments, production protected", async () => {
    const { ws } = await seedPrompt("environments");
    expect(await query("select slug, is_protected from environments where workspace_id = $1 order by position", [ws])).toEqual([
      { slug: "development", is_protected: false },
      { slug: "staging", is_protected: false },
      { slug: "production", is_protected: true },
    ]);
  });

  it("keeps deployments, end-user feedback and the audit log append-only", async () => {
    const { ws, prompt, now } = await seedPrompt("append-only");
    const [production] = await query<{ id: string }>("select id from environments where workspace_id = $1 and slug = 'production'", [ws]);
    await query(
      "insert into deployments (id, workspace_id, environment_id, prompt_id, kind, to_version, requested_by_label, created_at) values ('d1', $1, $2, $3, 'promote', 1, 'x', $4)",
      [ws, production!.id, prompt, now],
    );
    await query("insert into audit_log (id, workspace_id, actor_label, action, object_type, created_at) values ('a1', $1, 'x', 'prompt.created', 'prompt', $2)", [ws, now]);
    await query("insert into generations (id, workspace_id, prompt_id, version, variables, output, created_at) values ('g1', $1, $2, 1, '{}', 'out', $3)", [ws, prompt, now]);
    await query("insert into generation_feedback (id, workspace_id, generation_id, score, created_at) values ('f1', $1, 'g1', 1, $2), ('f2', $1, 'g1', 0, $2)", [ws, now]);
    for (const [table, id] of [["deployments", "d1"], ["audit_log", "a1"], ["generation_feedback", "f1"]] as const) {
      await expect(query(`update ${table} set id = id where id = $1`, [id]), table).rejects.toThrow(/append-only/);
      await expect(query(`delete from ${table} where id = $1`, [id]), table).rejects.toThrow(/append-only/);
    }
    expect(await query("select feedback_count, feedback_score from generations where id = 'g1'")).toEqual([{ feedback_count: 2, feedback_score: 0.5 }]);
  });

  it("bumps the delivery epoch with a change the API serves, and NOTIFYs other processes at commit, not before", async () => {
    const { prompt } = await seedPrompt("epoch");
    const listener = await pool.connect();
    const heard: string[] = [];
    listener.on("notification", (message) => heard.push(message.payload ?? ""));
    await listener.query("LISTEN delivery_epoch");
    const writer = await pool.connect();
    try {
      const [{ epoch: before }] = (await writer.query<{ epoch: number }>("select epoch from delivery_state where id = 1")).rows as [{ epoch: number }];
      await writer.query("BEGIN");
      await writer.query("update prompts set description = 'changed' where id = $1", [prompt]);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(heard).toEqual([]);
      await writer.query("COMMIT");
      for (let i = 0; i < 50 && heard.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(heard).toEqual([String(before + 1)]);
    } finally {
      writer.release();
      await listener.query("UNLISTEN delivery_epoch");
      listener.release();
    }
  });
});
