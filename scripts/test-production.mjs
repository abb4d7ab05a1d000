// `npm run test:production`: the production path an operator takes, on a copy of this checkout:
// `npm ci --omit=dev && npm run build && npm start`. Checks that the install has no dev dependencies (no tsx, no
// TypeScript runner at run time), that the build and the compiled server work with what is left, that the server
// applies the migrations to a new database and answers, and that SIGTERM stops it cleanly. The Dockerfile runs the
// same three commands; Docker itself cannot run on the machines this is tested on, so the server is started from
// exactly the files the Dockerfile's runtime stage copies (its COPY --from=build lines), nothing else.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "studio-production-"));

function step(what, command, args, options = {}) {
  console.log(`\n[production] ${what}: ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { cwd: dir, stdio: "inherit", ...options });
  if (result.status !== 0) fail(`${what} failed (exit ${result.status})`);
}

let runtime = null;

function fail(message) {
  console.error(`[production] FAILED: ${message}`);
  fs.rmSync(dir, { recursive: true, force: true });
  if (runtime) fs.rmSync(runtime, { recursive: true, force: true });
  process.exit(1);
}

function freePort() {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url, server, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) fail(`the server exited (${server.exitCode}) before answering`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return response.json();
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  fail(`no healthy answer from ${url}/api/health in ${timeoutMs} ms`);
}

// The files git knows (tracked, and new ones not ignored), as a fresh clone would have them: no node_modules, no build.
const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: root })
  .toString()
  .split("\0")
  .filter((file) => file && fs.existsSync(path.join(root, file)));
for (const file of files) {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.copyFileSync(path.join(root, file), path.join(dir, file));
}
console.log(`[production] copied ${files.length} files to ${dir}`);

step("install without dev dependencies", "npm", ["ci", "--omit=dev", "--no-audit", "--no-fund"]);
for (const devOnly of ["tsx", "vitest", "drizzle-kit", "eslint", "autocannon"]) {
  if (fs.existsSync(path.join(dir, "node_modules", devOnly))) fail(`${devOnly} is installed: the install kept dev dependencies`);
}
step("build", "npm", ["run", "build"]);

// The runtime stage's file set, read from the Dockerfile: `COPY --from=build /app/a /app/b ./` or `/app/x ./x`.
runtime = fs.mkdtempSync(path.join(os.tmpdir(), "studio-runtime-"));
const dockerfile = fs.readFileSync(path.join(dir, "Dockerfile"), "utf8");
const runtimeStage = dockerfile.slice(dockerfile.lastIndexOf("\nFROM "));
for (const [, args] of runtimeStage.matchAll(/^COPY --from=build (.+)$/gm)) {
  const parts = args.trim().split(/\s+/);
  const target = parts.pop();
  for (const source of parts) {
    const relative = path.relative("/app", source);
    const destination = target.endsWith("/") ? path.join(runtime, target, path.basename(relative)) : path.join(runtime, target);
    fs.cpSync(path.join(dir, relative), destination, { recursive: true, verbatimSymlinks: true });
  }
}
console.log(`\n[production] the Dockerfile's runtime files: ${fs.readdirSync(runtime).join(", ")}`);

const port = await freePort();
const url = `http://127.0.0.1:${port}`;
// npm start's own command, run without npm in between: npm answers a signal by re-raising it on itself, which would
// hide whether the server exited cleanly.
const { start } = JSON.parse(fs.readFileSync(path.join(runtime, "package.json"), "utf8")).scripts;
console.log(`\n[production] start (npm start): ${start} -p ${port}`);
const server = spawn("sh", ["-c", `exec ${start} -p ${port} -H 127.0.0.1`], {
  cwd: runtime,
  env: { ...process.env, NODE_ENV: "production", DATABASE_URL: path.join(runtime, "data", "studio.db"), LOG_LEVEL: "warn" },
  stdio: "inherit",
});
const health = await waitForHealth(url, server);
if (health.status !== "ok" || health.database !== "ok") fail(`unhealthy: ${JSON.stringify(health)}`);
// A new database: the migrations ran at start, and the first visitor is sent to set the studio up.
const login = await fetch(`${url}/login`, { redirect: "manual" });
if (!(login.status >= 300 && login.status < 400 && login.headers.get("location")?.endsWith("/setup"))) fail(`/login answered ${login.status} ${login.headers.get("location")}`);
const setup = await fetch(`${url}/setup`);
if (setup.status !== 200) fail(`/setup answered ${setup.status}`);
const api = await fetch(`${url}/api/v1/prompts/anything`);
if (api.status !== 401) fail(`the delivery API answered ${api.status} without a key`);

server.kill("SIGTERM");
const code = await new Promise((resolve) => server.once("exit", (exitCode) => resolve(exitCode)));
if (code !== 0) fail(`the server exited with ${code} on SIGTERM`);
fs.rmSync(dir, { recursive: true, force: true });
fs.rmSync(runtime, { recursive: true, force: true });
console.log("\n[production] ok: npm ci --omit=dev, npm run build and npm start (on the Dockerfile's runtime files) work, and SIGTERM stops the server cleanly");
