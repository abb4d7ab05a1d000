// Generations reported together are inserted in one transaction (db/group-commit.ts): each stored exactly once,
// each answered only once its transaction has committed, and a bad one refused without failing the others.
import { eq, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { generations } from "@/db/schema";
import { inTransaction, transaction } from "@/db/transaction";
import { addTextPrompt, deploy } from "@/lib/testing/delivery";
import { setUpDeliveryApi } from "@/lib/testing/delivery-api";
import { environmentId } from "@/lib/testing/feedback";
import { insertGenerationGrouped } from "./manage-generations";

const api = setUpDeliveryApi();
let promptId = "";

beforeAll(async () => {
  const prompt = await addTextPrompt(api.ws, "batch/prompt", ["Hello {{name}}"]);
  await deploy(api.ws, { promptId: prompt.id, environment: "production", version: 1 });
  promptId = prompt.id;
});

const row = (output: string, overrides: Partial<typeof generations.$inferInsert> = {}) => ({
  workspaceId: api.ws.workspaceId,
  promptId,
  version: 1,
  environmentId: null,
  variables: { name: "Ada" },
  output,
  modelId: "",
  inputTokens: null,
  outputTokens: null,
  costUsd: null,
  latencyMs: null,
  metadata: {},
  apiKeyId: null,
  ...overrides,
});

const stored = (prefix: string) => getDb().select().from(generations).where(like(generations.output, `${prefix}%`));

describe("generations reported together", () => {
  it("stores each of many concurrent POSTs exactly once, each answered with its own row", async () => {
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        api.request("POST", "/api/v1/generations", { key: api.writeKey, body: { prompt: "batch/prompt", label: "production", output: `http-${i}`, latencyMs: i } }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 201));
    const rows = await stored("http-");
    expect(rows).toHaveLength(40);
    for (const [i, answer] of answers.entries()) {
      const { id, version } = answer.body as { id: string; version: number };
      expect(version).toBe(1);
      expect(rows.filter((r) => r.id === id)).toMatchObject([{ output: `http-${i}`, latencyMs: i, apiKeyId: api.writeKeyId }]);
    }
  });

  it("answers each write only after its transaction has committed", async () => {
    const seen = await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        const written = await insertGenerationGrouped(row(`committed-${i}`));
        // Read through the process's pool, outside any transaction: on Postgres another connection, which sees
        // only committed rows.
        expect(inTransaction()).toBe(false);
        return (await getDb().select().from(generations).where(eq(generations.id, written.id))).length;
      }),
    );
    expect(seen).toEqual(seen.map(() => 1));
  });

  it("refuses a bad write of a batch with its own error and stores the others once", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => insertGenerationGrouped(row(`mixed-${i}`, i === 3 ? { promptId: "no-such-prompt" } : {}))),
    );
    expect(results.map((result) => result.status)).toEqual(["fulfilled", "fulfilled", "fulfilled", "rejected", "fulfilled", "fulfilled", "fulfilled", "fulfilled"]);
    const rows = await stored("mixed-");
    expect(rows.map((r) => r.output).sort()).toEqual(["mixed-0", "mixed-1", "mixed-2", "mixed-4", "mixed-5", "mixed-6", "mixed-7"]);
  });

  it("stores every column of a batch as given, text that looks like array syntax or NULL included", async () => {
    // Postgres receives a batch as one array per column (manage-generations.ts): quotes, backslashes, braces, commas
    // and the word NULL inside a value must come back as they went in, and a missing value as a real null.
    const awkward = `columns "quoted" \\ back{slash}, {"a":1} NULL ⚡`;
    const createdAt = new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 678));
    const full = row("columns-full", {
      environmentId: await environmentId(api.ws.workspaceId, "production"),
      variables: { name: awkward, json: '{"list": [1, "two", null]}' },
      modelId: "offline/echo",
      inputTokens: 12,
      outputTokens: 34,
      costUsd: 0.000125,
      latencyMs: 56,
      metadata: { trace: awkward, nested: { list: [1, "two", null] } },
      apiKeyId: api.writeKeyId,
      createdAt,
    });
    const nulls = row(`columns-null ${awkward}`, { output: `columns-null ${awkward}`, modelId: "NULL" });
    await Promise.all([insertGenerationGrouped(full), insertGenerationGrouped(nulls)]);
    const rows = await stored("columns-");
    expect(rows.find((r) => r.output === "columns-full")).toMatchObject({ ...full, feedbackCount: 0, feedbackScore: null });
    expect(rows.find((r) => r.output === nulls.output)).toMatchObject({ ...nulls, environmentId: null, apiKeyId: null, costUsd: null, feedbackCount: 0 });
  });

  it("joins a caller's open transaction, so it rolls back with it", async () => {
    await expect(
      transaction(async () => {
        await insertGenerationGrouped(row("rolled-back"));
        throw new Error("the caller fails");
      }),
    ).rejects.toThrow("the caller fails");
    expect(await stored("rolled-back")).toEqual([]);
  });
});
