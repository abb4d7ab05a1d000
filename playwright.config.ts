import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { FIXTURE_LLM_PORT, POSTGRES_STUDIO_PORT, POSTGRES_STUDIO_URL, SETUP_PORT, SETUP_URL, STUDIO_PORT, STUDIO_URL } from "./e2e/support/env";

// Debian's Chromium, never a downloaded browser (this machine, like many corporate ones, has no internet).
const chromiumPath =
  process.env.PLAYWRIGHT_CHROMIUM_PATH ?? ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => fs.existsSync(p));

export default defineConfig({
  testDir: "e2e",
  testMatch: /.*\.(spec|setup)\.ts/,
  fullyParallel: false,
  workers: process.env.CI ? 2 : 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // CI machines are slower than a laptop and run two workers beside a production build: allow for it. A journey
  // that opens Monaco two or three times can also meet its intermittent 15–20 s mount in headless Chromium
  // (EDITOR_MOUNT_TIMEOUT in e2e/support/env.ts) more than once.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: STUDIO_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "sign-in", testMatch: /auth\.setup\.ts/ },
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"] },
      dependencies: ["sign-in"],
      testIgnore: [/auth\.setup\.ts/, /dos\.spec\.ts/, /postgres-smoke\.spec\.ts/],
    },
    // The smoke set on PostgreSQL: the same build against a studio whose database is a Postgres cluster. It signs
    // in on its own (the sign-in project's sessions belong to the SQLite studio).
    { name: "postgres", use: { ...devices["Desktop Chrome"], baseURL: POSTGRES_STUDIO_URL }, testMatch: /postgres-smoke\.spec\.ts/ },
    // The denial-of-service spec measures the server's latency (health under 200 ms during each attack), so it runs
    // last, on its own, rather than beside another worker's browser journeys.
    { name: "alone", use: { ...devices["Desktop Chrome"] }, dependencies: ["chromium"], testMatch: /dos\.spec\.ts/ },
  ],
  webServer: [
    {
      command: `node scripts/e2e-server.mjs ${STUDIO_PORT} data/e2e-studio --seed`,
      url: `${STUDIO_URL}/api/health`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
      stdout: "pipe",
    },
    {
      command: `node scripts/e2e-server.mjs ${SETUP_PORT} data/e2e-setup`,
      url: `${SETUP_URL}/api/health`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
    {
      command: `node scripts/e2e-server.mjs ${POSTGRES_STUDIO_PORT} data/e2e-postgres --seed --postgres`,
      url: `${POSTGRES_STUDIO_URL}/api/health`,
      reuseExistingServer: !process.env.CI,
      timeout: 180_000,
      // SIGTERM, not the default SIGKILL, so the script stops its Postgres cluster (a daemon) on the way out.
      gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    },
    {
      command: `npx tsx e2e/fixtures/llm-server-cli.ts`,
      env: { PORT: String(FIXTURE_LLM_PORT) },
      url: `http://127.0.0.1:${FIXTURE_LLM_PORT}/v1/models`,
      reuseExistingServer: !process.env.CI,
      // CI machines are slower than a laptop and run two workers beside a production build: allow for it.
  timeout: 60_000,
    },
  ],
});
