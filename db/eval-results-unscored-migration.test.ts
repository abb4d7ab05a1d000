// Migration 0010 rebuilds eval_results to allow the "unscored" status. It runs on databases that already hold results
// with scores pointing at them, inside the migrator's transaction: this checks on a real SQLite file that every row and
// every reference survives, and that the new status (and only it) is accepted afterwards.
import { describe, expect, it } from "vitest";
import { databaseBeforeMigration } from "@/lib/testing/migrations";

describe("migration 0010 (unscored eval results)", () => {
  it("keeps every result and score of an existing database and accepts 'unscored' afterwards", () => {
    const { sqlite, migrateToLatest } = databaseBeforeMigration("0010_eval_results_unscored");
    sqlite.exec(`
      INSERT INTO workspaces (id, name, slug, is_demo, created_at) VALUES ('w', 'W', 'w', 0, 0);
      INSERT INTO prompts (id, workspace_id, name, type, created_at, updated_at) VALUES ('p', 'w', 'greet', 'text', 0, 0);
      INSERT INTO datasets (id, workspace_id, name, created_at, updated_at) VALUES ('d', 'w', 'ds', 0, 0);
      INSERT INTO eval_runs (id, workspace_id, dataset_id, scorers, total_cases, created_at) VALUES ('r', 'w', 'd', '[]', 2, 0);
      INSERT INTO eval_run_targets (id, run_id, position, prompt_id, version, model_id) VALUES ('t', 'r', 1, 'p', 1, 'offline:demo');
      INSERT INTO eval_run_cases (id, run_id, position, variables) VALUES ('c1', 'r', 1, '{}'), ('c2', 'r', 2, '{}');
      INSERT INTO eval_results (id, run_id, target_id, run_case_id, status, score, output, created_at)
        VALUES ('res1', 'r', 't', 'c1', 'passed', 1, 'yes', 1), ('res2', 'r', 't', 'c2', 'failed', 0, 'no', 2);
      INSERT INTO eval_scores (id, result_id, run_id, target_id, scorer_key, score, passed) VALUES ('s1', 'res1', 'r', 't', 'k', 1, 1), ('s2', 'res2', 'r', 't', 'k', 0, 0);
    `);
    expect(() => sqlite.prepare("UPDATE eval_results SET status = 'unscored' WHERE id = 'res1'").run()).toThrow(/CHECK constraint failed/);

    migrateToLatest();

    expect(sqlite.prepare("SELECT id, status, score, output FROM eval_results ORDER BY id").all()).toEqual([
      { id: "res1", status: "passed", score: 1, output: "yes" },
      { id: "res2", status: "failed", score: 0, output: "no" },
    ]);
    expect(sqlite.prepare("SELECT count(*) AS n FROM eval_scores JOIN eval_results r ON r.id = eval_scores.result_id").get()).toEqual({ n: 2 });
    expect(sqlite.pragma("foreign_key_check")).toEqual([]);
    expect(sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
    const indexes = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'eval_results' AND sql IS NOT NULL ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    expect(indexes).toEqual(["eval_results_run_status", "eval_results_target_case", "eval_results_target_summary"]);
    expect(() => sqlite.prepare("UPDATE eval_results SET status = 'unscored', score = NULL WHERE id = 'res1'").run()).not.toThrow();
    expect(() => sqlite.prepare("UPDATE eval_results SET status = 'skipped' WHERE id = 'res2'").run()).toThrow(/CHECK constraint failed/);
    // The foreign keys still hold in both directions: a score for a missing result is refused.
    expect(() => sqlite.prepare("INSERT INTO eval_scores (id, result_id, run_id, target_id, scorer_key, score, passed) VALUES ('s3', 'nope', 'r', 't', 'k', 1, 1)").run()).toThrow(/FOREIGN KEY/);
  });
});
