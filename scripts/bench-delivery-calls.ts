// The delivery calls an application makes on every model call, as bench:delivery and bench:scale drive them: one
// prompt (about 700 bytes of JSON per answer), its variables, and the four calls with their bodies and targets.

// ~430 characters of template, so the JSON response is about 700 bytes.
export const DELIVERY_TEMPLATE = [
  "You are the support assistant of {{company}}. Classify the customer's message as billing, bug or question.",
  "Reply in {{language}}, in at most {{max_sentences}} sentences, politely and without jargon. Quote the order",
  "number {{order_id}} exactly. Never promise refunds; offer to escalate instead. Sign as {{agent_name}}.",
  '\n\n{{message}}\n\nAnswer with JSON: {"category": "...", "reply": "..."}.',
].join(" ");

export const DELIVERY_VARIABLES = { company: "Acme", language: "English", max_sentences: "3", order_id: "A-1042", agent_name: "Sam", message: "My invoice is wrong." };

/** The model config of the benchmarks' prompt. */
export const DELIVERY_MODEL_CONFIG = { model: "offline:demo", temperature: 0.2, maxOutputTokens: 400 };

export interface DeliveryCall {
  label: string;
  method: "GET" | "POST";
  path: string;
  key: string;
  body?: string;
  /** The least share of the bare server's rate this call should reach. */
  targetRatio?: number;
}

/** The four calls, given a read key and a read-write key. */
export function deliveryCalls({ read, write }: { read: string; write: string }): DeliveryCall[] {
  const generation = { prompt: "support/triage", label: "production", variables: DELIVERY_VARIABLES, output: '{"category":"billing","reply":"Sorry about that."}', model: "offline:demo", latencyMs: 180 };
  return [
    { label: "GET /api/v1/prompts/{name}", method: "GET", path: "/api/v1/prompts/support%2Ftriage?label=production", key: read, targetRatio: 0.4 },
    { label: "GET /api/v1/prompts", method: "GET", path: "/api/v1/prompts", key: read },
    { label: "POST /api/v1/prompts/{name}/render", method: "POST", path: "/api/v1/prompts/support%2Ftriage/render", key: read, body: JSON.stringify({ variables: DELIVERY_VARIABLES }), targetRatio: 0.3 },
    { label: "POST /api/v1/generations", method: "POST", path: "/api/v1/generations", key: write, body: JSON.stringify(generation), targetRatio: 0.3 },
  ];
}

/**
 * The workspace both benchmarks serve: the prompt above deployed to production, a read key and a read-write key.
 * DATABASE_URL must name the (migrated) database before this runs.
 */
export async function seedDeliveryWorkspace(): Promise<{ read: string; write: string }> {
  const { addApiKey, addTextPrompt, deploy, makeDeliveryWorkspace } = await import("@/lib/testing/delivery");
  const ws = await makeDeliveryWorkspace();
  const prompt = await addTextPrompt(ws, "support/triage", [DELIVERY_TEMPLATE], DELIVERY_MODEL_CONFIG);
  await deploy(ws, { promptId: prompt.id, environment: "production", version: 1 });
  const read = (await addApiKey(ws, "read", "bench")).secret;
  const write = (await addApiKey(ws, "read-write", "bench writes")).secret;
  return { read, write };
}

/**
 * The baseline: a bare node:http server answering each path with the studio's bytes for it (BENCH_BODIES: path to
 * body) on BENCH_PORT, after reading the request's body as the studio must. Run with `node -e`.
 */
export const BARE_SERVER = `
const http = require("node:http");
const bodies = new Map(Object.entries(JSON.parse(process.env.BENCH_BODIES)).map(([path, body]) => [path, Buffer.from(body)]));
http.createServer((req, res) => {
  req.on("data", () => {});
  req.on("end", () => {
    const body = bodies.get(req.url) || Buffer.from("{}");
    res.writeHead(200, { "content-type": "application/json; charset=utf-8", "content-length": body.length });
    res.end(body);
  });
}).listen(Number(process.env.BENCH_PORT), "127.0.0.1");
`;
