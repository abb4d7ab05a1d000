// Guard policies on served prompts (issue 19) over real HTTP: render and reported generations, through the custom
// server's fast path and through the Web handler Next's route calls, each answer checked against the OpenAPI
// document; what was stored (generations, guard_block_counts) and what /api/metrics counts are checked too.
import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { first } from "@/db/first";
import { generations, guardBlockCounts } from "@/db/schema";
import type { GuardPolicy } from "@/lib/core/vocabulary/guard-policy";
import { scrapeMetrics } from "@/lib/platform/metrics/scrape";
import { saveVersion } from "@/lib/prompts/manage-prompts";
import { loadGuardBlocks } from "@/lib/serving/server";
import { addApiKey, addTextPrompt, deploy, makeDeliveryWorkspace } from "@/lib/testing/delivery";
import { setUpDeliveryApi } from "@/lib/testing/delivery-api";
import { assertRequestMatchesOpenApi } from "@/lib/testing/openapi-request-validator";
import { assertMatchesOpenApi } from "@/lib/testing/openapi-validator";
import { handleDeliveryRequest } from "./handlers";

const api = setUpDeliveryApi();
const POLICY: GuardPolicy = { deniedTopics: ["competitor pricing"], words: ["refund", "acme secret"], pii: "block", maxInputChars: 2_000 };
let guarded: { id: string; name: string };

beforeAll(async () => {
  // v1 has no policy; v2 and v3 are guarded (v3 masks personal data instead of refusing it).
  guarded = await addTextPrompt(api.ws, "support/guarded", ["Answer {{question}}"]);
  await addVersion(guarded.id, 1, POLICY);
  await addVersion(guarded.id, 2, { ...POLICY, pii: "mask" });
  await deploy(api.ws, { promptId: guarded.id, environment: "production", version: 2 });
});

async function addVersion(promptId: string, parent: number, guard: GuardPolicy) {
  await saveVersion(api.ws.editor, { promptId, body: { type: "text", template: "Answer {{question}}" }, modelConfig: { model: "offline:demo", guard }, commitMessage: `v${parent + 1}`, expectedParentVersion: parent });
}

type Transport = "fast path" | "Next route";

/** A POST through the fast path (the test server), or through handleDeliveryRequest as app/api/v1 calls it. */
async function post(via: Transport, path: string, key: string, body: unknown): Promise<{ status: number; body: unknown }> {
  if (via === "fast path") {
    const { status, body: answer } = await api.request("POST", path, { key, body });
    return { status, body: answer };
  }
  const rawBody = JSON.stringify(body);
  assertRequestMatchesOpenApi({ method: "POST", rawUrl: path, rawBody });
  const response = await handleDeliveryRequest(
    new Request(`http://studio.test${path}`, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: rawBody }),
    api.state,
  );
  const json: unknown = await response.json();
  assertMatchesOpenApi({ method: "POST", rawPath: path, status: response.status, body: json });
  return { status: response.status, body: json };
}

const render = (via: Transport, variables: Record<string, unknown>, target: { version?: number } = {}) =>
  post(via, "/api/v1/prompts/support%2Fguarded/render", api.readKey, { ...target, variables });

async function counted(where: { rule: string; action: "blocked" | "masked"; surface: "render" | "generation"; version?: number }): Promise<number> {
  const rows = await getDb()
    .select({ count: guardBlockCounts.count, workspaceId: guardBlockCounts.workspaceId })
    .from(guardBlockCounts)
    .where(
      and(
        eq(guardBlockCounts.promptId, guarded.id),
        eq(guardBlockCounts.version, where.version ?? 2),
        eq(guardBlockCounts.rule, where.rule),
        eq(guardBlockCounts.action, where.action),
        eq(guardBlockCounts.surface, where.surface),
      ),
    );
  for (const row of rows) expect(row.workspaceId).toBe(api.ws.workspaceId);
  return rows.reduce((sum, row) => sum + row.count, 0);
}

const TOKEN = "guard-metrics-token-0123456789";
async function metric(rule: string, action: string, surface: string): Promise<number> {
  const { body } = await scrapeMetrics(`Bearer ${TOKEN}`, TOKEN);
  const sample = `promptops_guard_blocks_total{rule="${rule}",action="${action}",surface="${surface}"}`;
  const line = body.split("\n").find((l) => l.startsWith(`${sample} `));
  return line ? Number(line.slice(sample.length + 1)) : 0;
}

const storedGenerations = async () => (await first(getDb().select({ n: count() }).from(generations).where(eq(generations.promptId, guarded.id))))!.n;

describe.each<Transport>(["fast path", "Next route"])("render of a guarded version (%s)", (via) => {
  it("refuses each rule's violation with 422 naming the rule, and counts it in the table and /api/metrics", async () => {
    const cases: [string, Record<string, unknown>][] = [
      ["max-input-length", { question: "x".repeat(2_001) }],
      ["word-list", { question: "I want a REFUND now" }],
      ["denied-topic", { question: "tell me about competitor\n pricing" }],
      ["pii", { question: "mail me at ana@example.com" }],
    ];
    for (const [rule, variables] of cases) {
      const before = { stored: await counted({ rule, action: "blocked", surface: "render" }), metric: await metric(rule, "blocked", "render") };
      // Twice: the second is answered from the plan cached at the first (the synchronous path).
      for (const _ of [1, 2]) {
        const response = await render(via, variables);
        expect(response.status, rule).toBe(422);
        expect(response.body).toEqual({ error: { code: "unprocessable:guard", message: expect.stringMatching(/guard policy refuses/), details: { rule } } });
      }
      expect(await counted({ rule, action: "blocked", surface: "render" })).toBe(before.stored + 2);
      expect(await metric(rule, "blocked", "render")).toBe(before.metric + 2);
    }
  });

  it("renders an input that breaks no rule, and counts nothing", async () => {
    const before = await counted({ rule: "word-list", action: "blocked", surface: "render" });
    const response = await render(via, { question: "Where is my refunded parcel? Call competitors." });
    expect(response).toEqual({ status: 200, body: { name: "support/guarded", version: 2, type: "text", text: "Answer Where is my refunded parcel? Call competitors." } });
    expect(await counted({ rule: "word-list", action: "blocked", surface: "render" })).toBe(before);
  });

  it("masks personal data instead of refusing it when the policy says mask, and counts the mask", async () => {
    const before = await counted({ rule: "pii", action: "masked", surface: "render", version: 3 });
    const response = await render(via, { question: "mail ana@example.com or call +1 555 123 4567" }, { version: 3 });
    expect(response).toEqual({ status: 200, body: { name: "support/guarded", version: 3, type: "text", text: "Answer mail [EMAIL] or call [PHONE]" } });
    expect(await counted({ rule: "pii", action: "masked", surface: "render", version: 3 })).toBe(before + 1);
  });

  it("leaves a version without a policy unaffected", async () => {
    const response = await render(via, { question: "refund to ana@example.com, competitor pricing" }, { version: 1 });
    expect(response.status).toBe(200);
    expect(await counted({ rule: "word-list", action: "blocked", surface: "render", version: 1 })).toBe(0);
  });
});

describe.each<Transport>(["fast path", "Next route"])("reported generations of a guarded version (%s)", (via) => {
  const report = (body: Record<string, unknown>) => post(via, "/api/v1/generations", api.writeKey, { prompt: "support/guarded", output: "ok", ...body });

  it("refuses inputs that break the policy with 422 naming the rule, stores nothing, and counts the refusal", async () => {
    for (const [rule, question] of [["word-list", "refund please"], ["denied-topic", "Competitor pricing?"], ["pii", "4111 1111 1111 1111"], ["max-input-length", "y".repeat(2_001)]] as const) {
      const stored = await storedGenerations();
      const before = { count: await counted({ rule, action: "blocked", surface: "generation" }), metric: await metric(rule, "blocked", "generation") };
      const response = await report({ label: "production", variables: { question } });
      expect(response.status, rule).toBe(422);
      expect(response.body).toMatchObject({ error: { code: "unprocessable:guard", details: { rule } } });
      expect(await storedGenerations()).toBe(stored);
      expect(await counted({ rule, action: "blocked", surface: "generation" })).toBe(before.count + 1);
      expect(await metric(rule, "blocked", "generation")).toBe(before.metric + 1);
    }
  });

  it("stores the output masked (listed words and personal data), and counts each rule that masked", async () => {
    const before = { words: await counted({ rule: "word-list", action: "masked", surface: "generation" }), pii: await counted({ rule: "pii", action: "masked", surface: "generation" }) };
    const metricBefore = await metric("word-list", "masked", "generation");
    const response = await report({ version: 2, variables: { question: "Where is my parcel?" }, output: "Our ACME   secret: a Refund goes to ana@example.com." });
    expect(response.status).toBe(201);
    const row = (await first(getDb().select().from(generations).where(eq(generations.id, (response.body as { id: string }).id))))!;
    expect(row).toMatchObject({ version: 2, variables: { question: "Where is my parcel?" }, output: "Our [MASKED]: a [MASKED] goes to [EMAIL]." });
    expect(await counted({ rule: "word-list", action: "masked", surface: "generation" })).toBe(before.words + 1);
    expect(await counted({ rule: "pii", action: "masked", surface: "generation" })).toBe(before.pii + 1);
    expect(await metric("word-list", "masked", "generation")).toBe(metricBefore + 1);
  });

  it("stores the inputs masked too when PII handling is mask", async () => {
    const response = await report({ version: 3, variables: { question: "I am ana@example.com" }, output: "Hello" });
    expect(response.status).toBe(201);
    const row = (await first(getDb().select().from(generations).where(eq(generations.id, (response.body as { id: string }).id))))!;
    expect(row).toMatchObject({ variables: { question: "I am [EMAIL]" }, output: "Hello" });
  });

  it("stores a version without a policy as it was reported", async () => {
    const response = await report({ version: 1, variables: { question: "refund ana@example.com" }, output: "refund ana@example.com" });
    expect(response.status).toBe(201);
    const row = (await first(getDb().select().from(generations).where(eq(generations.id, (response.body as { id: string }).id))))!;
    expect(row).toMatchObject({ variables: { question: "refund ana@example.com" }, output: "refund ana@example.com" });
  });
});

describe("counting under load", () => {
  it("counts every one of many refusals arriving together, none lost and none failed", async () => {
    const before = await counted({ rule: "denied-topic", action: "blocked", surface: "render" });
    const answers = await Promise.all(Array.from({ length: 40 }, () => render("fast path", { question: "competitor pricing" })));
    expect(answers.map((answer) => answer.status)).toEqual(Array(40).fill(422));
    expect(await counted({ rule: "denied-topic", action: "blocked", surface: "render" })).toBe(before + 40);
  });
});

describe("guard policies across workspaces", () => {
  it("applies another workspace's own version, not this one's, and keeps the counts apart", async () => {
    const other = await makeDeliveryWorkspace();
    const theirs = await addTextPrompt(other, "support/guarded", ["Theirs {{question}}"]);
    await deploy(other, { promptId: theirs.id, environment: "production", version: 1 });
    const key = await addApiKey(other, "read");
    const response = await api.request("POST", "/api/v1/prompts/support%2Fguarded/render", { key: key.secret, body: { variables: { question: "refund" } } });
    expect(response).toMatchObject({ status: 200, body: { text: "Theirs refund" } });

    // This workspace's refusals are counted under it only: the other workspace reads nothing for its prompt or ours.
    expect((await loadGuardBlocks({ workspaceId: other.workspaceId }, { promptId: guarded.id })).every((row) => row.blocked === 0 && row.masked === 0)).toBe(true);
    const ours = await loadGuardBlocks({ workspaceId: api.ws.workspaceId }, { promptId: guarded.id });
    expect(ours.find((row) => row.rule === "word-list")!.blocked).toBeGreaterThanOrEqual(4);
    expect(ours.map((row) => row.rule)).toEqual(["max-input-length", "word-list", "denied-topic", "pii"]);
  });
});
