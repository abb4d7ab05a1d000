import type { APIRequestContext } from "@playwright/test";
import { DEMO_USERS, STUDIO_URL, authFile } from "./support/env";
import { rawHttp, readStudioDb, sessionCookie, streamPost } from "./support/studio-http";
import { captureAction, replayAction } from "./support/server-actions";
import { expect, test } from "./support/test";

// Issue 13, items 4, 5 and 12, against the production server: cross-site requests with a member's cookie, bodies
// from unknown callers, and malformed input that used to get a 500 or an HTML page.

const EVIL = "http://evil.example";
const MiB = 1024 * 1024;

// Counts only rows the refused caller could have written: other workers' specs write the same tables meanwhile.
const count = (sql: string, ...params: unknown[]) => readStudioDb((db) => (db.prepare(sql).get(...params) as { n: number }).n);
const idOf = (sql: string) => readStudioDb((db) => (db.prepare(sql).get() as { id: string }).id);

test.describe("cross-site requests with a member's cookie", () => {
  let admin: APIRequestContext;
  test.beforeAll(async ({ playwright }) => {
    admin = await playwright.request.newContext({ baseURL: STUDIO_URL, storageState: authFile("admin") });
  });
  test.afterAll(() => admin.dispose());

  test("start nothing: dataset cases, a prompt import, a playground call", async () => {
    const datasetId = idOf("select id from datasets where name = 'tagline-smoke'");
    const promptId = idOf("select id from prompts where name = 'support/triage'");
    // Each would write if it got through; `control` is the same route called as the studio's own page does, with
    // nothing to write (an unknown id, or a preview), to show the origin was the only difference.
    const batchId = crypto.randomUUID();
    const attacks = [
      {
        path: `/api/datasets/${datasetId}/import`,
        written: () => count("select count(*) as n from dataset_cases where dataset_id = ? and variables like '%Pwned%'", datasetId),
        data: { fileName: "x.csv", text: "product\nPwned\n", mapping: { product: "variable" } },
        control: { fileName: "x.csv", text: "product\nPwned\n" },
        expected: 200,
      },
      {
        path: "/api/playground/run",
        written: () => count("select count(*) as n from playground_runs where batch_id = ?", batchId),
        data: { promptId, batchId, column: 1, source: { kind: "version", version: 1 }, modelId: "offline:demo", settings: {}, variables: {} },
        control: { promptId: crypto.randomUUID(), batchId: crypto.randomUUID(), column: 1, source: { kind: "version", version: 1 }, modelId: "offline:demo", settings: {}, variables: {} },
        expected: 404,
      },
    ];
    for (const { path, written, data, control, expected } of attacks) {
      const before = written();
      // text/plain is what a hostile page can send without a preflight; the browser adds the cookie and its Origin.
      for (const headers of [
        { origin: EVIL, "content-type": "text/plain" } as Record<string, string>,
        { origin: EVIL, "content-type": "application/json" },
        { "content-type": "application/json" },
        { origin: STUDIO_URL, "sec-fetch-site": "cross-site", "content-type": "text/plain" },
      ]) {
        const response = await admin.post(path, { headers, data: JSON.stringify(data) });
        expect(response.status(), `${path} with ${JSON.stringify(headers)}`).toBe(403);
        expect(await response.json()).toMatchObject({ code: "forbidden:api" });
      }
      expect(written(), `${path} wrote nothing`).toBe(before);
      const own = await admin.post(path, { headers: { origin: STUDIO_URL, "content-type": "application/json" }, data: JSON.stringify(control) });
      expect(own.status(), `${path}: ${await own.text()}`).toBe(expected);
    }

    const pwned = () => count("select count(*) as n from prompts where name = 'pwned/by-csrf'");
    const upload = { files: { name: "pwned.yaml", mimeType: "application/yaml", buffer: Buffer.from("name: pwned/by-csrf\ntype: text\nversions:\n  - version: 1\n    template: hi\n") } };
    const imported = await admin.post("/api/prompts/import", { headers: { origin: EVIL }, multipart: upload });
    expect(imported.status()).toBe(403);
    expect(pwned()).toBe(0);
  });

  test("the studio's own action that starts an evaluation, replayed from another origin, starts nothing", async ({ pageAs }) => {
    const page = await pageAs("admin");
    await page.goto("/evaluations/new");
    const form = page.getByRole("form", { name: "New evaluation" });
    const dataset = form.getByRole("combobox", { name: "Dataset" });
    await dataset.selectOption((await dataset.locator("option", { hasText: "tagline-smoke" }).getAttribute("value"))!);
    const prompt = form.getByRole("combobox", { name: "Prompt" });
    await prompt.selectOption((await prompt.locator("option", { hasText: "marketing/tagline" }).getAttribute("value"))!);
    const start = await captureAction(page, '"concurrency"', () => form.getByRole("button", { name: "Run evaluation" }).click());
    const crossSite: Record<string, string>[] = [{ origin: EVIL }, {}, { origin: STUDIO_URL, "sec-fetch-site": "cross-site" }];

    // Runs the admin starts on this dataset and prompt (other specs start runs too, rarely this pair as the admin).
    const runs = () =>
      count(
        `select count(*) as n from eval_runs r join users u on u.id = r.created_by_id join datasets d on d.id = r.dataset_id
          where u.email = ? and d.name = 'tagline-smoke' and exists (select 1 from eval_run_targets t join prompts p on p.id = t.prompt_id where t.run_id = r.id and p.name = 'marketing/tagline')`,
        DEMO_USERS.admin.email,
      );
    const before = runs();
    for (const headers of crossSite) {
      const response = await replayAction(page.request, start, headers);
      expect(response.status(), `start with ${JSON.stringify(headers)}`).toBe(403);
      expect(await response.json()).toMatchObject({ code: "forbidden:api" });
    }
    expect(runs(), "no run started").toBe(before);
    // The same call from the studio's page starts the run: the origin was the only difference.
    const own = await replayAction(page.request, start, { origin: STUDIO_URL });
    expect([own.status(), await own.text()]).toEqual([200, expect.stringContaining('"ok":true')]);
    expect(runs()).toBe(before + 1);
  });

  test("a JSON route refuses any other type from the studio itself, and a route without a body refuses one", async () => {
    const asText = await admin.post("/api/playground/run", { headers: { origin: STUDIO_URL, "content-type": "text/plain" }, data: "{}" });
    expect([asText.status(), (await asText.json()).code]).toEqual([415, "unsupported_media:api"]);
    const asForm = await admin.post("/api/prompts/import", { headers: { origin: STUDIO_URL, "content-type": "application/json" }, data: "{}" });
    expect(asForm.status()).toBe(415);
    const bodyWhereNone = await admin.post(`/api/playground/runs/${crypto.randomUUID()}/stop`, { headers: { origin: STUDIO_URL, "content-type": "text/plain" }, data: "x" });
    expect(bodyWhereNone.status()).toBe(415);
  });

  test("a server action from another origin is refused with 403, not run and not a 500", async () => {
    const response = await admin.post("/prompts", {
      headers: { origin: EVIL, "next-action": "7f".padEnd(42, "0"), "content-type": "text/plain;charset=UTF-8" },
      data: JSON.stringify([{ name: "pwned-by-action", type: "text" }]),
    });
    expect(response.status()).toBe(403);
    expect(await response.json()).toMatchObject({ code: "forbidden:api" });
  });
});

test.describe("bodies are read only once the caller is known, and only up to a limit", () => {
  test("a 120 MiB body without a cookie is answered 401 before it is sent, and the server stays quick", async () => {
    for (const path of ["/api/playground/run", "/api/datasets/x/import", "/api/prompts/import", "/api/v1/generations", "/api/v1/evals/runs"]) {
      const answer = await streamPost(path, { totalBytes: 120 * MiB, headers: { "content-type": "application/json" } });
      expect(answer.status, path).toBe(401);
      expect(answer.sentBeforeAnswer, `${path} answered before the body was read`).toBeLessThan(32 * MiB);
      expect(JSON.parse(answer.body)).toBeTruthy();
    }
    // A server action declares its length, and one over the limit is refused before the session is even looked up.
    const action = await streamPost("/evaluations/new", {
      totalBytes: 120 * MiB,
      headers: { origin: STUDIO_URL, "content-type": "text/plain;charset=UTF-8", "next-action": "7f".padEnd(42, "0") },
    });
    expect([action.status, JSON.parse(action.body).code]).toEqual([413, "too_large:api"]);
    expect(action.sentBeforeAnswer).toBeLessThan(32 * MiB);
    const health = await fetch(`${STUDIO_URL}/api/health`);
    expect(health.status).toBe(200);
  });

  test("a signed-in member's over-limit body is refused with 413, declared or chunked, before it ends", async () => {
    const cookie = sessionCookie("admin");
    const declared = await streamPost("/api/playground/run", { totalBytes: 120 * MiB, headers: { cookie, "content-type": "application/json" } });
    expect([declared.status, JSON.parse(declared.body).code]).toEqual([413, "too_large:api"]);
    expect(declared.sentBeforeAnswer).toBeLessThan(32 * MiB);
    const chunked = await streamPost("/api/playground/run", { totalBytes: 120 * MiB, declareLength: false, headers: { cookie, "content-type": "application/json" } });
    expect(chunked.status).toBe(413);
    expect(chunked.sentBeforeAnswer).toBeLessThan(64 * MiB);
  });
});

test.describe("bad input gets a JSON 4xx, never a 5xx or an HTML page", () => {
  test("malformed %-escapes in paths, signed out and signed in", async ({ request }) => {
    const cookie = sessionCookie("admin");
    const paths = ["/api/datasets/%zz/export", "/api/evals/runs/%E0%A4%A/results", "/api/prompts/%", "/prompts/%zz", "/prompts/support%2F%ZZ", "/datasets/%zz"];
    for (const path of paths) {
      for (const headers of [{}, { cookie }] as Record<string, string>[]) {
        const response = await request.get(path, { headers });
        expect(response.status(), path).toBe(400);
        expect(response.headers()["content-type"], path).toMatch(/^application\/json/);
      }
    }
    // The delivery API's GET fast path checks the key first (401 without one); its POSTs go through the guard.
    const post = await request.post("/api/v1/prompts/a%zz/render", { data: {} });
    expect([post.status(), await post.json()]).toEqual([400, { error: { code: "bad_request:api", message: "The path has a malformed %-escape." } }]);
  });

  test("unknown /api paths answer JSON 404 and known ones JSON 405 for a wrong method", async ({ request }) => {
    for (const path of ["/api", "/api/nope", "/api/evals/runs/x/y/z", "/api/prompts/export/extra"]) {
      const response = await request.get(path);
      expect([path, response.status(), response.headers()["content-type"]]).toEqual([path, 404, "application/json"]);
    }
    const wrong = await request.put("/api/health", { data: {} });
    expect(wrong.status()).toBe(405);
    expect(wrong.headers()["allow"]).toBe("GET, HEAD, OPTIONS");
    expect(await wrong.json()).toMatchObject({ code: "method_not_allowed:api" });
    expect((await request.get("/api/playground/run")).status()).toBe(405);
    expect((await request.delete("/api/prompts/import")).status()).toBe(405);
  });

  test("an over-long query or header gets JSON 431, and garbage HTTP a JSON 400", async () => {
    const long = await rawHttp(`GET /api/health?q=${"a".repeat(20_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
    expect(long.status).toBe(431);
    expect(JSON.parse(long.body)).toMatchObject({ code: "headers_too_large:api" });
    const header = await rawHttp(`GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Long: ${"b".repeat(20_000)}\r\n\r\n`);
    expect(header.status).toBe(431);
    const garbage = await rawHttp("GET /api/health HTTP/1.1\r\nHost: localhost\r\nBad\u0000: 1\r\n\r\n");
    expect([garbage.status, JSON.parse(garbage.body).code]).toEqual([400, "bad_request:api"]);
  });

  test("malformed server-action bodies and stray page POSTs get a JSON 4xx", async ({ playwright }) => {
    const editor = await playwright.request.newContext({ baseURL: STUDIO_URL, storageState: authFile("editor") });
    const action = (data: string, type = "text/plain;charset=UTF-8") =>
      editor.post("/prompts", { headers: { origin: STUDIO_URL, "next-action": "7f".padEnd(42, "0"), "content-type": type }, data });
    for (const [data, type, status] of [
      ["{{{", undefined, 400],
      ["5", undefined, 400],
      ['["$Q99"]', undefined, 400],
      ["", undefined, 400],
      ["garbage", "multipart/form-data; boundary=x", 415],
    ] as const) {
      const response = await action(data, type);
      expect([data, response.status()]).toEqual([data, status]);
      expect(response.headers()["content-type"]).toMatch(/^application\/json/);
    }
    const stray = await editor.post("/prompts", { headers: { origin: STUDIO_URL, "content-type": "multipart/form-data; boundary=x" }, data: "garbage" });
    expect(stray.status()).toBe(405);
    await editor.dispose();
  });
});

test.describe("security headers", () => {
  test("pages carry a nonce CSP, API answers a deny-all one, and both the usual headers", async ({ request }) => {
    const page = await request.get("/login");
    const csp = page.headers()["content-security-policy"]!;
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'(;|$)/);
    const html = await page.text();
    for (const tag of html.match(/<script[^>]*>/g) ?? []) expect(tag).toContain(`nonce="${nonce}"`);
    // A fresh nonce per page view.
    expect((await request.get("/login")).headers()["content-security-policy"]).not.toBe(csp);

    for (const response of [page, await request.get("/api/health"), await request.get("/api/v1/prompts/x")]) {
      expect(response.headers()["x-content-type-options"]).toBe("nosniff");
      expect(response.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(response.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    }
    expect((await request.get("/api/health")).headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  });
});
