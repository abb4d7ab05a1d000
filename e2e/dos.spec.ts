import { crc32 } from "node:zlib";
import { Deflate } from "fflate";
import type { APIRequestContext } from "@playwright/test";
import { STUDIO_URL } from "./support/env";
import { streamPost } from "./support/studio-http";
import { expect, test } from "./support/test";

// Denial of service, against the production server: each attack must be answered within 1 s while /api/health,
// polled throughout, keeps answering within 200 ms, and the server is healthy afterwards. (Issue 13: a regex
// scorer froze every endpoint for 33 s; a zip bomb took the server from 406 to 2,806 MiB and stalled it 21 s.)

const ANSWERED_MS = 1_000;
const HEALTH_MS = 200;
const MiB = 1024 * 1024;
const unique = (prefix: string) => `${prefix}-${Date.now()}-${Math.floor(Math.random() * 1000)}`;
/** Session routes expect a same-origin request, as a browser sends it. */
const sameOrigin = { origin: STUDIO_URL };

/**
 * Waits until the server is quiet: five health checks in a row each answered within 50 ms (30 s at most). The DoS
 * specs run right after the whole suite, and a burst of work left from it (closing pages' prefetch renders, a
 * checkpoint) once made a health check slow before any attack began (CI, 495 ms). The bar during the attack stays
 * 200 ms; this only makes sure what it measures is the attack.
 */
async function untilQuiet() {
  const deadline = Date.now() + 30_000;
  let quiet = 0;
  while (quiet < 5) {
    if (Date.now() > deadline) throw new Error("the server never became quiet before the attack");
    const started = performance.now();
    await fetch(`${STUDIO_URL}/api/health`, { signal: AbortSignal.timeout(10_000) });
    quiet = performance.now() - started < 50 ? quiet + 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Polls /api/health back to back (20 ms apart) until stopped; reports the slowest answer and any failure. */
function watchHealth() {
  let stopped = false;
  const latencies: number[] = [];
  const failures: string[] = [];
  const loop = (async () => {
    while (!stopped) {
      const started = performance.now();
      try {
        const response = await fetch(`${STUDIO_URL}/api/health`, { signal: AbortSignal.timeout(10_000) });
        const body = (await response.json()) as { status?: string };
        if (response.status !== 200 || body.status !== "ok") failures.push(`HTTP ${response.status} ${JSON.stringify(body)}`);
      } catch (error) {
        failures.push(String(error));
      }
      latencies.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await loop;
      return { polls: latencies.length, slowestMs: Math.round(Math.max(...latencies)), failures };
    },
  };
}

async function expectHealthy(request: APIRequestContext) {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ status: "ok", database: "ok" });
}

/** One 200 MiB entry of zeros, deflated once by fflate's streaming Deflate (1 MiB at a time, so little memory). */
function deflatedZeros(bytes: number): { data: Uint8Array; size: number; crc: number } {
  const zeros = new Uint8Array(MiB);
  const chunks: Uint8Array[] = [];
  const deflate = new Deflate({ level: 6 }, (chunk) => chunks.push(chunk));
  let crc = 0;
  for (let sent = 0; sent < bytes; sent += MiB) {
    deflate.push(zeros, sent + MiB >= bytes);
    crc = crc32(zeros, crc);
  }
  return { data: Buffer.concat(chunks), size: bytes, crc };
}

/**
 * Writes the fields a zip entry's local header and its central directory record share, in the same order: from
 * offset 4 in the one and 6 in the other (where "version made by" comes first). Times are zero: 1980-01-01 00:00.
 */
function writeEntryFields(header: Buffer, at: number, entry: { data: Uint8Array; crc: number }, declaredSize: number, nameLength: number) {
  header.writeUInt16LE(20, at); // version needed to extract: 2.0
  header.writeUInt16LE(8, at + 4); // method: deflate
  header.writeUInt16LE(0x21, at + 8); // date
  header.writeUInt32LE(entry.crc >>> 0, at + 10);
  header.writeUInt32LE(entry.data.length, at + 14);
  header.writeUInt32LE(declaredSize, at + 18);
  header.writeUInt16LE(nameLength, at + 22);
}

/** A zip of `names`, each holding the same deflated entry; `declaredSize` lets the headers lie about its size. */
function zipOf(names: string[], entry: { data: Uint8Array; size: number; crc: number }, declaredSize = entry.size): Buffer {
  const parts: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const name of names) {
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeEntryFields(local, 4, entry, declaredSize, nameBytes.length);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    writeEntryFields(central, 6, entry, declaredSize, nameBytes.length);
    central.writeUInt32LE(offset, 42);
    parts.push(local, nameBytes, Buffer.from(entry.data));
    directory.push(central, nameBytes);
    offset += local.length + nameBytes.length + entry.data.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(names.length, 8);
  end.writeUInt16LE(names.length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directoryBytes, end]);
}

test.describe("denial of service", () => {
  test("a catastrophic regex scorer (a|aa)+$ on 48 a's and a '!' is scored without stalling the server", async ({ pageAs }) => {
    test.slow();
    const page = await pageAs("editor");
    const folder = unique("dos/regex");
    const run = `${"a".repeat(48)}!`;
    // One prompt that repeats its input, one case whose output carries 48 a's then "!", and the regex as its assertion.
    const config = `prompts:\n  - "{{text}}"\ntests:\n  - vars:\n      text: "${run}"\n    assert:\n      - type: regex\n        value: "(a|aa)+$"\n`;
    const imported = await page.request.post("/api/evals/promptfoo-import", {
      headers: sameOrigin,
      data: { text: config, promptFolder: folder, datasetName: unique("dos-regex"), commit: true },
    });
    expect(imported.status(), await imported.text()).toBe(201);
    const { datasetId, prompts } = (await imported.json()) as { datasetId: string; prompts: string[] };
    await page.goto("/evaluations/new");
    const form = page.getByRole("form", { name: "New evaluation" });
    await form.getByRole("combobox", { name: "Dataset" }).selectOption(datasetId);
    const prompt = form.getByRole("combobox", { name: "Prompt" });
    await prompt.selectOption((await prompt.locator("option", { hasText: prompts[0]! }).getAttribute("value"))!);
    await form.getByRole("spinbutton", { name: "Concurrency" }).fill("1");
    // The page's own after-load traffic (Next prefetching every visible link's server render, the form's variables
    // preview) is load this test made, not the attack's: let it finish before measuring the server's latency.
    await page.waitForLoadState("networkidle");

    await expectHealthy(page.request);
    await untilQuiet();
    const health = watchHealth();
    // The form's "Run evaluation" is a server action; its answer is what the member waits for.
    const answered = page.waitForResponse((response) => response.request().headers()["next-action"] !== undefined && (response.request().postData() ?? "").includes('"concurrency"'));
    const started = performance.now();
    await form.getByRole("button", { name: "Run evaluation" }).click();
    expect((await answered).status()).toBe(200);
    const answeredMs = performance.now() - started;
    await page.waitForURL(/\/evaluations\/[0-9a-f-]{36}$/);
    const id = new URL(page.url()).pathname.split("/").at(-1)!;
    await expect
      .poll(async () => ((await (await page.request.get(`/api/evals/runs/${id}`)).json()) as { status: string }).status, { timeout: 30_000 })
      .toBe("completed");
    const watched = await health.stop();

    test.info().annotations.push({ type: "measured", description: `answered in ${Math.round(answeredMs)} ms; slowest of ${watched.polls} health checks ${watched.slowestMs} ms` });
    expect(answeredMs).toBeLessThan(ANSWERED_MS);
    expect(watched.failures).toEqual([]);
    expect(watched.slowestMs, `slowest of ${watched.polls} health checks`).toBeLessThan(HEALTH_MS);
    const results = (await (await page.request.get(`/api/evals/runs/${id}/results`)).json()) as {
      items: { status: string; output: string; scores: { passed: boolean; reason: string }[] }[];
    };
    expect(results.items).toHaveLength(1);
    expect(results.items[0]!.output).toContain(run);
    expect(results.items[0]).toMatchObject({ status: "failed", scores: [{ passed: false, reason: "Output does not match /(a|aa)+$/." }] });
    await expectHealthy(page.request);
  });

  test("a zip bomb (four entries of 200 MiB of zeros in about 800 KiB) is refused at its first limit without stalling the server", async ({ pageAs }) => {
    test.slow();
    const page = await pageAs("editor");
    const entry = deflatedZeros(200 * MiB);
    const names = [0, 1, 2, 3].map((i) => `prompts/${unique("bomb")}-${i}.yaml`);
    const honest = zipOf(names, entry);
    expect(honest.length).toBeLessThan(MiB);
    // The same archive whose headers claim 100-byte files: only measuring while inflating can stop it.
    const lying = zipOf(names, entry, 100);

    await expectHealthy(page.request);
    for (const [archive, message] of [
      [honest, `${names[0]} in bomb.zip unpacks to 200 MiB; a prompt file can be at most 1 MiB.`],
      [lying, `${names[0]} in bomb.zip unpacks to more than 1 MiB, the limit for one prompt file.`],
    ] as const) {
      await untilQuiet();
      const health = watchHealth();
      const started = performance.now();
      const response = await page.request.post("/api/prompts/import", {
        headers: sameOrigin,
        multipart: { files: { name: "bomb.zip", mimeType: "application/zip", buffer: archive } },
      });
      const answeredMs = performance.now() - started;
      const watched = await health.stop();

      test.info().annotations.push({ type: "measured", description: `answered in ${Math.round(answeredMs)} ms; slowest of ${watched.polls} health checks ${watched.slowestMs} ms` });
      expect(response.status()).toBe(413);
      expect(await response.json()).toEqual({ error: message, code: "too_large:import", details: { limit: "maxFileBytes", max: MiB } });
      expect(answeredMs).toBeLessThan(ANSWERED_MS);
      expect(watched.failures).toEqual([]);
      expect(watched.slowestMs, `slowest of ${watched.polls} health checks`).toBeLessThan(HEALTH_MS);
    }
    await expectHealthy(page.request);
    const name = names[0]!.replace(/^prompts\/|\.yaml$/g, "");
    expect((await page.request.get(`/api/prompts/export?name=${encodeURIComponent(name)}`)).status()).toBe(404);
  });

  test("three 120 MiB bodies without a cookie are refused before they are read, without stalling the server", async ({ request }) => {
    await expectHealthy(request);
    await untilQuiet();
    const health = watchHealth();
    const started = performance.now();
    const answers = await Promise.all([1, 2, 3].map(() => streamPost("/api/playground/run", { totalBytes: 120 * MiB, headers: { "content-type": "application/json" } })));
    const answeredMs = performance.now() - started;
    const watched = await health.stop();

    test.info().annotations.push({ type: "measured", description: `answered in ${Math.round(answeredMs)} ms; slowest of ${watched.polls} health checks ${watched.slowestMs} ms` });
    for (const answer of answers) {
      expect(answer.status).toBe(401);
      expect(answer.sentBeforeAnswer).toBeLessThan(32 * MiB);
    }
    expect(answeredMs).toBeLessThan(ANSWERED_MS);
    expect(watched.failures).toEqual([]);
    expect(watched.slowestMs, `slowest of ${watched.polls} health checks`).toBeLessThan(HEALTH_MS);
    await expectHealthy(request);
  });
});
