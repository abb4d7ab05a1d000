// Starts one production server for the e2e suite on a database of its own, made fresh each run:
// `--seed` gives it the Demo workspace, otherwise it starts empty (the first-run setup journey).
import fs from "node:fs";
import path from "node:path";
import { spawn, spawnSync } from "node:child_process";

const [, , port, dbDir, ...flags] = process.argv;
if (!port || !dbDir) {
  console.error("usage: node scripts/e2e-server.mjs <port> <db-dir> [--seed]");
  process.exit(2);
}
fs.rmSync(dbDir, { recursive: true, force: true });
fs.mkdirSync(dbDir, { recursive: true });
const env = { ...process.env, DATABASE_URL: path.join(dbDir, "studio.db"), PORT: port, STUDIO_DEMO: "1", LOG_LEVEL: "warn" };
// Specs play a reverse proxy by connecting from this loopback address (e2e/support/raw-client.ts).
env.TRUSTED_PROXIES ??= "127.0.0.2";

const step = spawnSync("npm", ["run", "--silent", flags.includes("--seed") ? "db:seed" : "db:migrate"], { stdio: "inherit", env });
if (step.status !== 0) process.exit(step.status ?? 1);

// The custom server, as `npm start` runs it; one process, so the signals below reach it.
const server = spawn(process.execPath, ["--enable-source-maps", "dist/server.js", "-p", port], { stdio: "inherit", env: { ...env, NODE_ENV: "production" } });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
