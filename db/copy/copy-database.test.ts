// `npm run db:copy` on a real throwaway Postgres cluster (scripts/pg-cluster.mjs): the Demo workspace, plus a row in
// every table it leaves empty, copied from this file's SQLite database and compared table by table, column by
// column; a copy stopped part-way and resumed; and the refusals. SQLite suite only: the source is SQLite.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/db";
import { seedEveryTable } from "@/lib/testing/every-table";
import { createTestDatabase, startTestCluster, type TestCluster } from "@/lib/testing/pg-cluster";
import { REPO_ROOT } from "@/lib/testing/repo-root";
import { CHECKPOINT_TABLE } from "./checkpoint";
import { copyDatabase } from "./copy-database";
import { CopyRefusedError, CopyStoppedError } from "./errors";

const source = process.env.DATABASE_URL!;
let cluster: TestCluster;
let copied: string;

beforeAll(async () => {
  cluster = startTestCluster();
  await seedEveryTable();
  // Closed, so the copier reads the file as a studio that is not running would leave it.
  closeDb();
}, 120_000);

afterAll(() => cluster?.stop());

/** A new, empty database on the cluster; its URL. */
const newDatabase = (name: string) => createTestDatabase(cluster.url, name);

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function sourceTables(): string[] {
  const db = new Database(source, { readonly: true });
  try {
    const rows = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND name <> '__drizzle_migrations' ORDER BY name").all();
    return (rows as { name: string }[]).map((row) => row.name);
  } finally {
    db.close();
  }
}

/** JSON with every object's keys sorted: jsonb keeps its own key order, so documents compare by content. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** A row of either engine as the same plain values, by the Postgres column's type. */
function normalise(row: Record<string, unknown>, types: Map<string, string>, engine: "sqlite" | "postgres"): string {
  const out: Record<string, unknown> = {};
  for (const [column, type] of types) {
    const value = row[column];
    if (value === null || value === undefined) out[column] = null;
    else if (type === "jsonb") out[column] = engine === "sqlite" ? JSON.parse(value as string) : value;
    else if (type === "boolean") out[column] = engine === "sqlite" ? value === 1 : value;
    else if (type === "bigint" || type === "integer" || type === "double precision") out[column] = Number(value);
    else out[column] = value;
  }
  return canonical(out);
}

/** Every table of the source has the same rows on the target, and the target has no other table. */
async function expectSameAsSource(url: string): Promise<Record<string, number>> {
  const tables = sourceTables();
  const sqlite = new Database(source, { readonly: true });
  const counts: Record<string, number> = {};
  try {
    await withClient(url, async (client) => {
      const { rows: columns } = await client.query<{ table_name: string; column_name: string; data_type: string }>(
        `SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
           JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
         WHERE c.table_schema = 'public' ORDER BY c.table_name, c.ordinal_position`,
      );
      const typesOf = new Map<string, Map<string, string>>();
      for (const c of columns) typesOf.set(c.table_name, (typesOf.get(c.table_name) ?? new Map<string, string>()).set(c.column_name, c.data_type));
      expect([...typesOf.keys()].sort()).toEqual(tables);
      for (const table of tables) {
        const types = typesOf.get(table)!;
        const expected = (sqlite.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[]).map((row) => normalise(row, types, "sqlite")).sort();
        const actual = (await client.query<Record<string, unknown>>(`SELECT * FROM "${table}"`)).rows.map((row) => normalise(row, types, "postgres")).sort();
        expect(actual.length, table).toBe(expected.length);
        expect(actual, table).toEqual(expected);
        counts[table] = actual.length;
      }
    });
  } finally {
    sqlite.close();
  }
  return counts;
}

/** Whether every user trigger on the target is enabled ('O'), as the studio needs them. */
async function userTriggersEnabled(client: pg.Client): Promise<boolean> {
  const { rows } = await client.query<{ disabled: number }>("SELECT count(*)::int AS disabled FROM pg_trigger WHERE NOT tgisinternal AND tgenabled <> 'O'");
  return rows[0]!.disabled === 0;
}

/** Runs the CLI as `npm run db:copy` does. */
function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/db-copy.ts", ...args], { cwd: REPO_ROOT }, (error, stdout, stderr) => {
      resolve({ code: typeof error?.code === "number" ? error.code : error ? -1 : 0, stdout, stderr });
    });
  });
}

describe("copying a SQLite database into PostgreSQL (npm run db:copy)", () => {
  it("starts from a source with rows in every table", () => {
    const db = new Database(source, { readonly: true });
    try {
      // Less the rollup deltas, which only Postgres's triggers write (db/schema/rollups.ts): always empty on SQLite.
      const empty = sourceTables().filter((table) => !table.endsWith("_rollup_deltas") && !db.prepare(`SELECT 1 FROM "${table}" LIMIT 1`).get());
      expect(empty).toEqual([]);
    } finally {
      db.close();
    }
    expect(sourceTables().length).toBeGreaterThan(30);
  });

  it("copies every table and every row as it is, then gives the target its triggers back", async () => {
    copied = await newDatabase("copied");
    const cli = await runCli(["--from", source, "--to", copied]);
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stdout).toMatch(/Copied \d+ rows in \d+ tables in [\d.]+ s:/);

    const counts = await expectSameAsSource(copied);
    // Triggers were off: no extra default environments, feedback counted once, the epoch as the source had it.
    expect(counts.environments).toBe(6);
    await withClient(copied, async (client) => {
      const { rows } = await client.query<{ feedback_count: number }>("SELECT feedback_count FROM generations WHERE feedback_count > 0");
      expect(rows).toEqual([{ feedback_count: 2 }]);
      expect(await userTriggersEnabled(client)).toBe(true);
      expect((await client.query("SELECT to_regclass($1) AS t", [CHECKPOINT_TABLE])).rows).toEqual([{ t: null }]);
      // And now they hold again: versions are immutable on the copy.
      await expect(client.query("UPDATE prompt_versions SET commit_message = 'changed'")).rejects.toThrow(/immutable/);
    });
  }, 60_000);

  it("resumes a copy stopped part-way after its last committed batch, copying no row twice", async () => {
    const url = await newDatabase("resumed");
    const stop = new AbortController();
    const stopped = copyDatabase({
      from: source,
      to: url,
      batchSize: 5,
      signal: stop.signal,
      onProgress: ({ table, copied: rows }) => {
        if (table === "audit_log" && rows >= 10) stop.abort();
      },
    });
    await expect(stopped).rejects.toThrow(CopyStoppedError);

    await withClient(url, async (client) => {
      const { rows } = await client.query<{ table_name: string; rows_copied: number; done: boolean }>(`SELECT table_name, rows_copied, done FROM ${CHECKPOINT_TABLE}`);
      expect(rows.find((r) => r.table_name === "audit_log")).toMatchObject({ rows_copied: 10, done: false });
      expect(rows.find((r) => r.table_name === "workspaces")).toMatchObject({ rows_copied: 2, done: true });
      expect(rows.find((r) => r.table_name === "eval_scores")).toMatchObject({ rows_copied: 0, done: false });
      for (const { table_name, rows_copied } of rows) {
        const { rows: count } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table_name}"`);
        expect(count[0]!.n, table_name).toBe(Number(rows_copied));
      }
      // Stopped or not, the triggers are back on.
      expect(await userTriggersEnabled(client)).toBe(true);
    });

    const resumed = await copyDatabase({ from: source, to: url, batchSize: 7 });
    expect(resumed.resumed).toBe(true);
    expect(resumed.copiedThisRun).toBeGreaterThan(0);
    expect(resumed.copiedThisRun).toBeLessThan(resumed.rows);
    const counts = await expectSameAsSource(url);
    expect(resumed.rows).toBe(Object.values(counts).reduce((sum, n) => sum + n, 0));
    await withClient(url, async (client) => {
      expect(await userTriggersEnabled(client)).toBe(true);
      expect((await client.query("SELECT to_regclass($1) AS t", [CHECKPOINT_TABLE])).rows).toEqual([{ t: null }]);
    });
  }, 60_000);

  it("refuses a target that already has studio data, leaving it as it was", async () => {
    const cli = await runCli(["--from", source, "--to", copied]);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toMatch(/^Copy refused: The target database already has studio data/);
    await expectSameAsSource(copied);
    await withClient(copied, async (client) => expect(await userTriggersEnabled(client)).toBe(true));
  }, 60_000);

  it("refuses a missing source file and one whose migrations are not all applied", async () => {
    const cli = await runCli(["--from", path.join(os.tmpdir(), `no-such-studio-${process.pid}`, "missing.db"), "--to", copied]);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toMatch(/^Copy refused: There is no SQLite database at .*missing\.db/);

    const behind = path.join(os.tmpdir(), "promptops-unit", `behind-${process.pid}.db`);
    fs.copyFileSync(source, behind);
    const db = new Database(behind);
    db.prepare("DELETE FROM __drizzle_migrations WHERE rowid = (SELECT max(rowid) FROM __drizzle_migrations)").run();
    db.close();
    try {
      const refusal = await copyDatabase({ from: behind, to: copied }).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(CopyRefusedError);
      const migrations = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "db", "migrations", "meta", "_journal.json"), "utf8")) as { entries: unknown[] }).entries.length;
      expect((refusal as Error).message).toContain(`has ${migrations - 1} of this studio's ${migrations} migrations applied. Bring it up to date first`);
    } finally {
      fs.rmSync(behind, { force: true });
    }
  }, 60_000);

  it("refuses bad arguments with its usage and exit code 2", async () => {
    const missingTo = await runCli(["--from", source]);
    expect([missingTo.code, missingTo.stderr]).toEqual([2, expect.stringContaining("usage: npm run db:copy -- --from <sqlite file> --to <postgres://…>")]);
    const sqliteTarget = await runCli(["--from", source, "--to", "data/other.db"]);
    expect([sqliteTarget.code, sqliteTarget.stderr]).toEqual([2, expect.stringContaining("--to must be a postgres:// URL")]);
    const unknown = await runCli(["--from", source, "--to", copied, "--fast"]);
    expect([unknown.code, unknown.stderr]).toEqual([2, expect.stringContaining("Unknown option '--fast'")]);
  }, 60_000);
});
