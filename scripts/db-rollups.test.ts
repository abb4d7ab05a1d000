// `npm run db:rollups` and `npm run db:rollups -- --verify` as README.md promises them, on a real SQLite file seeded
// with the demo workspace: verify agrees on a healthy database; a rollup figure changed behind the triggers' back is
// printed with the raw and the stored value and exits 1; rollups cleared (as on a database from before them) are
// backfilled by the plain command, after which verify agrees again and the figure is back; and the server backfills
// them in the background when it starts (lib/boot/boot.ts), as a booted process shows.
import { execFile, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "@/lib/testing/repo-root";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "promptops-db-rollups-"));
const file = path.join(dir, "studio.db");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function run(script: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ["--import", "tsx", "--conditions=react-server", script, ...args], { cwd: REPO_ROOT, env: { ...process.env, DATABASE_URL: file, LOG_LEVEL: "warn" } }, (error, stdout, stderr) =>
      resolve({ code: typeof error?.code === "number" ? error.code : error ? -1 : 0, stdout, stderr }),
    );
  });
}

function withDb<T>(work: (db: Database.Database) => T): T {
  const db = new Database(file);
  try {
    return work(db);
  } finally {
    db.close();
  }
}

describe("npm run db:rollups", () => {
  it("verifies, reports a figure the raw rows contradict with exit 1, and backfills cleared rollups", { timeout: 90_000 }, async () => {
    expect((await run("scripts/db-seed.ts")).code).toBe(0);
    const healthy = await run("scripts/db-rollups.ts", "--verify");
    expect([healthy.code, healthy.stdout.trim()]).toEqual([0, "Rollups agree with the raw rows."]);

    const target = withDb((db) => db.prepare("SELECT target_id, results FROM eval_target_rollups ORDER BY target_id LIMIT 1").get() as { target_id: string; results: number });
    expect(target.results).toBeGreaterThan(0);
    withDb((db) => db.prepare("UPDATE eval_target_rollups SET results = results + 1 WHERE target_id = ?").run(target.target_id));
    const broken = await run("scripts/db-rollups.ts", "--verify");
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain(`eval_target_rollups {"target_id":"${target.target_id}"} results: raw rows say ${target.results}, rollup says ${target.results + 1}`);
    expect(broken.stdout).toContain("1 rollup figure(s) differ from the raw rows.");

    // As before the rollups existed: nothing rolled up, every source pending. The plain command backfills.
    withDb((db) => db.exec("DELETE FROM eval_target_rollups; DELETE FROM eval_scorer_rollups; UPDATE rollup_backfills SET done = 0, cursor = NULL;"));
    const results = withDb((db) => (db.prepare("SELECT count(*) AS n FROM eval_results").get() as { n: number }).n);
    const backfill = await run("scripts/db-rollups.ts");
    expect([backfill.code, backfill.stdout.trim()]).toEqual([0, `Rollups backfilled: 0 ratings, 0 generations, ${results} eval_results added.`]);
    expect(withDb((db) => db.prepare("SELECT results FROM eval_target_rollups WHERE target_id = ?").get(target.target_id))).toEqual({ results: target.results });
    expect(withDb((db) => db.prepare("SELECT count(*) AS n FROM rollup_backfills WHERE done = 1").get())).toEqual({ n: 3 });
    expect((await run("scripts/db-rollups.ts", "--verify")).code).toBe(0);
  });

  it("refuses an unknown option with its usage and exit code 2", async () => {
    const refused = await run("scripts/db-rollups.ts", "--verfy");
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("usage: npm run db:rollups [-- --verify]");
  });

  it("is what the server does in the background on start: a booted process backfills cleared rollups", { timeout: 90_000 }, async () => {
    if (!fs.existsSync(file)) expect((await run("scripts/db-seed.ts")).code).toBe(0);
    const expected = withDb((db) => (db.prepare("SELECT count(*) AS n FROM eval_results").get() as { n: number }).n);
    withDb((db) => db.exec("DELETE FROM eval_target_rollups; DELETE FROM eval_scorer_rollups; UPDATE rollup_backfills SET done = 0, cursor = NULL;"));
    const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "lib/testing/boot-process.ts"], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATABASE_URL: file, AUTH_SECRET: "s".repeat(32), STUDIO_ENCRYPTION_KEY: "ab".repeat(32), LOG_LEVEL: "warn", HOME: dir },
      stdio: "ignore",
    });
    try {
      await expect
        .poll(() => withDb((db) => (db.prepare("SELECT count(*) AS n FROM rollup_backfills WHERE done = 1").get() as { n: number }).n), { timeout: 60_000, interval: 200 })
        .toBe(3);
    } finally {
      child.kill("SIGTERM");
    }
    expect(withDb((db) => db.prepare("SELECT sum(results) AS n FROM eval_target_rollups").get())).toEqual({ n: expected });
    expect((await run("scripts/db-rollups.ts", "--verify")).code).toBe(0);
  });
});
