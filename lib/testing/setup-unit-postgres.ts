// Vitest setup for the Postgres run: every test file gets a database of its own on the run's cluster
// (./postgres-global-setup.ts), a copy of the migrated template, so tests that write never see each other. DATABASE_URL
// is set before anything imports db/, whose schema is built for the engine it names (db/schema/dialect.ts).
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { TEMPLATE_DATABASE } from "./postgres-global-setup";

const cluster = inject("postgresUrl");
const name = `test_${randomUUID().replaceAll("-", "")}`;
const admin = new pg.Client({ connectionString: cluster });
await admin.connect();
await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
await admin.end();
const url = new URL(cluster);
url.pathname = `/${name}`;
process.env.DATABASE_URL = url.toString();
// Postgres needs the secrets given (lib/platform/env.ts): fixed ones for tests.
process.env.AUTH_SECRET ??= "test-secret-for-the-postgres-suite-0123456789";
process.env.STUDIO_ENCRYPTION_KEY ??= "0".repeat(64);
// A query through getDb() while a transaction() is open reads outside it on Postgres: fail the test (db/index.ts).
process.env.STUDIO_ASSERT_TRANSACTION_READS = "1";

const { prepareDatabase } = await import("@/db");
await prepareDatabase();

afterAll(async () => {
  const { closeDb } = await import("@/db");
  closeDb();
});
