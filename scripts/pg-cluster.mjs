#!/usr/bin/env node
// A throwaway PostgreSQL cluster for tests, CI and benchmarks: Debian's postgresql package, no system service.
//
//   node scripts/pg-cluster.mjs start <dir> [port]   initdb + start; prints the DATABASE_URL on stdout
//   node scripts/pg-cluster.mjs stop <dir>           stop and remove the folder
//
// initdb refuses to run as root, so under root (CI) the cluster belongs to the `postgres` user the package creates.
// The server listens on 127.0.0.1 and a socket in <dir>, with trust authentication: nothing outside this machine
// reaches it, and it lives only as long as the run. fsync is off because the data is thrown away.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

const [command, dirArgument, portArgument] = process.argv.slice(2);

function installedVersions(root) {
  return fs.existsSync(root) ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, "bin", "initdb"))) : [];
}

/** Debian's postgresql binaries; installed first when missing and this is root on Debian, as Chromium is for e2e. */
function binDir() {
  const root = "/usr/lib/postgresql";
  let versions = installedVersions(root);
  if (versions.length === 0 && process.getuid?.() === 0 && fs.existsSync("/usr/bin/apt-get")) {
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    execFileSync("apt-get", ["install", "-y", "-qq", "postgresql"], { stdio: "inherit" });
    versions = installedVersions(root);
  }
  if (versions.length === 0) throw new Error("PostgreSQL is not installed: apt-get install -y postgresql (Debian), for npm test's Postgres suite");
  versions.sort((a, b) => Number(b) - Number(a));
  return path.join(root, versions[0], "bin");
}

const asRoot = process.getuid?.() === 0;

/** Runs a PostgreSQL binary, as the postgres user when this process is root. */
function pg(binary, args, options = {}) {
  const file = path.join(binDir(), binary);
  const [cmd, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", file, ...args]] : [file, args];
  return execFileSync(cmd, argv, { stdio: ["ignore", "pipe", "pipe"], encoding: "utf8", ...options });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function start(dir, port) {
  fs.mkdirSync(dir, { recursive: true });
  if (asRoot) execFileSync("chown", ["-R", "postgres:postgres", dir]);
  const data = path.join(dir, "data");
  pg("initdb", ["-D", data, "-A", "trust", "-U", "studio", "--no-sync", "-E", "UTF8", "--locale=C"]);
  const settings = [`-p ${port}`, `-k ${dir}`, "-c listen_addresses=127.0.0.1", "-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off", "-c max_connections=200"];
  pg("pg_ctl", ["-D", data, "-o", settings.join(" "), "-l", path.join(dir, "log"), "-w", "start"]);
  fs.writeFileSync(path.join(dir, "port"), String(port));
  return `postgres://studio@127.0.0.1:${port}/postgres`;
}

/** pg_ctl's exit status 3 means no server is running in <data>, whatever postmaster.pid says. */
function running(data) {
  try {
    pg("pg_ctl", ["-D", data, "status"]);
    return true;
  } catch (error) {
    if (error.status === 3) return false;
    throw error;
  }
}

function stop(dir) {
  const data = path.join(dir, "data");
  // A run killed outright (SIGKILL, a lost machine) leaves postmaster.pid naming a process that is gone, and
  // pg_ctl stop fails on it ("could not send stop signal"): only a server that is still running gets stopped.
  if (fs.existsSync(path.join(data, "postmaster.pid")) && running(data)) pg("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
  fs.rmSync(dir, { recursive: true, force: true });
}

if (command === "start" && dirArgument) {
  const url = await start(path.resolve(dirArgument), Number(portArgument ?? (await freePort())));
  console.log(url);
} else if (command === "stop" && dirArgument) {
  stop(path.resolve(dirArgument));
} else {
  console.error("usage: node scripts/pg-cluster.mjs start <dir> [port] | stop <dir>");
  process.exit(2);
}
