import fs from "node:fs";
import path from "node:path";
import { EVAL_RUNS_PATH, FEEDBACK_PATH, GENERATIONS_PATH, OPENAPI_PATH, PROMPTS_PATH } from "@/lib/api/routes";
import { STUDIO_URL, authFile } from "./support/env";
import { rawHttp, readStudioDb, sessionCookie, streamPost } from "./support/studio-http";
import { expect, test } from "./support/test";
import { seededRandom } from "@/lib/testing/seeded-random";

// The standing fuzz test (issue 13): hostile input against every /api route, signed out and signed in. Routes are
// read from app/api at run time, so a new route is fuzzed without anyone listing it. Deterministic (a seeded
// generator) and bounded: about two thousand requests. Every answer must be below 500, every 4xx JSON, and the
// server healthy with an intact database afterwards.

const SEED = 0x5eed_2013;
const MiB = 1024 * 1024;
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;
type Method = (typeof METHODS)[number];

const random = seededRandom(SEED);

/** app/api's route files as URL patterns ("/api/evals/runs/[id]"). */
function routePatterns(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") found.push(`/${path.relative("app", dir).split(path.sep).join("/")}`);
    }
  };
  walk("app/api");
  return found.sort();
}

const STRANGE_SEGMENTS = ["x", "00000000-0000-4000-8000-000000000000", "%00", "%E2%80%AE%F0%9F%92%A9", "..%2F..%2Fetc%2Fpasswd", "a".repeat(2000), "%zz", "%E0%A4%A"];

/** Concrete paths for a pattern: its dynamic segments filled with odd values, delivery and auth paths spelled out. */
function instances(pattern: string): string[] {
  if (pattern === "/api/v1/[...path]") {
    const prompt = `${PROMPTS_PATH}/support%2Ftriage`;
    return [PROMPTS_PATH, prompt, `${PROMPTS_PATH}/support/triage?label=%zz&version=-1`, `${prompt}/render`, `${prompt}/versions`, `${prompt}/promotions`, OPENAPI_PATH, EVAL_RUNS_PATH, `${EVAL_RUNS_PATH}/x`, `${EVAL_RUNS_PATH}/x/results?page=0`, GENERATIONS_PATH, FEEDBACK_PATH, "/api/v1/nope", `${PROMPTS_PATH}/%zz/render`];
  }
  if (pattern === "/api/auth/[...nextauth]") {
    return ["session", "csrf", "providers", "signin", "signin/credentials", "callback/credentials", "error?error=%zz", "nope", "_log"].map((p) => `/api/auth/${p}`);
  }
  if (pattern === "/api/[[...rest]]") return ["/api", "/api/nope", "/api/a/b/c?d=%00"];
  if (!pattern.includes("[")) return [pattern];
  const picks = [STRANGE_SEGMENTS[0]!, STRANGE_SEGMENTS[1]!, random.pick(STRANGE_SEGMENTS.slice(2)), random.pick(STRANGE_SEGMENTS.slice(2))];
  return picks.map((value) => pattern.replace(/\[[^\]]+\]/g, value));
}

const KEYS = ["datasetId", "promptId", "targets", "text", "fileName", "mapping", "name", "version", "label", "variables", "source", "commit", "promptFolder", "datasetName", "scorers", "concurrency", "modelId", "settings", "batchId", "column", "score", "generationId", "template", "__proto__", "constructor"];

function randomValue(depth = 0): unknown {
  switch (random.int(depth > 2 ? 6 : 9)) {
    case 0:
      return random.int(2) ? -1e308 : Number.MAX_SAFE_INTEGER + random.int(1000);
    case 1:
      return random.pick(["", "\u0000", "\ud800", "%zz", "$Q1", "{{#a}}{{/b}}", "'; drop table prompts; --", "a".repeat(random.int(5000))]);
    case 2:
      return null;
    case 3:
      return random.int(2) === 1;
    case 4:
      return random.next();
    case 5:
      return "ü".repeat(random.int(100));
    case 6:
      return Array.from({ length: random.int(5) }, () => randomValue(depth + 1));
    default:
      return Object.fromEntries(Array.from({ length: random.int(6) }, () => [random.pick(KEYS), randomValue(depth + 1)]));
  }
}

const DEEP_ARRAY = "[".repeat(200_000) + "]".repeat(200_000);
const DEEP_OBJECT = '{"a":'.repeat(50_000) + "1" + "}".repeat(50_000);

interface Payload {
  label: string;
  contentType?: string;
  body: string | Uint8Array<ArrayBuffer>;
}

const bytes = (...values: number[]) => new Uint8Array(values);

/** Bodies for a body-carrying request: malformed, wrongly typed, deep, with NULs, and of the wrong media type. */
function payloads(count: number): Payload[] {
  const all: Payload[] = [
    { label: "malformed JSON", contentType: "application/json", body: random.pick(['{"a":', "[", "}{", "nul", '{"a":1,}', "\u0000\u0001\u0002"]) },
    { label: "wrong types", contentType: "application/json", body: JSON.stringify(randomValue()) },
    { label: "wrong types", contentType: "application/json", body: JSON.stringify(Object.fromEntries(KEYS.map((k) => [k, randomValue(1)]))) },
    { label: "deep array", contentType: "application/json", body: DEEP_ARRAY },
    { label: "deep object", contentType: "application/json", body: DEEP_OBJECT },
    { label: "NUL bytes", contentType: "application/json", body: bytes(0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0x00, 0x00, 0x22, 0x7d) },
    { label: "invalid UTF-8", contentType: "application/json", body: bytes(0x7b, 0xff, 0xfe, 0x7d) },
    { label: "text/plain JSON", contentType: "text/plain", body: JSON.stringify(randomValue()) },
    { label: "garbage multipart", contentType: "multipart/form-data; boundary=fuzz", body: "--fuzz\r\ngarbage" },
    { label: "multipart without boundary", contentType: "multipart/form-data", body: "x" },
    { label: "form-encoded", contentType: "application/x-www-form-urlencoded", body: "a=%zz&b=%00&__proto__[x]=1" },
    { label: "no content type", body: "{}" },
  ];
  return Array.from({ length: count }, () => random.pick(all));
}

/** Percent-encodes a value; a lone surrogate, which has no UTF-8 form, becomes the bytes of one (itself a bad escape). */
function escape(value: unknown): string {
  try {
    return encodeURIComponent(String(value));
  } catch {
    return "%ED%A0%80";
  }
}

interface Failure {
  what: string;
  status: number;
  detail: string;
}

function check(failures: Failure[], what: string, method: Method, status: number, contentType: string, text: string) {
  if (status >= 500) failures.push({ what, status, detail: text.slice(0, 200) });
  else if (status >= 400 && method !== "HEAD") {
    let json = /json/.test(contentType);
    try {
      JSON.parse(text);
    } catch {
      json = false;
    }
    if (!json) failures.push({ what, status, detail: `not JSON (${contentType}): ${text.slice(0, 120)}` });
  }
}

test("every /api route answers hostile input with a JSON 4xx, and the studio stays healthy", async ({ browser }) => {
  test.setTimeout(180_000);
  // A read-write key, made the way an admin makes one, so the delivery API is fuzzed past its key check too.
  const adminPage = await (await browser.newContext({ storageState: authFile("admin") })).newPage();
  await adminPage.goto("/settings/api-keys");
  await adminPage.getByRole("button", { name: "Create API key" }).click();
  await adminPage.getByRole("textbox", { name: "Key name" }).fill(`fuzz-${Date.now()}`);
  await adminPage.getByRole("combobox", { name: "Scope" }).selectOption("read-write");
  await adminPage.getByRole("button", { name: "Create", exact: true }).click();
  const key = await adminPage.getByRole("textbox", { name: "API key secret" }).inputValue();
  await adminPage.context().close();
  expect(key).toBeTruthy();

  const cookie = sessionCookie("admin");
  const patterns = routePatterns();
  expect(patterns.length).toBeGreaterThan(15);
  const failures: Failure[] = [];
  const started = Date.now();
  let sent = 0;

  interface Case {
    what: string;
    method: Method;
    url: string;
    headers: Record<string, string>;
    body?: string | Uint8Array<ArrayBuffer>;
  }
  const cases: Case[] = [];
  for (const pattern of patterns) {
    for (const url of instances(pattern)) {
      const isAuth = url.startsWith("/api/auth/");
      const sessions: [string, Record<string, string>][] = [["signed out", {}]];
      // next-auth's own routes are fuzzed signed out only: a signed-in sign-out would end the session other tests
      // share. Its credentials callback gets few requests: every one counts against the sign-in limit for 127.0.0.1.
      if (!isAuth) sessions.push(["signed in", url.startsWith("/api/v1/") ? { authorization: `Bearer ${key}` } : { cookie }]);
      for (const [who, auth] of sessions) {
        for (const method of METHODS) {
          const headers = { origin: STUDIO_URL, ...auth };
          const label = `${who} ${method} ${url.slice(0, 120)}`;
          if (method === "GET" || method === "HEAD" || method === "OPTIONS" || method === "DELETE") {
            cases.push({ what: label, method, url, headers });
            if (method === "GET") cases.push({ what: `${label} + query`, method, url: `${url}${url.includes("?") ? "&" : "?"}format=%zz&page=-1&filter=%00&pageSize=1e9&promptId=${escape(randomValue())}`, headers });
            continue;
          }
          const budget = url === "/api/auth/callback/credentials" ? (method === "POST" ? 3 : 1) : method === "POST" ? 5 : 2;
          for (const payload of payloads(budget)) {
            cases.push({ what: `${label} (${payload.label})`, method, url, headers: { ...headers, ...(payload.contentType ? { "content-type": payload.contentType } : {}) }, body: payload.body });
          }
        }
      }
    }
  }

  async function run(item: Case) {
    sent++;
    try {
      const response = await fetch(STUDIO_URL + item.url, { method: item.method, headers: item.headers, body: item.body, redirect: "manual" });
      check(failures, item.what, item.method, response.status, response.headers.get("content-type") ?? "", item.method === "HEAD" ? "" : await response.text());
    } catch (error) {
      failures.push({ what: item.what, status: 0, detail: `request failed: ${String(error)}` });
    }
  }
  // Four at a time, in a fixed order: enough to overlap the server's work, not enough to starve the other tests.
  const queue = [...cases];
  await Promise.all(Array.from({ length: 4 }, async () => {
    for (let item = queue.shift(); item; item = queue.shift()) await run(item);
  }));

  // Huge bodies, declared and chunked, signed out and in: answered before they are sent, and never a 5xx.
  for (const pattern of patterns.filter((p) => !p.startsWith("/api/auth"))) {
    const url = instances(pattern)[0]!;
    for (const headers of [{}, url.startsWith("/api/v1/") ? { authorization: `Bearer ${key}` } : { cookie }] as Record<string, string>[]) {
      for (const declareLength of [true, false]) {
        const answer = await streamPost(url, { totalBytes: 64 * MiB, declareLength, headers: { "content-type": "application/json", ...headers } });
        sent++;
        check(failures, `huge ${declareLength ? "declared" : "chunked"} body to ${url}`, "POST", answer.status, "application/json", answer.body);
      }
    }
  }

  // Long and malformed headers, and a NUL in the request line.
  for (const raw of [
    `GET /api/health?${"q".repeat(20_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`,
    `POST /api/evals/runs HTTP/1.1\r\nHost: localhost\r\nX-Long: ${"h".repeat(20_000)}\r\nContent-Length: 0\r\n\r\n`,
    `GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Nul: a\u0000b\r\n\r\n`,
    `GET /api/he\u0000alth HTTP/1.1\r\nHost: localhost\r\n\r\n`,
  ]) {
    const answer = await rawHttp(raw);
    sent++;
    check(failures, `raw ${JSON.stringify(raw.slice(0, 40))}`, "GET", answer.status, /content-type: ([^\r\n]+)/i.exec(answer.headers)?.[1] ?? "", answer.body);
  }

  console.log(`fuzz: ${sent} requests to ${patterns.length} route files in ${Math.round((Date.now() - started) / 1000)} s, ${failures.length} failures`);
  expect(failures.slice(0, 25), `${failures.length} bad answers`).toEqual([]);

  const health = await fetch(`${STUDIO_URL}/api/health`);
  expect([health.status, await health.json()]).toMatchObject([200, { status: "ok", database: "ok" }]);
  expect(readStudioDb((db) => db.pragma("integrity_check", { simple: true }))).toBe("ok");
});
