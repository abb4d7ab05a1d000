// A production server of its own (dist/server.js, as `npm start` runs it) on a database of its own, for specs that stop,
// restart or starve the server: the shared servers of playwright.config.ts must never be touched like that.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { readRunEvents } from "@/lib/playground";
import { signInOverHttp } from "../../scripts/studio-session";

export interface StudioProcess {
  url: string;
  child: ChildProcess;
  exited: Promise<number | null>;
  /** Everything the process wrote to stdout and stderr so far. */
  output: () => string;
}

/** A fresh folder for a database, removed by the caller. */
export function tempStudioDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "promptops-e2e-ops-"));
  // Readable by others (mkdtemp makes it private), so a server started as another user can reach what is inside.
  fs.chmodSync(dir, 0o755);
  return dir;
}

/** Runs lib/testing/ops-studio.ts: a workspace, provider, prompt and dataset on `databaseUrl` (see there). */
export function prepareStudio({ databaseUrl, fixtureUrl, cases }: { databaseUrl: string; fixtureUrl: string; cases: number }) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "--conditions=react-server", "lib/testing/ops-studio.ts", fixtureUrl, String(cases)], {
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "warn" },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`ops-studio failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split("\n").at(-1)!) as { email: string; password: string; promptId: string; datasetName: string; apiKey: string };
}

export function startStudio({ port, env, uid }: { port: number; env: Record<string, string>; uid?: number }): StudioProcess {
  let output = "";
  const child = spawn(process.execPath, ["--enable-source-maps", "dist/server.js", "-p", String(port)], {
    env: { ...process.env, NODE_ENV: "production", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    ...(uid === undefined ? {} : { uid, gid: uid }),
  });
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { url: `http://localhost:${port}`, child, exited, output: () => output };
}

/** Resolves once the server answers /api/health; throws if it exits first or takes longer than `timeoutMs`. */
export async function waitUntilUp(studio: StudioProcess, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void studio.exited.then(() => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`the server exited while starting:\n${studio.output()}`);
    try {
      if ((await fetch(`${studio.url}/api/health`)).status > 0) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the server did not start in ${timeoutMs} ms:\n${studio.output()}`);
}

/** A signed-in member's HTTP client (their session cookie sent, Origin set on writes as a browser would). */
export async function signIn(url: string, { email, password }: { email: string; password: string }) {
  const cookie = await signInOverHttp({ baseUrl: url, email, password });
  const call = (pathname: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set("cookie", cookie);
    if (init.method && init.method !== "GET") headers.set("origin", url);
    return fetch(`${url}${pathname}`, { ...init, headers, redirect: "manual" });
  };
  return {
    /** The session cookie header ("name=value; ..."), for a browser context of the same studio. */
    cookie,
    get: (pathname: string) => call(pathname),
    postJson: (pathname: string, body: unknown) => call(pathname, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
  };
}

/** Reads a playground stream as the studio's client does, calling `onEvent` per event; resolves with every event when it ends. */
export async function readEvents(response: Response, onEvent: (event: Record<string, unknown>) => void = () => {}): Promise<Record<string, unknown>[]> {
  const events: Record<string, unknown>[] = [];
  await readRunEvents(response.body!, (batch) => {
    for (const event of batch) {
      events.push(event);
      onEvent(event);
    }
  });
  return events;
}
