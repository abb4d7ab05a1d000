import path from "node:path";
import { defineConfig } from "vitest/config";

// The unit and integration suites on PostgreSQL (`npm run test:unit:postgres`, part of npm test): one throwaway
// cluster for the run (scripts/pg-cluster.mjs), a database per test file copied from a migrated template. Every
// test runs here too unless it is listed below, with the reason.
const SQLITE_ITSELF = [
  // These test SQLite's own machinery: its file backup and restore, WAL and busy locks, the health probe of its
  // lock, the turn queue on its one connection, migrations replayed on scratch SQLite files, a second SQLite
  // connection playing another process. Postgres's counterparts are in *.postgres.test.ts.
  "db/backup.test.ts",
  "db/integrity.test.ts",
  "db/transaction.test.ts",
  "db/*migration*.test.ts",
  "db/write-probe.test.ts",
  "db/postgres-schema.test.ts",
  // Copies a SQLite database (the test's own) into a Postgres cluster it starts itself.
  "db/copy/copy-database.test.ts",
  "lib/core/errors.test.ts",
  "lib/api/delivery-cache.test.ts",
  "lib/platform/ops/database-busy.test.ts",
  "lib/platform/ops/health.test.ts",
  "lib/platform/webhooks/worker.test.ts",
];

export default defineConfig({
  resolve: { alias: { "@": path.resolve(__dirname) } },
  test: {
    environment: "node",
    include: ["lib/**/*.test.ts", "db/**/*.test.ts"],
    exclude: ["**/node_modules/**", ...SQLITE_ITSELF],
    globalSetup: ["lib/testing/postgres-global-setup.ts"],
    setupFiles: ["lib/testing/setup-unit-postgres.ts"],
    alias: { "server-only": path.resolve(__dirname, "lib/testing/server-only-noop.ts") },
  },
});
