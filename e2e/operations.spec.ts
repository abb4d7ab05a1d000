// Operations against production servers of their own (server.ts on a temporary database): a database locked by
// another process, graceful shutdown on SIGTERM with an eval run and playground streams in flight, the restart that
// resumes the run, and a boot on a database the server cannot write. What was stored is read from the file itself.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { runColumnInput } from "@/lib/testing/run-column";
import { startFixtureLlmServer, type FixtureLlmServer } from "./fixtures/llm-server";
import { STUDIO_PORT } from "./support/env";
import { prepareStudio, readEvents, signIn, startStudio, tempStudioDir, waitUntilUp, type StudioProcess } from "./support/studio-process";
import { expect, test } from "./support/test";

// Ports of their own, clear of the shared servers (port, port + 1, port + 10).
const OPS_PORT = STUDIO_PORT + 20;
const READ_ONLY_PORT = STUDIO_PORT + 21;

test.describe.configure({ mode: "serial" });

let llm: FixtureLlmServer;
let dir: string;
const started: StudioProcess[] = [];

test.beforeAll(async () => {
  // Each eval case takes 100 ms at the fixture, so a run of 400 cases at concurrency 2 lasts about 20 s.
  llm = await startFixtureLlmServer({ latencyMs: 100 });
  dir = tempStudioDir();
});

test.afterAll(async () => {
  for (const studio of started) studio.child.kill("SIGKILL");
  await llm.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function readDb<T>(file: string, read: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

async function timed(request: () => Promise<Response>): Promise<{ response: Response; body: Record<string, unknown>; ms: number }> {
  const t0 = performance.now();
  const response = await request();
  const body = (await response.json()) as Record<string, unknown>;
  return { response, body, ms: performance.now() - t0 };
}

test("a locked database, then SIGTERM mid-run: runs are handed back, streams get their grace, the restart resumes at once", async () => {
  test.setTimeout(240_000);
  const databaseUrl = path.join(dir, "studio.db");
  const studioData = prepareStudio({ databaseUrl, fixtureUrl: llm.url, cases: 400 });
  const env = { DATABASE_URL: databaseUrl, SHUTDOWN_GRACE_MS: "4000" };

  const first = startStudio({ port: OPS_PORT, env });
  started.push(first);
  await waitUntilUp(first);
  const member = await signIn(first.url, studioData);
  /** A playground run of v1 for `name` on `modelId`. */
  const column = (name: string, modelId: string) => runColumnInput({ promptId: studioData.promptId, modelId, variables: { name } });
  // Started as CI starts one, with an API key: the studio's own form starts runs through a server action.
  const created = await fetch(`${first.url}/api/v1/evals/runs`, {
    method: "POST",
    headers: { authorization: `Bearer ${studioData.apiKey}`, "content-type": "application/json" },
    body: JSON.stringify({
      prompt: "greet",
      version: 1,
      dataset: studioData.datasetName,
      scorers: [{ key: "contains-1", type: "contains", label: 'contains "Echo"', params: { value: "Echo" } }],
      concurrency: 2,
    }),
  });
  expect(created.status).toBe(201);
  const runId = ((await created.json()) as { id: string }).id;
  const resultCount = () => readDb(databaseUrl, (db) => (db.prepare("SELECT count(*) AS n FROM eval_results WHERE run_id = ?").get(runId) as { n: number }).n);
  await expect.poll(resultCount, { timeout: 60_000 }).toBeGreaterThanOrEqual(4);

  // --- Another process holds the write lock for 3 s. -------------------------------------------------------------
  const holder = new Database(databaseUrl);
  holder.exec("BEGIN IMMEDIATE");
  const lockedUntil = Date.now() + 3_000;
  const healthTimes: number[] = [];
  try {
    // The eval worker keeps trying to write its results meanwhile; nothing it does may stall the other requests.
    while (Date.now() < lockedUntil) {
      const health = await timed(() => fetch(`${first.url}/api/health`));
      healthTimes.push(health.ms);
      expect(health.response.status).toBe(503);
      expect(health.body).toMatchObject({ status: "degraded", database: "locked" });
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    const read = await timed(() => member.get(`/api/evals/runs/${runId}`));
    expect(read.response.status).toBe(200);
    expect(read.ms).toBeLessThan(2_500);

    const write = await timed(() => member.postJson("/api/playground/run", column("locked", "fx:echo")));
    expect(write.response.status).toBe(503);
    expect(write.response.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(write.body).toMatchObject({ code: "unavailable:database" });
  } finally {
    holder.exec("ROLLBACK");
    holder.close();
  }
  // Before, every write of the worker waited synchronously for the lock (busy_timeout 5000), so each of these
  // requests took seconds. The bounds are generous because this machine is shared: the median is what tells.
  expect(healthTimes.length).toBeGreaterThanOrEqual(3);
  expect(healthTimes.toSorted((a, b) => a - b)[Math.floor(healthTimes.length / 2)]).toBeLessThan(1_000);
  expect(Math.max(...healthTimes)).toBeLessThan(4_000);
  const healthy = await fetch(`${first.url}/api/health?deep=1`);
  expect(healthy.status).toBe(200);
  expect(await healthy.json()).toMatchObject({ status: "ok", database: "ok" });

  // --- Two playground streams in flight: one ends within the grace period, one does not. ------------------------
  const longName = Array.from({ length: 80 }, (_, i) => `word${i}`).join(" ");
  const streams = [column("Ada", "fx:slow-50"), column(longName, "fx:slow-250")].map(async (body) => {
    const response = await member.postJson("/api/playground/run", body);
    expect(response.status).toBe(200);
    let firstDelta!: () => void;
    const sawDelta = new Promise<void>((resolve) => (firstDelta = resolve));
    const events = readEvents(response, (event) => {
      if (event.type === "delta") firstDelta();
    });
    await sawDelta;
    return { events };
  });
  const [short, long] = await Promise.all(streams);
  await expect.poll(resultCount).toBeGreaterThanOrEqual(10);

  first.child.kill("SIGTERM");
  const [shortEvents, longEvents] = await Promise.all([short!.events, long!.events]);
  expect(await first.exited).toBe(0);

  // The short stream finished within the grace period; the long one was stopped at its end and says so.
  expect(shortEvents.at(-1)).toMatchObject({ type: "done" });
  expect(longEvents.at(-1)).toMatchObject({ type: "error", status: "cancelled" });
  const streamed = (events: Record<string, unknown>[]) => events.filter((e) => e.type === "delta").map((e) => e.text).join("");
  const runIdOf = (events: Record<string, unknown>[]) => events[0]!.runId as string;
  const stored = (id: string) =>
    readDb(databaseUrl, (db) => db.prepare("SELECT status, output, error_message AS errorMessage FROM playground_runs WHERE id = ?").get(id)) as {
      status: string;
      output: string;
      errorMessage: string | null;
    };
  expect(stored(runIdOf(shortEvents))).toMatchObject({ status: "succeeded", output: "Echo: Say hello to Ada." });
  const cut = stored(runIdOf(longEvents));
  expect(cut.status).toBe("cancelled");
  expect(cut.errorMessage).toMatch(/shut down/);
  expect(cut.output).toBe(streamed(longEvents));
  expect(cut.output.length).toBeGreaterThan(0);
  expect(`Echo: Say hello to ${longName}.`.startsWith(cut.output)).toBe(true);
  expect(cut.output.length).toBeLessThan(`Echo: Say hello to ${longName}.`.length);

  // The eval run was handed back at once, not left "running" for a stale heartbeat to find.
  const run = () => readDb(databaseUrl, (db) => db.prepare("SELECT status, worker_id AS workerId FROM eval_runs WHERE id = ?").get(runId)) as { status: string; workerId: string | null };
  expect(run()).toEqual({ status: "interrupted", workerId: null });
  const beforeStop = readDb(databaseUrl, (db) => db.prepare("SELECT id, run_case_id AS runCaseId FROM eval_results WHERE run_id = ?").all(runId)) as { id: string; runCaseId: string }[];
  expect(beforeStop.length).toBeLessThan(400);

  // --- The restart resumes the run on its first poll, long before a heartbeat could go stale (30 s). -------------
  const second = startStudio({ port: OPS_PORT, env });
  started.push(second);
  await waitUntilUp(second);
  await expect.poll(() => run().status, { timeout: 5_000 }).not.toBe("interrupted");
  await expect.poll(() => run().status, { timeout: 60_000 }).toBe("completed");
  const after = readDb(databaseUrl, (db) => db.prepare("SELECT id, run_case_id AS runCaseId FROM eval_results WHERE run_id = ?").all(runId)) as { id: string; runCaseId: string }[];
  expect(after).toHaveLength(400);
  expect(new Set(after.map((r) => r.runCaseId)).size).toBe(400);
  const afterIds = new Set(after.map((r) => r.id));
  for (const r of beforeStop) expect(afterIds.has(r.id)).toBe(true);
  // No finished case was sent to the model again: at most the calls cut by the shutdown were repeated.
  const cases = readDb(databaseUrl, (db) => db.prepare("SELECT variables FROM eval_run_cases WHERE run_id = ?").all(runId)) as { variables: string }[];
  const sent = cases.reduce((sum, c) => sum + (llm.byPrompt.get(`Say hello to ${(JSON.parse(c.variables) as { name: string }).name}.`) ?? 0), 0);
  expect(sent).toBeLessThanOrEqual(400 + 2);

  second.child.kill("SIGTERM");
  expect(await second.exited).toBe(0);
});

test("a server on a database folder it cannot write stops at boot, naming the path", async () => {
  test.setTimeout(120_000);
  const readOnly = path.join(dir, "read-only");
  fs.mkdirSync(readOnly);
  const databaseUrl = path.join(readOnly, "studio.db");
  prepareStudio({ databaseUrl, fixtureUrl: llm.url, cases: 1 });
  // Root may write anywhere, so as root the server runs as "nobody", for whom the folder is read-only.
  const asRoot = process.getuid?.() === 0;
  fs.chmodSync(readOnly, 0o555);
  fs.chmodSync(databaseUrl, 0o644);
  const studio = startStudio({
    port: READ_ONLY_PORT,
    // Set, so the secrets.json that only root may read is not what stops it.
    env: { DATABASE_URL: databaseUrl, AUTH_SECRET: "x".repeat(32), STUDIO_ENCRYPTION_KEY: "ab".repeat(32), HOME: dir },
    ...(asRoot ? { uid: 65534 } : {}),
  });
  started.push(studio);
  expect(await studio.exited).toBe(1);
  expect(studio.output()).toContain(`Cannot write the database at ${databaseUrl}`);
  fs.chmodSync(readOnly, 0o755);
});
