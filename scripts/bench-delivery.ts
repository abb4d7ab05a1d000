// `npm run bench:delivery`: the calls an application makes on every model call, on the production build behind the
// custom server (dist/server.js): GET /api/v1/prompts/{name}?label=production, the list, POST .../render and
// POST /api/v1/generations. Each runs next to a bare node:http server answering the same bytes (reading the request
// body first, as the studio must), both driven by autocannon on loopback (50 connections, 10 s each). Reports the
// rates, their ratio and p50/p99 against the targets (the prompt GET >= 40% of the bare server with p99 < 25 ms;
// render and generations >= 30%), and the server's resident memory before and after all of it (target < 400 MiB).
// A benchmark reports numbers; it asserts nothing. BENCH_ONLY=<label part> runs the calls whose label contains it;
// BENCH_CPU_PROF=<dir> writes the studio's V8 CPU profile there when it stops (open it in Chrome's DevTools).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { BARE_SERVER, deliveryCalls, seedDeliveryWorkspace, type DeliveryCall } from "./bench-delivery-calls";

const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP_S = 3;
const PORTS = { from: 3400, to: 3499 };
const TARGET_P99_MS = 25;
const TARGET_RSS_MIB = 400;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-delivery-"));
process.env.DATABASE_URL = path.join(dir, "bench.db");
const children: ChildProcess[] = [];

async function seed(): Promise<DeliveryCall[]> {
  const { closeDb } = await import("@/db");
  const keys = await seedDeliveryWorkspace();
  closeDb();
  return deliveryCalls(keys);
}

/** Resident memory of a process, in MiB (Linux). */
function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

function ensureBuild() {
  if (fs.existsSync(path.join(".next", "BUILD_ID")) && fs.existsSync(path.join("dist", "server.js"))) return;
  console.log("No production build (.next/BUILD_ID, dist/server.js): running npm run build first.");
  const result = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (result.status !== 0) throw new Error("npm run build failed");
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

async function freePort(after = PORTS.from - 1): Promise<number> {
  for (let port = after + 1; port <= PORTS.to; port++) if (await portIsFree(port)) return port;
  throw new Error(`no free port in ${PORTS.from}-${PORTS.to}`);
}

function start(args: string[], env: Record<string, string>): ChildProcess {
  const { NODE_OPTIONS: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, args, { env: { ...inherited, ...env }, stdio: ["ignore", "ignore", "inherit"] });
  children.push(child);
  return child;
}

async function waitFor(url: string, init?: RequestInit): Promise<Response> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      const response = await fetch(url, init);
      if (response.ok) return response;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer 200 within 90 s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function drive(url: string, { method = "GET", headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string }, duration: number) {
  return autocannon({ url, connections: CONNECTIONS, duration, method: method as "GET" | "POST", headers, body });
}


async function main() {
  ensureBuild();
  const targets = await seed();

  const studioPort = await freePort();
  const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : [];
  const studio = start([...profile, "--enable-source-maps", "dist/server.js", "-p", String(studioPort), "-H", "127.0.0.1"], {
    DATABASE_URL: process.env.DATABASE_URL!,
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
  });
  const studioBase = `http://127.0.0.1:${studioPort}`;
  await waitFor(`${studioBase}/api/health`);
  const call = (target: DeliveryCall) => ({
    method: target.method,
    headers: { authorization: `Bearer ${target.key}`, ...(target.body ? { "content-type": "application/json" } : {}) },
    body: target.body,
  });
  const bodies: Record<string, string> = {};
  for (const target of targets) bodies[target.path] = await (await waitFor(studioBase + target.path, call(target))).text();
  const rssBefore = rssMiB(studio.pid!);

  const barePort = await freePort(studioPort);
  start(["-e", BARE_SERVER], { BENCH_BODIES: JSON.stringify(bodies), BENCH_PORT: String(barePort) });
  const bareBase = `http://127.0.0.1:${barePort}`;
  await waitFor(bareBase + targets[0]!.path);

  console.log(`${os.cpus().length} cores, Node ${process.version}. ${CONNECTIONS} connections, ${DURATION_S} s each, after ${WARMUP_S} s warm-up. Studio RSS after start: ${rssBefore.toFixed(0)} MiB.`);
  console.log();
  const row = (label: string, result: autocannon.Result) =>
    console.log(
      `${label.padEnd(44)} ${Math.round(result.requests.average).toLocaleString("en").padStart(9)} req/s   p50 ${String(result.latency.p50).padStart(3)} ms   p99 ${String(result.latency.p99).padStart(3)} ms   non-2xx ${result.non2xx}, errors ${result.errors}`,
    );
  const verdicts: string[] = [];
  const only = process.env.BENCH_ONLY;
  for (const target of targets.filter((t) => !only || t.label.includes(only))) {
    const bareHeaders: Record<string, string> = target.body ? { "content-type": "application/json" } : {};
    const bareCall = { method: target.method, headers: bareHeaders, body: target.body };
    await drive(studioBase + target.path, call(target), WARMUP_S);
    const measured = await drive(studioBase + target.path, call(target), DURATION_S);
    await drive(bareBase + target.path, bareCall, WARMUP_S);
    const bare = await drive(bareBase + target.path, bareCall, DURATION_S);
    row(`studio ${target.label}`, measured);
    row("  bare node:http, same bytes", bare);
    const ratio = measured.requests.average / bare.requests.average;
    const goal = target.targetRatio === undefined ? "" : `   target >= ${target.targetRatio * 100}%: ${ratio >= target.targetRatio ? "met" : "NOT met"}`;
    verdicts.push(`${target.label.padEnd(44)} studio / bare ${(ratio * 100).toFixed(1)}%${goal}`);
    if (target.targetRatio === 0.4) verdicts.push(`${"".padEnd(44)} p99 ${measured.latency.p99} ms   target < ${TARGET_P99_MS} ms: ${measured.latency.p99 < TARGET_P99_MS ? "met" : "NOT met"}`);
    if (measured.non2xx > 0 || measured.errors > 0) verdicts.push(`WARNING: the studio answered errors on ${target.label}; its rate is not the endpoint's.`);
  }
  const rssAfter = rssMiB(studio.pid!);
  console.log();
  for (const line of verdicts) console.log(line);
  console.log(`studio RSS after all the load: ${rssAfter.toFixed(0)} MiB (after start ${rssBefore.toFixed(0)} MiB)   target < ${TARGET_RSS_MIB} MiB: ${rssAfter < TARGET_RSS_MIB ? "met" : "NOT met"}`);
}

function cleanUp() {
  for (const child of children) child.kill("SIGTERM");
  fs.rmSync(dir, { recursive: true, force: true });
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(cleanUp);
