// Vitest global setup for the Postgres run (vitest.postgres.config.ts): one throwaway cluster for the whole run
// (scripts/pg-cluster.mjs); each test file then gets a database of its own (./setup-unit-postgres.ts).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import type { TestProject } from "vitest/node";
import { REPO_ROOT } from "./repo-root";

/** Migrated once; each test file's database is a copy of it (CREATE DATABASE … TEMPLATE), which takes milliseconds. */
export const TEMPLATE_DATABASE = "studio_template";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "promptops-pg-"));
  const script = path.join(REPO_ROOT, "scripts", "pg-cluster.mjs");
  const url = execFileSync(process.execPath, [script, "start", dir], { encoding: "utf8" }).trim();
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  await admin.end();
  const templateUrl = new URL(url);
  templateUrl.pathname = `/${TEMPLATE_DATABASE}`;
  const template = new pg.Client({ connectionString: templateUrl.toString() });
  await template.connect();
  await migrate(drizzle(template), { migrationsFolder: path.join(REPO_ROOT, "db", "migrations-pg") });
  await template.end();
  project.provide("postgresUrl", url);
  return () => {
    execFileSync(process.execPath, [script, "stop", dir]);
  };
}
