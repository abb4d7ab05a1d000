// Every process bench:scale starts, and how they all end: studio servers, bare servers, the fixture model server, the
// database children and the Postgres cluster are registered as they start, and stopEverything() ends them (children
// first, so none is left talking to a cluster that is going away), on success, on failure and on Ctrl-C alike.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { RESULT_MARKER } from "./db-task";

const children = new Set<ChildProcess>();
/** Synchronous clean-ups (the cluster, temporary folders), run last, newest first. */
const finalizers: (() => void)[] = [];
/** A studio shutting down waits this long for requests in flight (SHUTDOWN_GRACE_MS); there are none by then. */
const STOP_GRACE_MS = 5_000;

/** This process's environment without NODE_OPTIONS: tsx's loader must not reach the production server. */
function baseEnv(): NodeJS.ProcessEnv {
  const { NODE_OPTIONS: _ignored, ...inherited } = process.env;
  return inherited;
}

export function startChild(args: string[], env: Record<string, string>, stdout: "ignore" | "pipe" = "ignore"): ChildProcess {
  const child = spawn(process.execPath, args, { env: { ...baseEnv(), ...env }, stdio: ["ignore", stdout, "inherit"] });
  children.add(child);
  child.once("exit", () => children.delete(child));
  return child;
}

export function onFinish(finalizer: () => void): void {
  finalizers.push(finalizer);
}

/** SIGTERM, then SIGKILL if it has not exited within the grace period. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
}

let stopping: Promise<void> | null = null;

export function stopEverything(): Promise<void> {
  stopping ??= (async () => {
    await Promise.all([...children].map(stopChild));
    for (const finalizer of finalizers.splice(0).reverse()) {
      try {
        finalizer();
      } catch (error) {
        console.error("clean-up step failed:", error);
      }
    }
  })();
  return stopping;
}

/** Ctrl-C or a kill ends every child and the cluster before this process exits; so does an exit nobody expected. */
export function stopEverythingOnSignals(): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping every process this benchmark started …`);
      void stopEverything().finally(() => process.exit(130));
    });
  }
  // Last resort (process.exit elsewhere): no waiting is possible here, so children are killed outright.
  process.once("exit", () => {
    for (const child of children) child.kill("SIGKILL");
    for (const finalizer of finalizers.splice(0).reverse()) {
      try {
        finalizer();
      } catch {
        // nothing more can be done while exiting
      }
    }
  });
}

export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  onFinish(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Polls until `url` answers 200 (returning that answer); fails when `child` exits or after `timeoutMs`. */
export async function waitFor(url: string, { init, child, timeoutMs = 120_000 }: { init?: RequestInit; child?: ChildProcess; timeoutMs?: number } = {}): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child && child.exitCode !== null) throw new Error(`the process for ${url} exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url, init);
      if (response.ok) return response;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Resident memory of a process in MiB (Linux's VmRSS). */
export function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** CPU time a process has used so far (user + system), in seconds (Linux /proc). */
export function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  // The fields after the command name, which is in parentheses and may hold spaces: utime and stime are 14th and 15th.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/**
 * CPU time (user + system, seconds) of this process's children that have exited and been waited for: a child's
 * use, such as wrk's, is known only once it has exited, and lands here (cutime and cstime in /proc/self/stat).
 */
export function exitedChildrenCpuSeconds(): number {
  const stat = fs.readFileSync("/proc/self/stat", "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS;
}

/** The machine's busy and total CPU time so far, in seconds summed over every core (/proc/stat). */
export function machineCpuSeconds(): { busy: number; total: number } {
  const [, ...times] = fs.readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/);
  const values = times.map(Number);
  const total = values.reduce((sum, v) => sum + v, 0);
  const idle = (values[3] ?? 0) + (values[4] ?? 0);
  return { busy: (total - idle) / CLOCK_TICKS, total: total / CLOCK_TICKS };
}

// USER_HZ: 100 on every Linux this runs on (getconf CLK_TCK).
const CLOCK_TICKS = 100;

/** Runs a db-task.ts step on the database `databaseUrl` names and returns its answer. */
export async function dbTask<T>(databaseUrl: string, task: string, input: unknown = {}): Promise<T> {
  const child = startChild(["--import", "tsx", "--conditions=react-server", path.join(__dirname, "db-task.ts"), task, JSON.stringify(input)], { DATABASE_URL: databaseUrl, LOG_LEVEL: "warn" }, "pipe");
  let stdout = "";
  child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once("exit", (exitCode) => resolve(exitCode)));
  const line = stdout.split("\n").find((l) => l.startsWith(RESULT_MARKER));
  if (code !== 0 || !line) throw new Error(`db-task ${task} exited with code ${code}${line ? "" : " without a result"}`);
  return JSON.parse(line.slice(RESULT_MARKER.length)) as T;
}

export interface Cluster {
  /** The cluster's maintenance database, for CREATE DATABASE. */
  url: string;
  database(name: string): Promise<string>;
}

/**
 * A throwaway cluster (scripts/pg-cluster.mjs) in the temporary folder, which its unprivileged owner can reach
 * wherever the checkout is. Stopped at the end however the run ends; if pg_ctl cannot stop it (Ctrl-C reached the
 * server too and it is gone already), its folder is removed all the same.
 */
export function startCluster(): Cluster {
  const dir = path.join(os.tmpdir(), `bench-scale-pg-${process.pid}`);
  const script = path.join(__dirname, "..", "pg-cluster.mjs");
  onFinish(() => {
    try {
      execFileSync(process.execPath, [script, "stop", dir], { stdio: ["ignore", "ignore", "inherit"] });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
  const url = execFileSync(process.execPath, [script, "start", dir], { encoding: "utf8" }).trim();
  return {
    url,
    async database(name) {
      const { default: pg } = await import("pg");
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      const target = new URL(url);
      target.pathname = `/${name}`;
      return target.toString();
    },
  };
}
