// Part 1 of bench:scale: the delivery API on studio processes (dist/server.js) and a bare node:http server answering
// the same bytes, both driven by autocannon on loopback.
//
// Round robin: ONE autocannon instance is given every process's URL. autocannon deals connection i to URL i mod N,
// so the 50 connections are spread evenly over the processes (25/25; 13/13/12/12) and every response lands in one
// latency histogram, whose p99 is the whole cluster's. Each connection then keeps its process (keep-alive), as
// behind an L4 balancer: requests alternate between processes by connection, not one by one, and a slower process
// serves fewer of them. Several autocannon instances could not merge their p99s, and a request-by-request proxy
// would take CPU from the two cores under test.
import type { ChildProcess } from "node:child_process";
import autocannon from "autocannon";
import { BARE_SERVER, deliveryCalls, type DeliveryCall } from "../bench-delivery-calls";
import type { DeliveryKeys } from "./db-task";
import { cpuSeconds, exitedChildrenCpuSeconds, freePort, machineCpuSeconds, rssMiB, startChild, stopChild, waitFor } from "./processes";
import { wrk } from "./wrk";

export const CONNECTIONS = 50;
export const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
export const WARMUP_S = 3;


export type Target = DeliveryCall;

export function deliveryTargets(keys: DeliveryKeys): Target[] {
  return deliveryCalls(keys);
}

export interface Studio {
  child: ChildProcess;
  base: string;
}

/**
 * Starts `count` studio processes on one database at once and waits until each answers its health check. On
 * Postgres the secrets must be given and be the same in every process (lib/platform/env.ts); the caller's
 * environment carries them.
 */
export async function startStudios(count: number, databaseUrl: string): Promise<Studio[]> {
  const studios: Studio[] = [];
  for (let i = 0; i < count; i++) {
    const port = await freePort();
    const child = startChild(["--enable-source-maps", "dist/server.js", "-p", String(port), "-H", "127.0.0.1"], {
      DATABASE_URL: databaseUrl,
      NODE_ENV: "production",
      LOG_LEVEL: "warn",
      // Nothing is in flight when the benchmark stops a server; the default 30 s grace would only slow the run.
      SHUTDOWN_GRACE_MS: "2000",
    });
    studios.push({ child, base: `http://127.0.0.1:${port}` });
  }
  await Promise.all(studios.map((s) => waitFor(`${s.base}/api/health`, { child: s.child })));
  return studios;
}

export async function stopStudios(studios: Studio[]): Promise<void> {
  await Promise.all(studios.map((s) => stopChild(s.child)));
}

const callOf = (target: Target, withKey = true) => ({
  method: target.method,
  headers: {
    ...(withKey ? { authorization: `Bearer ${target.key}` } : {}),
    ...(target.body ? { "content-type": "application/json" } : {}),
  },
  body: target.body,
});

/** A warm-up, then the measured run, over `bases` round-robin by connection (see the header). */
async function drive(bases: string[], target: Target, withKey = true, onMeasureStart?: () => void): Promise<autocannon.Result> {
  const { method, headers, body } = callOf(target, withKey);
  const options = { url: bases.map((base) => base + target.path) as unknown as string, connections: CONNECTIONS, method, headers, body };
  await autocannon({ ...options, duration: WARMUP_S });
  onMeasureStart?.();
  return autocannon({ ...options, duration: DURATION_S });
}


export interface Load {
  perSecond: number;
  p50: number;
  p99: number;
  failures: number;
}

const loadOf = (result: autocannon.Result): Load => ({
  perSecond: result.requests.average,
  p50: result.latency.p50,
  p99: result.latency.p99,
  failures: result.non2xx + result.errors,
});

export interface RouteRow {
  engine: string;
  target: Target;
  studio: Load;
  bare: Load;
}

/** Each call on one studio process and, right after it, on a bare server answering the same bytes. */
export async function measureRoutes(engine: string, studio: Studio, targets: Target[]): Promise<RouteRow[]> {
  const bodies: Record<string, string> = {};
  for (const target of targets) bodies[target.path] = await (await waitFor(studio.base + target.path, { init: callOf(target) })).text();
  const port = await freePort();
  const bare = startChild(["-e", BARE_SERVER], { BENCH_BODIES: JSON.stringify(bodies), BENCH_PORT: String(port) });
  const bareBase = `http://127.0.0.1:${port}`;
  try {
    await waitFor(bareBase + targets[0]!.path, { child: bare });
    const rows: RouteRow[] = [];
    for (const target of targets) {
      const measured = loadOf(await drive([studio.base], target));
      rows.push({ engine, target, studio: measured, bare: loadOf(await drive([bareBase], target, false)) });
    }
    return rows;
  } finally {
    await stopChild(bare);
  }
}

export type Generator = "autocannon" | "wrk";

export interface ScaleRow {
  engine: string;
  processes: number;
  /** The load generator that drove the load. */
  generator: Generator;
  load: Load;
  /** Each process's resident memory after its load, MiB. */
  rss: number[];
  /**
   * Where the cores went during the measured load, in cores (1.0 = one core busy all the time): the studio
   * processes together, the load generator, and the machine as a whole. Absent for autocannon's one-process rows,
   * which are measured with the per-call table.
   */
  cores?: { studios: number; generator: number; machine: number; available: number };
}

/**
 * The prompt GET over every process, round-robin, with the CPU each part of the machine used meanwhile. autocannon
 * runs in this process; wrk is a child, whose CPU time is known once it has exited (exitedChildrenCpuSeconds).
 */
export async function measureScaling(engine: string, studios: Studio[], target: Target, generator: Generator = "autocannon", dir = ""): Promise<ScaleRow> {
  const pids = studios.map((s) => s.child.pid!);
  const bases = studios.map((s) => s.base);
  const generatorSeconds = () => (generator === "wrk" ? exitedChildrenCpuSeconds() : cpuSeconds(process.pid));
  const sample = () => ({ studios: pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0), generator: generatorSeconds(), machine: machineCpuSeconds(), at: performance.now() });
  let before = sample();
  let load: Load;
  if (generator === "wrk") {
    await wrk(bases, target, { connections: CONNECTIONS, seconds: WARMUP_S, dir });
    before = sample();
    load = await wrk(bases, target, { connections: CONNECTIONS, seconds: DURATION_S, dir });
  } else {
    load = loadOf(await drive(bases, target, true, () => (before = sample())));
  }
  const after = sample();
  const seconds = (after.at - before.at) / 1000;
  const cores = {
    studios: (after.studios - before.studios) / seconds,
    generator: (after.generator - before.generator) / seconds,
    machine: (after.machine.busy - before.machine.busy) / seconds,
    available: (after.machine.total - before.machine.total) / seconds,
  };
  return { engine, processes: studios.length, generator, load, rss: pids.map(rssMiB), cores };
}
