// Vitest global setup for the Postgres run (vitest.postgres.config.ts): one throwaway cluster for the whole run
// (scripts/pg-cluster.mjs); each test file then gets a database of its own (./setup-unit-postgres.ts).
import path from "node:path";
import pg from "pg";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import type { TestProject } from "vitest/node";
import { createTestDatabase, startTestCluster } from "./pg-cluster";
import { REPO_ROOT } from "./repo-root";

/** Migrated once; each test file's database is a copy of it (CREATE DATABASE … TEMPLATE), which takes milliseconds. */
export const TEMPLATE_DATABASE = "studio_template";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const cluster = startTestCluster();
  const templateUrl = await createTestDatabase(cluster.url, TEMPLATE_DATABASE);
  const template = new pg.Client({ connectionString: templateUrl });
  await template.connect();
  await migrate(drizzle(template), { migrationsFolder: path.join(REPO_ROOT, "db", "migrations-pg") });
  await template.end();
  project.provide("postgresUrl", cluster.url);
  return () => cluster.stop();
}
