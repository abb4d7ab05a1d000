// `npm run bench:guardrails` (issue 19), two figures, each next to a baseline measured in the same run:
//   1. The prompt linter over 2,000 prompts (text and chat, 0.3–6 KB, with variables, delimiters, partials, now and
//      then a secret or an e-mail address), with the context the studio gives it (dataset columns, moving labels,
//      a protected environment, a context window). Targets: under 2 s in total and under 5 ms p95 per prompt (the
//      editor lints on every change). Baseline: parsing the same templates, which the editor does anyway.
//   2. `render` of the same prompt with a guard policy (50 denied topics, 500 words, PII "block", a length limit)
//      and without one, side by side: the delivery fast path (lib/api/fast-path.ts, what the custom server answers
//      the API with) on node:http in this process, driven by autocannon on loopback (50 connections), the two
//      alternating in 3 rounds of 5 s so both see the same machine. Target: under 10% added latency at p99.
// A benchmark reports; it asserts nothing. Options (env): BENCH_PROMPTS (2000), BENCH_DURATION (5 s a round),
// BENCH_ROUNDS (3).
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-guardrails-"));
process.env.DATABASE_URL = path.join(dir, "bench.db");
process.env.LOG_LEVEL ??= "warn";

const PROMPTS = Number(process.env.BENCH_PROMPTS ?? 2000);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 5);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const CONNECTIONS = 50;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const ms = (x: number) => `${x.toFixed(2)} ms`;

const SENTENCES = [
  "You are the support assistant of {{company}}.",
  "Classify the customer's message as billing, bug or question.",
  "Reply in {{language}}, politely and without jargon.",
  "Never promise refunds; offer to escalate instead.",
  "Quote the order number exactly as given.",
  "Answer in at most {{max_sentences}} sentences.",
  "If you are unsure, say so and ask one clarifying question.",
  "Use the customer's name when you greet them: {{customer_name}}.",
];

/** The i-th prompt of the corpus: a text or chat prompt of a few sentences to a few kilobytes. */
function corpusPrompt(i: number, next: () => number) {
  const sentences = Array.from({ length: 3 + Math.floor(next() * 60) }, () => SENTENCES[Math.floor(next() * SENTENCES.length)]!);
  if (i % 10 === 3) sentences.push("Escalations go to the on-call lead at " + ["oncall", "example.org"].join("@") + ".");
  if (i % 25 === 7) sentences.push("{{> shared/footer@production }}");
  const body = sentences.join(" ");
  const user = i % 3 === 0 ? "Message:\n{{message}}" : "<message>\n{{message}}\n</message>";
  const modelConfig = { model: "openai:gpt-4o-mini", maxOutputTokens: 400, ...(i % 7 === 0 ? { responseFormat: { type: "json" as const } } : {}) };
  return i % 2 === 0
    ? { type: "text" as const, template: `${body}\n\n${user}`, messages: null, modelConfig }
    : { type: "chat" as const, template: null, messages: [{ role: "system" as const, content: body }, { role: "user" as const, content: user }], modelConfig };
}

async function benchLinter() {
  const { lintPrompt } = await import("@/lib/core/lint");
  const { seededRandom } = await import("@/lib/core/stats/seeded-random");
  const { analyseTemplate } = await import("@/lib/core/templates");
  const { next } = seededRandom(19);
  const prompts = Array.from({ length: PROMPTS }, (_, i) => corpusPrompt(i, next));
  const context = {
    datasetColumns: [["company", "language", "max_sentences", "message"], ["company", "message", "ticket"]],
    longestValues: { message: 2_000, company: 40 },
    movingLabels: ["latest", "staging", "production"],
    servedInProtectedEnvironment: true,
    contextWindow: 128_000,
  };
  const texts = (p: ReturnType<typeof corpusPrompt>) => (p.template !== null ? [p.template] : p.messages!.map((m) => m.content));
  // Warm both up, so neither pays for the JIT in what is measured.
  for (const p of prompts.slice(0, 200)) {
    lintPrompt(p, context);
    for (const t of texts(p)) analyseTemplate(t);
  }
  const perPrompt: number[] = [];
  let findings = 0;
  const lintStart = performance.now();
  for (const p of prompts) {
    const start = performance.now();
    findings += lintPrompt(p, context).length;
    perPrompt.push(performance.now() - start);
  }
  const lintTotal = performance.now() - lintStart;
  const parseStart = performance.now();
  for (const p of prompts) for (const t of texts(p)) analyseTemplate(t);
  const parseTotal = performance.now() - parseStart;
  perPrompt.sort((a, b) => a - b);
  const bytes = prompts.reduce((sum, p) => sum + texts(p).reduce((s, t) => s + t.length, 0), 0);
  console.log(`\n1. The linter over ${PROMPTS.toLocaleString("en-US")} prompts (${(bytes / 1024 / 1024).toFixed(1)} MiB of templates, ${findings.toLocaleString("en-US")} findings)`);
  console.log(`   total ${ms(lintTotal)} (target < 2000 ms): ${lintTotal < 2000 ? "met" : "NOT met"}`);
  console.log(`   per prompt p50 ${ms(percentile(perPrompt, 50))}, p95 ${ms(percentile(perPrompt, 95))} (target < 5 ms): ${percentile(perPrompt, 95) < 5 ? "met" : "NOT met"}, max ${ms(perPrompt.at(-1)!)}`);
  console.log(`   baseline, parsing the same templates: ${ms(parseTotal)}; the linter costs ${(lintTotal / parseTotal).toFixed(1)}× a parse`);
}

const MESSAGE = "My invoice for order A-1042 is wrong: I was charged twice for the same month and would like it corrected.";

async function seedRenderWorkspace() {
  const { addApiKey, addTextPrompt, deploy, makeDeliveryWorkspace } = await import("@/lib/testing/delivery");
  const { DELIVERY_TEMPLATE, DELIVERY_MODEL_CONFIG, DELIVERY_VARIABLES } = await import("./bench-delivery-calls");
  const ws = await makeDeliveryWorkspace();
  const guard = {
    deniedTopics: Array.from({ length: 50 }, (_, i) => `forbidden topic number ${i}`),
    words: Array.from({ length: 500 }, (_, i) => `blockedword${i}`),
    pii: "block" as const,
    maxInputChars: 20_000,
  };
  for (const [name, modelConfig] of [
    ["bench/plain", DELIVERY_MODEL_CONFIG],
    ["bench/guarded", { ...DELIVERY_MODEL_CONFIG, guard }],
  ] as const) {
    const prompt = await addTextPrompt(ws, name, [DELIVERY_TEMPLATE], modelConfig);
    await deploy(ws, { promptId: prompt.id, environment: "production", version: 1 });
  }
  const key = (await addApiKey(ws, "read", "bench")).secret;
  return { key, body: JSON.stringify({ label: "production", variables: { ...DELIVERY_VARIABLES, message: MESSAGE } }) };
}

async function benchRender() {
  const { key, body } = await seedRenderWorkspace();
  const { createDeliveryFastPath } = await import("@/lib/api/fast-path");
  const fastPath = createDeliveryFastPath();
  const server = http.createServer((request, response) => {
    if (!fastPath(request, response)) {
      response.statusCode = 404;
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const headers = { authorization: `Bearer ${key}`, "content-type": "application/json" };
  const url = (name: string) => `${base}/api/v1/prompts/${encodeURIComponent(name)}/render`;
  for (const name of ["bench/plain", "bench/guarded"]) {
    const check = await fetch(url(name), { method: "POST", headers, body });
    if (check.status !== 200) throw new Error(`render of ${name} answered ${check.status}: ${await check.text()}`);
  }
  const drive = (name: string, duration: number) => autocannon({ url: url(name), method: "POST", headers, body, connections: CONNECTIONS, duration });
  await drive("bench/plain", 2);
  await drive("bench/guarded", 2);
  const results: Record<string, autocannon.Result[]> = { "bench/plain": [], "bench/guarded": [] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const name of round % 2 === 0 ? ["bench/plain", "bench/guarded"] : ["bench/guarded", "bench/plain"]) results[name]!.push(await drive(name, DURATION_S));
  }
  server.close();
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const summary = (name: string) => {
    const runs = results[name]!;
    const errors = runs.reduce((sum, r) => sum + r.errors + r.non2xx, 0);
    return { rate: median(runs.map((r) => r.requests.average)), p50: median(runs.map((r) => r.latency.p50)), p99: median(runs.map((r) => r.latency.p99)), errors };
  };
  const plain = summary("bench/plain");
  const guarded = summary("bench/guarded");
  const added = (guarded.p99 - plain.p99) / plain.p99;
  console.log(`\n2. render with and without a guard policy (fast path, ${CONNECTIONS} connections, medians of ${ROUNDS} rounds of ${DURATION_S} s)`);
  console.log(`   without a policy: ${plain.rate.toFixed(0)} req/s, p50 ${plain.p50} ms, p99 ${plain.p99} ms, ${plain.errors} errors`);
  console.log(`   with a policy:    ${guarded.rate.toFixed(0)} req/s, p50 ${guarded.p50} ms, p99 ${guarded.p99} ms, ${guarded.errors} errors`);
  console.log(`   added latency at p99: ${(added * 100).toFixed(1)}% (target < 10%): ${added < 0.1 ? "met" : "NOT met"}; rate ratio ${(guarded.rate / plain.rate).toFixed(2)}`);
}

async function main() {
  console.log(`bench:guardrails on ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? "unknown"}), Node ${process.version}`);
  await benchLinter();
  await benchRender();
  const { closeDb } = await import("@/db");
  closeDb();
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
