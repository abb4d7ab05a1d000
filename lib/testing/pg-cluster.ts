// Throwaway PostgreSQL clusters for tests (scripts/pg-cluster.mjs, as CI and the e2e launcher use it): the Postgres
// suite's global setup and the SQLite-suite tests that need a cluster of their own start, fill and stop them here.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { REPO_ROOT } from "./repo-root";

const SCRIPT = path.join(REPO_ROOT, "scripts", "pg-cluster.mjs");

export interface TestCluster {
  /** URL of the cluster's `postgres` database. */
  url: string;
  stop(): void;
}

/** Starts a cluster in a temporary folder (run by the `postgres` user under root); stop() removes it. */
export function startTestCluster(): TestCluster {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "promptops-pg-"));
  const url = execFileSync(process.execPath, [SCRIPT, "start", dir], { encoding: "utf8" }).trim();
  return { url, stop: () => void execFileSync(process.execPath, [SCRIPT, "stop", dir]) };
}

/** Creates database `name` on the cluster at `clusterUrl` (empty, or a copy of `template`); returns its URL. */
export async function createTestDatabase(clusterUrl: string, name: string, { template }: { template?: string } = {}): Promise<string> {
  const admin = new pg.Client({ connectionString: clusterUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ""}`);
  } finally {
    await admin.end();
  }
  const url = new URL(clusterUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
