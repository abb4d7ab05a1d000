// Runs columns end to end on real SQLite and over real HTTP to the fixture LLM server (no mocked fetch).
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { setUpFixtureLlmServer } from "@/lib/testing/fixture-llm";
import { getDb } from "@/db";
import { first } from "@/db/first";
import { playgroundRuns } from "@/db/schema";
import { AppError } from "@/lib/core/errors";
import { createPrompt, saveVersion } from "@/lib/prompts/manage-prompts";
import { saveProvider } from "@/lib/platform/providers/manage-providers";
import { makeWorkspace } from "@/lib/testing/factories";
import { runColumnInput } from "@/lib/testing/run-column";
import { executeRun } from "./execute-run";
import { prepareRun } from "./prepare-run";
import type { RunColumnInput } from "./schemas";

const server = setUpFixtureLlmServer();

/** A workspace whose "openai" provider is the fixture server (so catalog prices apply) and a "fx" compatible one. */
async function setup() {
  const { workspace, members } = await makeWorkspace(["admin", "editor"]);
  const [admin, editor] = members.map((m) => m.ctx);
  await saveProvider(admin!, { slug: "openai", kind: "openai", label: "OpenAI", baseUrl: server.url, apiKey: "sk-fixture-secret-key-123456" });
  await saveProvider(admin!, { slug: "fx", kind: "openai-compatible", label: "Fixture", baseUrl: server.url, apiKey: "", models: "echo, slow-40, hang, fail-401" });
  const { id: promptId } = await createPrompt(editor!, { name: "greet", type: "text", description: "", tags: [] });
  await saveVersion(editor!, {
    promptId,
    body: { type: "text", template: "Say hello to {{name}}." },
    modelConfig: { model: "openai:gpt-4o", temperature: 0.3 },
    commitMessage: "v1",
    expectedParentVersion: null,
  });
  const input = (overrides: Partial<RunColumnInput> = {}) =>
    runColumnInput({ promptId, modelId: "openai:gpt-4o", settings: { temperature: 0.3 }, variables: { name: "Ada" }, ...overrides });
  return { workspace, editor: editor!, promptId, input };
}

async function storedRun(runId: string) {
  return (await first(getDb().select().from(playgroundRuns).where(eq(playgroundRuns.id, runId))))!;
}

describe("executing a playground run", () => {
  it("stores a succeeded run with its input, output, usage, catalog cost, latencies and user", async () => {
    const { editor, input } = await setup();
    const prepared = await prepareRun(editor, input());
    const deltas: string[] = [];
    const outcome = await executeRun({ prepared, onDelta: (text) => deltas.push(text) });

    expect(outcome.status).toBe("succeeded");
    expect(deltas.join("")).toBe("Echo: Say hello to Ada.");
    const run = await storedRun(outcome.runId);
    expect(run).toMatchObject({
      status: "succeeded",
      version: 1,
      draftContent: null,
      modelId: "openai:gpt-4o",
      settings: { temperature: 0.3 },
      variables: { name: "Ada" },
      input: [{ role: "user", content: "Say hello to Ada." }],
      promptMessageCount: 1,
      output: "Echo: Say hello to Ada.",
      finishReason: "stop",
      userId: editor.user.id,
      errorCode: null,
    });
    expect(run.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(run.inputTokens).toBeGreaterThan(0);
    expect(run.outputTokens).toBe(deltas.length);
    // GPT-4o list price: $2.50 per million input tokens, $10 per million output tokens.
    expect(run.costUsd).toBeCloseTo((run.inputTokens! * 2.5 + run.outputTokens! * 10) / 1_000_000, 12);
    expect(run.timeToFirstTokenMs).not.toBeNull();
    expect(run.latencyMs!).toBeGreaterThanOrEqual(run.timeToFirstTokenMs!);
  });

  it("stores a failed run with the safe provider message, never the key", async () => {
    const { editor, input } = await setup();
    const outcome = await executeRun({ prepared: await prepareRun(editor, input({ modelId: "fx:fail-401" })) });
    expect(outcome.status).toBe("failed");
    expect(outcome.error?.code).toBe("unauthorized:provider");
    const run = await storedRun(outcome.runId);
    expect(run.errorCode).toBe("unauthorized:provider");
    expect(run.errorMessage).toMatch(/Fixture rejected the API key \(HTTP 401\)/);
    expect(JSON.stringify(run)).not.toMatch(/sk-fixt|sk-fixture-secret/);
  });

  it("says which provider has no key configured and stores that as a failed run", async () => {
    const { editor, input } = await setup();
    const outcome = await executeRun({ prepared: await prepareRun(editor, input({ modelId: "anthropic:claude-haiku-4-5" })) });
    expect(outcome.error?.code).toBe("unavailable:provider");
    expect(outcome.error?.message).toMatch(/No API key is configured for Anthropic/);
    expect((await storedRun(outcome.runId)).status).toBe("failed");
  });

  it("aborts the provider request when the caller cancels, and stores what had streamed as cancelled", async () => {
    const { editor, input } = await setup();
    const prepared = await prepareRun(editor, input({ modelId: "fx:slow-40", variables: { name: "one two three four five six seven eight nine ten" } }));
    const cancel = new AbortController();
    const abortedBefore = server.aborted;
    const outcome = await executeRun({
      prepared,
      signal: cancel.signal,
      onDelta: (text) => {
        if (text.includes("hello")) cancel.abort();
      },
    });
    expect(outcome.status).toBe("cancelled");
    const run = await storedRun(outcome.runId);
    expect(run.status).toBe("cancelled");
    expect(run.output).toMatch(/^Echo: Say hello/);
    expect(run.output).not.toContain("ten");
    await expect.poll(() => server.aborted).toBe(abortedBefore + 1);
  });

  it("aborts a request that exceeds the timeout and says how long it waited", async () => {
    const { editor, input } = await setup();
    const outcome = await executeRun({ prepared: await prepareRun(editor, input({ modelId: "fx:hang" })), timeoutMs: 150 });
    expect(outcome.status).toBe("failed");
    expect(outcome.error?.code).toBe("timeout:model");
    expect(outcome.error?.message).toMatch(/did not answer within 150 ms/);
    expect((await storedRun(outcome.runId)).latencyMs!).toBeGreaterThanOrEqual(140);
  });

  it("runs an unsaved draft: stores its content, no version, and the hash a saved twin would have", async () => {
    const { editor, input } = await setup();
    const draft = await prepareRun(
      editor,
      input({ source: { kind: "draft", body: { type: "text", template: "Say hello to {{name}}." }, modelConfig: { temperature: 0.3, model: "openai:gpt-4o" } } }),
    );
    const saved = await prepareRun(editor, input());
    expect(draft.contentHash).toBe(saved.contentHash);
    const outcome = await executeRun({ prepared: draft });
    const run = await storedRun(outcome.runId);
    expect(run.version).toBeNull();
    expect(run.draftContent).toMatchObject({ type: "text", template: "Say hello to {{name}}." });
  });

  it("continues a conversation: follow-up turns follow the rendered prompt", async () => {
    const { editor, input } = await setup();
    const followUps = [
      { role: "assistant" as const, content: "Echo: Say hello to Ada." },
      { role: "user" as const, content: "And to Grace?" },
    ];
    const outcome = await executeRun({ prepared: await prepareRun(editor, input({ followUps })) });
    expect(outcome.output).toBe("Echo: And to Grace?");
    const run = await storedRun(outcome.runId);
    expect(run.input).toHaveLength(3);
    expect(run.promptMessageCount).toBe(1);
  });
});

describe("preparing a run", () => {
  it("answers 404 for another workspace's prompt", async () => {
    const { input } = await setup();
    const stranger = (await makeWorkspace(["editor"])).members[0]!.ctx;
    await expect(prepareRun(stranger, input())).rejects.toMatchObject({ code: "not_found:workspace" });
  });

  it("refuses a missing variable by name before any model is called", async () => {
    const { editor, input } = await setup();
    const error = await prepareRun(editor, input({ variables: {} })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toBe('Missing variable "name" (line 1, column 14)');
  });

  it("refuses a version that does not exist and a draft of the other prompt type", async () => {
    const { editor, input } = await setup();
    await expect(prepareRun(editor, input({ source: { kind: "version", version: 9 } }))).rejects.toMatchObject({ code: "not_found:prompt" });
    await expect(
      prepareRun(editor, input({ source: { kind: "draft", body: { type: "chat", messages: [{ role: "user", content: "hi" }] }, modelConfig: {} } })),
    ).rejects.toMatchObject({ code: "bad_request:prompt" });
  });
});
