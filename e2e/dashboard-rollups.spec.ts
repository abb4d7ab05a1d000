// The dashboard shows the same numbers from the rollups as from the raw rows, on the demo data (issue 17). A studio of
// its own (a production server on a database of its own) is seeded with the demo workspace. Its dashboard is read
// from the rollups; then the database is put back as it was before the rollups existed (rollups empty, every backfill
// pending), so the same page is read from the raw rows; then `npm run db:rollups` backfills while the server runs,
// the page reads rollups again, and `npm run db:rollups -- --verify` finds nothing to report. Every chart's data
// table (the accessible twin of each chart) must read the same each time.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { STUDIO_PORT } from "./support/env";
import { signIn, startStudio, tempStudioDir, waitUntilUp, type StudioProcess } from "./support/studio-process";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";

const PORT = STUDIO_PORT + 22;

let dir: string;
let studio: StudioProcess | undefined;

test.afterAll(() => {
  studio?.child.kill("SIGKILL");
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function npmScript(script: string, databaseUrl: string, ...args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", "--conditions=react-server", script, ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "warn" },
    encoding: "utf8",
  });
}

/**
 * Every table of the page (the charts' data tables, the served-versions table), as caption → rows of cell text, read
 * from the DOM once the page has loaded. Not from the HTML text: React streams parts of a table that were not ready
 * at the first flush as hidden segments moved into place by script, so the raw HTML's tables depend on timing.
 */
async function tablesOf(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(() => {
    const text = (node: Element) => (node.textContent ?? "").replace(/\s+/g, " ").trim();
    const tables: Record<string, string[]> = {};
    for (const table of Array.from(document.querySelectorAll("table:not([hidden])"))) {
      const caption = table.querySelector("caption");
      const rows = Array.from(table.querySelectorAll("tr")).map((row) => Array.from(row.querySelectorAll("th, td")).map(text).join(" "));
      tables[caption ? text(caption) : `table ${Object.keys(tables).length + 1}`] = rows;
    }
    return tables;
  });
}

test("the dashboard reads the same from rollups, from raw rows before a backfill, and after it", async ({ browser }) => {
  test.setTimeout(180_000);
  dir = tempStudioDir();
  const databaseUrl = path.join(dir, "studio.db");
  const seeded = npmScript("scripts/db-seed.ts", databaseUrl);
  expect(seeded.status, seeded.stderr).toBe(0);

  studio = startStudio({ port: PORT, env: { DATABASE_URL: databaseUrl } });
  await waitUntilUp(studio);
  const lead = await signIn(studio.url, { email: "lead@example.com", password: "promptops-demo" });
  const context = await browser.newContext();
  await context.addCookies(
    lead.cookie.split("; ").map((pair) => {
      const at = pair.indexOf("=");
      return { name: pair.slice(0, at), value: pair.slice(at + 1), url: studio!.url };
    }),
  );
  const page = await context.newPage();
  const dashboard = async () => {
    const response = await page.goto(`${studio!.url}/dashboard?range=all`, { waitUntil: "load" });
    expect(response?.status()).toBe(200);
    return tablesOf(page);
  };

  const fromRollups = await dashboard();
  expect(Object.keys(fromRollups)).toEqual(expect.arrayContaining(["Pass rate per run", "Mean score per run", "Cost and latency per run"]));
  expect(fromRollups["Pass rate per run"]!.length).toBeGreaterThan(1);

  // As before the rollups: nothing rolled up, every source waiting for its backfill. The server reads raw rows.
  const db = new Database(databaseUrl);
  try {
    db.exec(`BEGIN IMMEDIATE;
      DELETE FROM rating_rollups; DELETE FROM rating_criterion_rollups; DELETE FROM generation_rollups; DELETE FROM eval_target_rollups; DELETE FROM eval_scorer_rollups;
      UPDATE rollup_backfills SET done = 0, cursor = NULL;
      COMMIT;`);
  } finally {
    db.close();
  }
  expect(await dashboard()).toEqual(fromRollups);

  const backfill = npmScript("scripts/db-rollups.ts", databaseUrl);
  expect(backfill.status, backfill.stderr).toBe(0);
  expect(backfill.stdout).toMatch(/Rollups backfilled: 0 ratings, 0 generations, [1-9]\d* eval_results added\./);
  expect(await dashboard()).toEqual(fromRollups);

  await context.close();

  const verify = npmScript("scripts/db-rollups.ts", databaseUrl, "--verify");
  expect(verify.stdout).toContain("Rollups agree with the raw rows.");
  expect(verify.status).toBe(0);
});
