// `npm run db:backup` and `npm run db:restore`, as an operator runs them: the real CLIs in child processes, against
// the database file a worker process is writing eval results to.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db";
import { findEvalRun } from "@/lib/evals/runs/queries";
import { getEnv } from "@/lib/platform/env";
import { containsScorer, createRunOverCases, makeEvalWorkspace, resultsOf as results, waitFor } from "@/lib/testing/eval-runs";
import { setUpFixtureLlmServer } from "@/lib/testing/fixture-llm";
import { startTestProcess } from "@/lib/testing/test-process";
import { assertNotInUse, BackupError, backupDatabase, restoreDatabase } from "./backup";

const root = path.resolve(__dirname, "..");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "promptops-backup-"));

const llm = setUpFixtureLlmServer({ latencyMs: 100 });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function npmRun(script: string, args: string[]): { status: number | null; output: string } {
  const result = spawnSync("npm", ["run", "--silent", script, "--", ...args], { cwd: root, env: { ...process.env, LOG_LEVEL: "warn" }, encoding: "utf8" });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const startWorker = (runId: string) => startTestProcess("lib/testing/boot-process.ts", [runId]);

/** Every result with its scores, as stored in a database file (read with a connection of its own). */
function storedResults(file: string): Map<string, { status: string; output: string; scores: number }> {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db
      .prepare("SELECT r.id, r.status, r.output, (SELECT count(*) FROM eval_scores s WHERE s.result_id = r.id) AS scores FROM eval_results r")
      .all() as { id: string; status: string; output: string; scores: number }[];
    return new Map(rows.map(({ id, ...row }) => [id, row]));
  } finally {
    db.close();
  }
}

describe("backups", () => {
  it("the commands say their usage without a file (exit 2), and a backup replaces an existing file only with --force", () => {
    expect(npmRun("db:backup", [])).toMatchObject({ status: 2, output: expect.stringContaining("usage: npm run db:backup -- <file> [--force]") });
    expect(npmRun("db:restore", [])).toMatchObject({ status: 2, output: expect.stringContaining("usage: npm run db:restore -- <backup file>") });
    getDb(); // the database the backup copies (DATABASE_URL), migrated
    const file = path.join(dir, "exists.db");
    fs.writeFileSync(file, "keep me");
    const refused = npmRun("db:backup", [file]);
    expect(refused.status).toBe(1);
    expect(refused.output).toContain(`Backup failed: ${file} already exists. Choose a new file name, or pass --force to replace it.`);
    expect(fs.readFileSync(file, "utf8")).toBe("keep me");
    const forced = npmRun("db:backup", [file, "--force"]);
    expect([forced.status, forced.output]).toEqual([0, expect.stringMatching(/Backed up .* integrity ok/)]);
    const copy = new Database(file, { readonly: true });
    expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
    copy.close();
  }, 60_000);

  it("a backup taken during an eval run, restored, holds every result committed before it began", async () => {
    const ws = await makeEvalWorkspace({ fixtureUrl: llm.url });
    // 400 cases at 100 ms and concurrency 4: about 10 s of writes, so the backup runs while results are being written.
    const { id } = await createRunOverCases(ws, { cases: 400, scorers: [containsScorer("Echo")], concurrency: 4 });
    const live = getEnv().DATABASE_URL;
    const backupFile = path.join(dir, "during-run.db");

    const worker = startWorker(id);
    await waitFor(async () => (await results(id)).length >= 20, 60_000);
    const committed = storedResults(live);
    const backup = npmRun("db:backup", [backupFile]);
    expect(backup.output).toMatch(/Backed up .* integrity ok/);
    expect(backup.output).toMatch(/secrets\.json/);
    expect(backup.status).toBe(0);
    // The run was still going: the backup was taken while results were being written.
    expect((await findEvalRun(getDb(), { runId: id }))!.status).toBe("running");
    expect(storedResults(backupFile).size).toBeGreaterThanOrEqual(committed.size);

    // A restore while the server (here the worker process) has the database open is refused, and changes nothing.
    const refused = npmRun("db:restore", [backupFile]);
    expect(refused.status).toBe(1);
    expect(refused.output).toMatch(/is open in another process: is the studio running\?/);
    expect((await findEvalRun(getDb(), { runId: id }))!.status).toBe("running");

    worker.child.kill("SIGTERM");
    expect(await worker.exited).toBe(0);
    closeDb(); // this test process has the file open too

    const restore = npmRun("db:restore", [backupFile]);
    expect(restore.output).toMatch(/1 evaluation run\(s\) were running/);
    expect(restore.status).toBe(0);

    const restored = storedResults(live);
    for (const [resultId, row] of committed) expect(restored.get(resultId)).toEqual(row);
    // Consistent: every result in the copy came with its score, none was cut in half.
    for (const row of restored.values()) expect(row.scores).toBe(1);
    expect(restored.size).toBeLessThan(400);
    const check = new Database(live, { readonly: true });
    expect(check.pragma("integrity_check", { simple: true })).toBe("ok");
    check.close();

    // The run the backup caught mid-way is resumable: the next start finishes it without repeating a case.
    expect(await findEvalRun(getDb(), { runId: id })).toMatchObject({ status: "interrupted", workerId: null });
    const again = startWorker(id);
    expect(await again.exited).toBe(0);
    const final = await results(id);
    expect(final).toHaveLength(400);
    expect(new Set(final.map((r) => r.runCaseId)).size).toBe(400);
  }, 300_000);

  it("refuses to overwrite an existing file, or to back a database up onto itself", async () => {
    getDb();
    const source = getEnv().DATABASE_URL;
    const target = path.join(dir, "exists.db");
    fs.writeFileSync(target, "keep me");
    await expect(backupDatabase({ source, target })).rejects.toThrow(/already exists/);
    expect(fs.readFileSync(target, "utf8")).toBe("keep me");
    await expect(backupDatabase({ source, target: source })).rejects.toThrow(/must not be the database itself/);
    const replaced = await backupDatabase({ source, target, overwrite: true });
    expect(replaced.pages).toBeGreaterThan(1);
    expect(fs.readdirSync(dir).filter((name) => name.includes(".partial-"))).toEqual([]);
  });

  it("refuses to restore a file that is not a studio database, and keeps the current one", async () => {
    getDb();
    closeDb();
    const target = getEnv().DATABASE_URL;
    const before = fs.readFileSync(target);
    const junk = path.join(dir, "junk.db");
    fs.writeFileSync(junk, "not a database at all".repeat(100));
    await expect(restoreDatabase({ file: junk, target })).rejects.toThrow(BackupError);
    const plain = path.join(dir, "plain.db");
    new Database(plain).exec("CREATE TABLE t (x)");
    await expect(restoreDatabase({ file: plain, target })).rejects.toThrow(/not a PromptOps Studio database/);
    expect(fs.readFileSync(target).equals(before)).toBe(true);
  });

  it("finds a database held open by an idle connection", () => {
    getDb();
    expect(() => assertNotInUse(getEnv().DATABASE_URL)).toThrow(/open in another process/);
    closeDb();
    expect(() => assertNotInUse(getEnv().DATABASE_URL)).not.toThrow();
  });
});
