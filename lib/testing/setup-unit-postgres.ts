// Vitest setup for the Postgres run: every test file gets a database of its own on the run's cluster
// (./postgres-global-setup.ts), a copy of the migrated template, so tests that write never see each other. DATABASE_URL
// is set before anything imports db/, whose schema is built for the engine it names (db/schema/dialect.ts).
import { randomUUID } from "node:crypto";
import { afterAll, inject } from "vitest";
import { createTestDatabase } from "./pg-cluster";
import { TEMPLATE_DATABASE } from "./postgres-global-setup";

const name = `test_${randomUUID().replaceAll("-", "")}`;
process.env.DATABASE_URL = await createTestDatabase(inject("postgresUrl"), name, { template: TEMPLATE_DATABASE });
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
