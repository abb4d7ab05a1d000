import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(__dirname) } },
  test: {
    environment: "node",
    include: ["lib/**/*.test.ts", "db/**/*.test.ts", "scripts/**/*.test.ts", "components/**/*.test.tsx", "e2e/fixtures/**/*.test.ts"],
    // *.postgres.test.ts are about Postgres itself and run only in vitest.postgres.config.ts.
    exclude: ["**/node_modules/**", "**/*.postgres.test.ts"],
    setupFiles: ["lib/testing/setup-unit.ts"],
    // server-only throws outside a React Server bundle; unit tests import server modules directly.
    alias: { "server-only": path.resolve(__dirname, "lib/testing/server-only-noop.ts") },
  },
});
