// A second load generator for bench:scale's scaling table: wrk (Debian's `wrk` package, C and epoll), when it is on
// PATH. On this 2-core machine the load generator shares the cores with the studios it measures, so what it costs
// decides how much of the second core a second studio process can have. autocannon (Node) spends about 0.6 core at
// these rates; wrk about half of that. Both are reported, side by side, so the difference is the generator's.
//
// Round robin as with autocannon: one thread per process, each thread's connections to its own process (set in the
// Lua `setup` hook, wrk's documented way to give threads different addresses), so 50 connections are 25/25 or
// 13/13/12/12 and every response lands in one latency histogram.
import { execFile, execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import type { Load, Target } from "./delivery";

const run = promisify(execFile);

export function hasWrk(): boolean {
  try {
    execFileSync("wrk", ["--version"], { stdio: "ignore" });
    return true;
  } catch (error) {
    // `wrk --version` prints its usage and exits 1; only a missing binary is ENOENT.
    return (error as NodeJS.ErrnoException).code !== "ENOENT";
  }
}

/** The Lua script: each thread gets the next process's port; the method, headers and body are the target's. */
function script(bases: string[], target: Target): string {
  const ports = bases.map((base) => new URL(base).port);
  const headers = { authorization: `Bearer ${target.key}`, ...(target.body ? { "content-type": "application/json" } : {}) };
  return [
    `local ports = {${ports.map((p) => JSON.stringify(p)).join(", ")}}`,
    "local n = 0",
    "function setup(thread)",
    "  n = n + 1",
    '  thread.addr = wrk.lookup("127.0.0.1", ports[((n - 1) % #ports) + 1])[1]',
    "end",
    `wrk.method = ${JSON.stringify(target.method)}`,
    ...Object.entries(headers).map(([name, value]) => `wrk.headers[${JSON.stringify(name)}] = ${JSON.stringify(value)}`),
    ...(target.body ? [`wrk.body = ${JSON.stringify(target.body)}`] : []),
  ].join("\n");
}

/** wrk prints latencies as 812.00us, 4.41ms or 1.02s; in ms. */
function millis(value: string): number {
  const match = /^([\d.]+)(us|ms|s)$/.exec(value);
  if (!match) return NaN;
  const n = Number(match[1]);
  return match[2] === "us" ? n / 1000 : match[2] === "s" ? n * 1000 : n;
}

export function parseWrk(output: string): Load {
  const percentile = (p: string) => millis(new RegExp(`^\\s*${p}%\\s+(\\S+)`, "m").exec(output)?.[1] ?? "");
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(output)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  const errors = socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0;
  return { perSecond: Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1] ?? NaN), p50: percentile("50"), p99: percentile("99"), failures: non2xx + errors };
}

/** `connections` connections over `bases` (one thread per base) for `seconds`, on `target`'s path. */
export async function wrk(bases: string[], target: Target, { connections, seconds, dir }: { connections: number; seconds: number; dir: string }): Promise<Load> {
  const file = path.join(dir, `wrk-${bases.length}.lua`);
  fs.writeFileSync(file, script(bases, target));
  const args = ["-t", String(bases.length), "-c", String(connections), "-d", `${seconds}s`, "--latency", "-s", file, bases[0]! + target.path];
  const { stdout } = await run("wrk", args, { encoding: "utf8" });
  return parseWrk(stdout);
}
