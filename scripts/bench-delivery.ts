// `npm run bench:delivery`: the delivery API's hot path, GET /api/v1/prompts/{name}?label=production, on the
// production build behind the custom server, next to a bare node:http server returning the same body, both driven
// by autocannon on loopback (50 connections, 10 s each). Reports both rates, their ratio and p50/p99 latency
// against the targets (>= 40% of the bare server, p99 < 25 ms). A benchmark reports numbers; it asserts nothing.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";

const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP_S = 3;
const PORTS = { from: 3400, to: 3499 };
const TARGET_RATIO = 0.4;
const TARGET_P99_MS = 25;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-delivery-"));
process.env.DATABASE_URL = path.join(dir, "bench.db");
const children: ChildProcess[] = [];

// ~430 characters of template, so the JSON response is about 700 bytes.
const TEMPLATE = [
  "You are the support assistant of {{company}}. Classify the customer's message as billing, bug or question.",
  "Reply in {{language}}, in at most {{max_sentences}} sentences, politely and without jargon. Quote the order",
  "number {{order_id}} exactly. Never promise refunds; offer to escalate instead. Sign as {{agent_name}}.",
  '\n\n{{message}}\n\nAnswer with JSON: {"category": "...", "reply": "..."}.',
].join(" ");

async function seed() {
  const { closeDb } = await import("@/db");
  const { addApiKey, addTextPrompt, deploy, makeDeliveryWorkspace } = await import("@/lib/testing/delivery");
  const ws = makeDeliveryWorkspace();
  const prompt = addTextPrompt(ws, "support/triage", [TEMPLATE], { model: "offline:demo", temperature: 0.2, maxOutputTokens: 400 });
  deploy(ws, { promptId: prompt.id, environment: "production", version: 1 });
  const { secret } = addApiKey(ws, "read", "bench");
  closeDb();
  return { path: "/api/v1/prompts/support%2Ftriage?label=production", key: secret };
}

function ensureBuild() {
  if (fs.existsSync(path.join(".next", "BUILD_ID"))) return;
  console.log("No production build (.next/BUILD_ID): running next build first.");
  const result = spawnSync("npx", ["next", "build"], { stdio: "inherit" });
  if (result.status !== 0) throw new Error("next build failed");
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

function drive(url: string, headers: Record<string, string>, duration: number) {
  return autocannon({ url, connections: CONNECTIONS, duration, headers });
}

const BARE_SERVER = `
const http = require("node:http");
const body = Buffer.from(process.env.BENCH_BODY);
http.createServer((req, res) => {
  res.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": body.length });
  res.end(body);
}).listen(Number(process.env.BENCH_PORT), "127.0.0.1");
`;

async function main() {
  ensureBuild();
  const target = await seed();

  const studioPort = await freePort();
  start(["--import", "tsx", "server.ts", "-p", String(studioPort), "-H", "127.0.0.1"], {
    DATABASE_URL: process.env.DATABASE_URL!,
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
  });
  const studioUrl = `http://127.0.0.1:${studioPort}${target.path}`;
  const headers = { authorization: `Bearer ${target.key}` };
  await waitFor(`http://127.0.0.1:${studioPort}/api/health`);
  const body = await (await waitFor(studioUrl, { headers })).text();

  const barePort = await freePort(studioPort);
  start(["-e", BARE_SERVER], { BENCH_BODY: body, BENCH_PORT: String(barePort) });
  const bareUrl = `http://127.0.0.1:${barePort}/`;
  const bareBody = await (await waitFor(bareUrl)).text();
  if (bareBody !== body) throw new Error("the bare server does not return the studio's body");

  console.log(`Body: ${Buffer.byteLength(body)} bytes. ${os.cpus().length} cores, Node ${process.version}. ${CONNECTIONS} connections, ${DURATION_S} s each, after ${WARMUP_S} s warm-up.`);
  await drive(studioUrl, headers, WARMUP_S);
  const studio = await drive(studioUrl, headers, DURATION_S);
  await drive(bareUrl, {}, WARMUP_S);
  const bare = await drive(bareUrl, {}, DURATION_S);

  const row = (label: string, result: autocannon.Result) =>
    console.log(
      `${label.padEnd(40)} ${Math.round(result.requests.average).toLocaleString("en").padStart(9)} req/s   p50 ${String(result.latency.p50).padStart(3)} ms   p99 ${String(result.latency.p99).padStart(3)} ms   non-2xx ${result.non2xx}, errors ${result.errors}`,
    );
  console.log();
  row("studio GET /api/v1/prompts/{name}", studio);
  row("bare node:http, same body", bare);
  const ratio = studio.requests.average / bare.requests.average;
  const ratioMet = ratio >= TARGET_RATIO;
  const p99Met = studio.latency.p99 < TARGET_P99_MS;
  console.log();
  console.log(`ratio studio / bare: ${(ratio * 100).toFixed(1)}%   target >= ${TARGET_RATIO * 100}%: ${ratioMet ? "met" : "NOT met"}`);
  console.log(`studio p99: ${studio.latency.p99} ms   target < ${TARGET_P99_MS} ms: ${p99Met ? "met" : "NOT met"}`);
  if (studio.non2xx > 0 || studio.errors > 0) console.log("WARNING: the studio answered errors; the rate above is not the hot path's.");
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
