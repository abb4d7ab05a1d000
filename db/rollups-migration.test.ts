// Migration 0013 (rollups) on a database that already holds ratings, generations and eval results: it copies each eval
// result's dataset and judge verdict onto the review items made from it, leaves the existing rows to the backfill
// (nothing rolled up, every source pending), and from then on rolls up what is written after the cursor's reach only
// through the backfill, so no row is counted twice.
import { describe, expect, it } from "vitest";
import { databaseBeforeMigration } from "@/lib/testing/migrations";

describe("migration 0013 (rollups)", () => {
  it("copies eval facts onto existing review items and leaves existing rows to the backfill", () => {
    const { sqlite, migrateToLatest } = databaseBeforeMigration("0013_rollups");
    const judge = JSON.stringify([{ key: "judge", type: "llm-rubric", label: "Judge", params: {} }, { key: "contains-1", type: "contains", label: "c", params: {} }]);
    sqlite.exec(`
      INSERT INTO workspaces (id, name, slug, is_demo, created_at) VALUES ('w', 'W', 'w', 0, 0);
      INSERT INTO users (id, email, name, password_hash, created_at) VALUES ('u', 'u@x', 'U', 'x', 0), ('u2', 'u2@x', 'U2', 'x', 0);
      INSERT INTO prompts (id, workspace_id, name, type, created_at, updated_at) VALUES ('p', 'w', 'greet', 'text', 0, 0);
      INSERT INTO datasets (id, workspace_id, name, created_at, updated_at) VALUES ('d', 'w', 'ds', 0, 0);
      INSERT INTO eval_runs (id, workspace_id, dataset_id, scorers, total_cases, created_at) VALUES ('r', 'w', 'd', '${judge}', 1, 0);
      INSERT INTO eval_run_targets (id, run_id, position, prompt_id, version, model_id) VALUES ('t', 'r', 1, 'p', 1, 'offline:demo');
      INSERT INTO eval_run_cases (id, run_id, position, variables) VALUES ('c', 'r', 1, '{}');
      INSERT INTO eval_results (id, run_id, target_id, run_case_id, status, score, output, created_at) VALUES ('res', 'r', 't', 'c', 'passed', 0.9, 'yes', 1);
      INSERT INTO eval_scores (id, result_id, run_id, target_id, scorer_key, score, passed) VALUES ('s1', 'res', 'r', 't', 'judge', 0.8, 1), ('s2', 'res', 'r', 't', 'contains-1', 1, 1);
      INSERT INTO review_queues (id, workspace_id, name, scheme, created_at) VALUES ('q', 'w', 'q', '{"type":"thumbs"}', 0);
      INSERT INTO review_items (id, queue_id, position, source_type, source_id, prompt_id, version, variables, output, created_at)
        VALUES ('i', 'q', 1, 'eval-result', 'res', 'p', 1, '{}', 'yes', 0);
      INSERT INTO ratings (id, workspace_id, queue_id, item_id, reviewer_id, value, score, created_at, updated_at) VALUES ('ra', 'w', 'q', 'i', 'u', '{"type":"thumbs","up":false}', 0, 0, 0);
    `);

    migrateToLatest();

    expect(sqlite.prepare("SELECT dataset_id, judge_score, judge_pass FROM review_items WHERE id = 'i'").get()).toEqual({ dataset_id: "d", judge_score: 0.8, judge_pass: 1 });
    expect(sqlite.prepare("SELECT source, cursor, done FROM rollup_backfills ORDER BY source").all()).toEqual([
      { source: "eval_results", cursor: null, done: 0 },
      { source: "generations", cursor: null, done: 1 },
      { source: "ratings", cursor: null, done: 0 },
    ]);
    // Existing rows wait for the backfill; a new row after the cursor (none yet) waits too, so it is counted once.
    expect(sqlite.prepare("SELECT count(*) AS n FROM rating_rollups").get()).toEqual({ n: 0 });
    sqlite.exec(`INSERT INTO ratings (id, workspace_id, queue_id, item_id, reviewer_id, value, score, created_at, updated_at) VALUES ('rb', 'w', 'q', 'i', 'u2', '{"type":"thumbs","up":true}', 1, 0, 0)`);
    expect(sqlite.prepare("SELECT count(*) AS n FROM rating_rollups").get()).toEqual({ n: 0 });
    // An empty source is done at once: a generation written now is rolled up by its trigger.
    sqlite.exec(`INSERT INTO generations (id, workspace_id, prompt_id, version, variables, output, created_at) VALUES ('g', 'w', 'p', 1, '{}', 'hi', ${3 * 86_400_000})`);
    expect(sqlite.prepare("SELECT day, generations, with_feedback FROM generation_rollups").all()).toEqual([{ day: 3, generations: 1, with_feedback: 0 }]);
  });
});
