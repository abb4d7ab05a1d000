// `npm run bench:playground`: what the studio adds on top of the model. Starts the fixture LLM server and a
// production studio (`next start` on the last `next build`; `--build` rebuilds first) on a scratch database, signs
// in as the demo editor, then measures in one run, interleaved:
//   - time to first token (TTFT) of POST /api/playground/run against the fixture server (the full path: session,
//     permission, zod, rendering, provider resolution, streamCompletion, NDJSON), and of the same prompt sent
//     straight to the fixture server with the AI SDK's streamText;
//   - the studio server's resident memory while 20 streams run at once.
// A benchmark reports numbers; it asserts nothing.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import Database from "better-sqlite3";
import { streamText } from "ai";
import { startFixtureLlmServer } from "../e2e/fixtures/llm-server";
import { signInOverHttp } from "./studio-session";

const PORT = Number(process.env.BENCH_PORT ?? 3220);
const BASE = `http://127.0.0.1:${PORT}`;
const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const WARMUP = 10;
const CONCURRENT = 20;
const TARGET_ADDED_TTFT_MS = 15;
const root = path.resolve(__dirname, "..");

const median = (xs: number[]) => quantile(xs, 0.5);
function quantile(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function waitForHealth(server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the studio exited with code ${server.exitCode}`);
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("the studio did not become healthy within 60 s");
}

/** Resident memory of a process and all its descendants (next start may serve from a child process), in MiB. */
function treeRssMiB(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  let kib = 0;
  const visit = (p: number) => {
    try {
      const status = fs.readFileSync(`/proc/${p}/status`, "utf8");
      kib += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    } catch {
      return;
    }
    for (const child of children.get(p) ?? []) visit(child);
  };
  visit(pid);
  return kib / 1024;
}

async function main() {
  if (process.argv.includes("--build") || !fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
    console.log("Building the studio (next build)…");
    const build = spawnSync("npx", ["next", "build"], { cwd: root, stdio: "inherit" });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }

  const fixture = await startFixtureLlmServer();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-playground-"));
  const env = {
    ...process.env,
    DATABASE_URL: path.join(dir, "studio.db"),
    STUDIO_DEMO: "1",
    LOG_LEVEL: "warn",
    // The same fixture server reached by the studio (as an OpenAI-compatible provider) and by the direct calls.
    OPENAI_COMPATIBLE_BASE_URL: fixture.url,
    OPENAI_COMPATIBLE_ID: "bench",
    OPENAI_COMPATIBLE_MODELS: "echo,slow-50",
  };
  const seed = spawnSync("npm", ["run", "--silent", "db:seed"], { cwd: root, env, stdio: "inherit" });
  if (seed.status !== 0) process.exit(seed.status ?? 1);

  const server = spawn(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "start", "-p", String(PORT), "-H", "127.0.0.1"], {
    cwd: root,
    env: { ...env, NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const stop = async () => {
    server.kill("SIGTERM");
    await fixture.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(server);
    const cookie = await signInOverHttp({ baseUrl: BASE, email: "editor@example.com", password: "promptops-demo" });
    const db = new Database(env.DATABASE_URL, { readonly: true });
    const { id: promptId } = db.prepare("select id from prompts where name = ?").get("marketing/tagline") as { id: string };
    db.close();
    const variables = { product: "Acme Cloud", audience: "platform engineers" };
    const rendered = "Write a tagline for Acme Cloud aimed at platform engineers. Keep it under 12 words.";

    const studioRun = async (modelId: string): Promise<{ ttft: number; total: number }> => {
      const started = performance.now();
      const response = await fetch(`${BASE}/api/playground/run`, {
        method: "POST",
        // As the browser sends it: session routes refuse a POST without a same-origin Origin (CSRF).
        headers: { "content-type": "application/json", cookie, origin: BASE },
        body: JSON.stringify({ promptId, batchId: crypto.randomUUID(), column: 1, source: { kind: "version", version: 1 }, modelId, settings: {}, variables }),
      });
      if (!response.ok || !response.body) throw new Error(`studio answered HTTP ${response.status}: ${await response.text()}`);
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      let buffered = "";
      let ttft: number | null = null;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffered += decoder.decode(value, { stream: true });
        if (ttft === null && buffered.includes('"type":"delta"')) ttft = performance.now() - started;
        if (buffered.includes('"type":"error"')) throw new Error(`the run failed: ${buffered}`);
      }
      if (ttft === null) throw new Error("the studio streamed no delta");
      return { ttft, total: performance.now() - started };
    };

    const direct = createOpenAICompatible({ name: "bench", baseURL: fixture.url, includeUsage: true }).chatModel("echo");
    const directRun = async (): Promise<{ ttft: number; total: number }> => {
      const started = performance.now();
      const result = streamText({ model: direct, messages: [{ role: "user", content: rendered }], temperature: 0.7, maxOutputTokens: 512, maxRetries: 0 });
      let ttft: number | null = null;
      for await (const part of result.fullStream) {
        if (part.type === "text-delta" && ttft === null) ttft = performance.now() - started;
        if (part.type === "error") throw new Error(`the direct call failed: ${String(part.error)}`);
      }
      if (ttft === null) throw new Error("the direct call streamed no text");
      return { ttft, total: performance.now() - started };
    };

    console.log(`Warming up (${WARMUP} runs each)…`);
    for (let i = 0; i < WARMUP; i++) {
      await studioRun("bench:echo");
      await directRun();
    }

    console.log(`Measuring ${RUNS} runs each, interleaved…`);
    const studio: { ttft: number; total: number }[] = [];
    const straight: { ttft: number; total: number }[] = [];
    for (let i = 0; i < RUNS; i++) {
      // Alternate which goes first so neither always gets the warmer moment.
      if (i % 2 === 0) {
        studio.push(await studioRun("bench:echo"));
        straight.push(await directRun());
      } else {
        straight.push(await directRun());
        studio.push(await studioRun("bench:echo"));
      }
    }
    const studioTtft = studio.map((r) => r.ttft);
    const directTtft = straight.map((r) => r.ttft);
    const paired = studioTtft.map((t, i) => t - directTtft[i]!);
    const added = median(studioTtft) - median(directTtft);

    console.log("\nTime to first token against the fixture server (no model latency):");
    console.log(`  direct AI SDK streamText        median ${ms(median(directTtft))}   p95 ${ms(quantile(directTtft, 0.95))}`);
    console.log(`  studio POST /api/playground/run median ${ms(median(studioTtft))}   p95 ${ms(quantile(studioTtft, 0.95))}`);
    console.log(`  added by the studio             median ${ms(added)} (median of paired differences ${ms(median(paired))})`);
    console.log(`  whole reply: direct median ${ms(median(straight.map((r) => r.total)))}, studio median ${ms(median(studio.map((r) => r.total)))}`);

    const pid = server.pid!;
    const idle = treeRssMiB(pid);
    let peak = idle;
    const sampler = setInterval(() => {
      peak = Math.max(peak, treeRssMiB(pid));
    }, 25);
    const started = performance.now();
    const concurrent = await Promise.all(Array.from({ length: CONCURRENT }, () => studioRun("bench:slow-50")));
    const wall = performance.now() - started;
    clearInterval(sampler);
    peak = Math.max(peak, treeRssMiB(pid));

    console.log(`\nServer memory with ${CONCURRENT} streams at once (fixture spaces chunks by 50 ms):`);
    console.log(`  RSS before ${idle.toFixed(0)} MiB, peak during ${peak.toFixed(0)} MiB (+${(peak - idle).toFixed(1)} MiB, ${((peak - idle) / CONCURRENT).toFixed(2)} MiB per stream)`);
    console.log(`  all ${CONCURRENT} streams done in ${ms(wall)}; median TTFT ${ms(median(concurrent.map((r) => r.ttft)))}, median reply ${ms(median(concurrent.map((r) => r.total)))}`);

    const met = added < TARGET_ADDED_TTFT_MS;
    console.log(`\nTarget: the studio adds under ${TARGET_ADDED_TTFT_MS} ms to the median time to first token. ${met ? "Met" : "NOT met"}: ${ms(added)}.`);
  } finally {
    await stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
