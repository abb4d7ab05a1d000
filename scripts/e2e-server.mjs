// Starts one production server for the e2e suite on a database of its own, made fresh each run:
// `--seed` gives it the Demo workspace, otherwise it starts empty (the first-run setup journey). `--postgres` puts
// the database on a throwaway PostgreSQL cluster (scripts/pg-cluster.mjs) instead of a SQLite file, for the
// Postgres smoke set; its DATABASE_URL is written to <db-dir>/database-url for the specs to check what was stored.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync, spawn, spawnSync } from "node:child_process";

const [, , port, dbDir, ...flags] = process.argv;
if (!port || !dbDir) {
  console.error("usage: node scripts/e2e-server.mjs <port> <db-dir> [--seed] [--postgres]");
  process.exit(2);
}
fs.rmSync(dbDir, { recursive: true, force: true });
fs.mkdirSync(dbDir, { recursive: true });
const env = { ...process.env, DATABASE_URL: path.join(dbDir, "studio.db"), PORT: port, STUDIO_DEMO: "1", LOG_LEVEL: "warn" };
// The cluster lives in the temporary folder, which its (unprivileged) owner can reach wherever the checkout is.
const cluster = path.join(os.tmpdir(), `studio-e2e-pg-${port}`);
const stopCluster = () => execFileSync(process.execPath, ["scripts/pg-cluster.mjs", "stop", cluster], { stdio: "inherit" });
if (flags.includes("--postgres")) {
  stopCluster();
  env.DATABASE_URL = execFileSync(process.execPath, ["scripts/pg-cluster.mjs", "start", cluster], { encoding: "utf8" }).trim();
  // Postgres needs the secrets given (lib/platform/env.ts); these are for a throwaway test server only.
  env.AUTH_SECRET = "e2e-postgres-secret-0123456789abcdef0123456789";
  env.STUDIO_ENCRYPTION_KEY = "1".repeat(64);
  fs.writeFileSync(path.join(dbDir, "database-url"), env.DATABASE_URL);
  process.on("exit", stopCluster);
}
// Specs play a reverse proxy by connecting from this loopback address (e2e/support/raw-client.ts).
env.TRUSTED_PROXIES ??= "127.0.0.2";

const step = spawnSync("npm", ["run", "--silent", flags.includes("--seed") ? "db:seed" : "db:migrate"], { stdio: "inherit", env });
if (step.status !== 0) process.exit(step.status ?? 1);

// The custom server, as `npm start` runs it; one process, so the signals below reach it.
const server = spawn(process.execPath, ["--enable-source-maps", "dist/server.js", "-p", port], { stdio: "inherit", env: { ...env, NODE_ENV: "production" } });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
