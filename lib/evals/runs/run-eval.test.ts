// Eval runs end to end on real SQLite and over real HTTP to the fixture LLM server (no mocked fetch).
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog, evalScores } from "@/db/schema";
import { eq } from "drizzle-orm";
import { deployVersion } from "@/lib/releases/manage-deployments";
import { listEnvironments } from "@/lib/serving/queries";
import { saveVersion } from "@/lib/prompts/manage-prompts";
import { saveProvider } from "@/lib/platform/providers/manage-providers";
import { containsScorer, createRunOverCases, makeDataset, makeEvalWorkspace, resultsOf } from "@/lib/testing/eval-runs";
import { makeWorkspace } from "@/lib/testing/factories";
import { setUpFixtureLlmServer } from "@/lib/testing/fixture-llm";
import { userPrincipal } from "@/lib/platform/auth/principal";
import { cancelEvalRun, createEvalRun, resumeEvalRun } from "./manage-runs";
import { findEvalRun, listEvalRunTargets } from "./queries";
import { RUN_LIMITS } from "./schemas";
import { getEvalRunProgress, getEvalRunSummary, listEvalRunResults, listEvalRuns, findEvalRunResult } from "./read-runs";
import { executeEvalRun } from "./runner";

const server = setUpFixtureLlmServer();
/** Answers after 40 ms, so a run has calls in flight to cancel. */
const slowServer = setUpFixtureLlmServer({ latencyMs: 40 });

const fastBackoff = { baseMs: 5, maxMs: 50, maxRetryAfterMs: 100 };

describe("creating a run", () => {
  it("resolves targets, copies the cases with their assertions, multiplies the total and audits", async () => {
    const ws = await makeEvalWorkspace({ fixtureUrl: server.url });
    const dataset = await makeDataset({
      workspaceId: ws.workspace.id,
      count: 3,
      defaultScorers: [containsScorer("hello")],
      caseAt: (i) => ({ variables: { name: `Case ${i}` }, assertions: i === 2 ? [containsScorer("Case 2", "mentions-case")] : [] }),
    });
    const staging = (await listEnvironments(getDb(), { workspaceId: ws.workspace.id })).find((e) => e.slug === "staging")!;
    await deployVersion(ws.editor, { promptId: ws.promptId, environmentId: staging.id, version: 1, comment: "" });

    const { id, totalCases, status } = await createEvalRun(ws.editor, { datasetId: dataset.id, promptId: ws.promptId, targets: [{ version: 1 }, { label: "staging" }] });
    expect(totalCases).toBe(6);
    expect(status).toBe("queued");
    const run = (await findEvalRun(getDb(), { runId: id }))!;
    expect(run.scorers.map((s) => s.key)).toEqual(["contains-1"]);
    expect(run.name).toContain("greet v1");
    const targets = await listEvalRunTargets(getDb(), { runId: id });
    expect(targets.map((t) => [t.version, t.environmentSlug, t.modelId])).toEqual([
      [1, null, "fx:echo"],
      [1, "staging", "fx:echo"],
    ]);
    const audit = await getDb().select().from(auditLog).where(eq(auditLog.objectId, id));
    expect(audit.map((a) => a.action)).toEqual(["eval_run.created"]);
  });

  it("refuses a viewer, and answers 404 for another workspace's dataset", async () => {
    const ws = await makeEvalWorkspace({ fixtureUrl: server.url });
    const dataset = await makeDataset({ workspaceId: ws.workspace.id, count: 1, defaultScorers: [containsScorer("x")] });
    await expect(createEvalRun(ws.viewer, { datasetId: dataset.id, promptId: ws.promptId, targets: [{ version: 1 }] })).rejects.toThrow(
      expect.objectContaining({ code: "forbidden:workspace" }),
    );
    const other = await makeWorkspace(["editor"]);
    await expect(createEvalRun(userPrincipal(other.members[0]!.ctx), { datasetId: dataset.id, promptId: ws.promptId, targets: [{ version: 1 }] })).rejects.toThrow(
      expect.objectContaining({ code: "not_found:workspace" }),
    );
  });

  it("refuses bad scorers, an unserved environment, an empty dataset and an unknown model before creating anything", async () => {
    const ws = await makeEvalWorkspace({ fixtureUrl: server.url });
    const dataset = await makeDataset({ workspaceId: ws.workspace.id, count: 2 });
    const base = { datasetId: dataset.id, promptId: ws.promptId, targets: [{ version: 1 }] };
    await expect(createEvalRun(ws.editor, base)).rejects.toThrow(/at least one scorer/);
    await expect(createEvalRun(ws.editor, { ...base, scorers: [{ key: "a", type: "contains", label: "a", params: {} }] })).rejects.toThrow(expect.objectContaining({ status: 400 }));
    await expect(createEvalRun(ws.editor, { ...base, scorers: [containsScorer("x")], targets: [{ label: "production" }] })).rejects.toThrow(/does not serve/);
    await expect(createEvalRun(ws.editor, { ...base, scorers: [containsScorer("x")], modelId: "nowhere:model" })).rejects.toThrow(/Unknown provider/);
    const empty = await makeDataset({ workspaceId: ws.workspace.id, count: 0 });
    await expect(createEvalRun(ws.editor, { ...base, datasetId: empty.id, scorers: [containsScorer("x")] })).rejects.toThrow(/no cases/);
    expect(await listEvalRuns({ workspaceId: ws.workspace.id })).toEqual([]);
  });

  it("refuses, when the run is saved, a regex scorer whose pattern RE2 cannot run, naming the feature", async () => {
    const ws = await makeEvalWorkspace({ fixtureUrl: server.url });
    const dataset = await makeDataset({ workspaceId: ws.workspace.id, count: 1 });
    const base = { datasetId: dataset.id, promptId: ws.promptId, targets: [{ version: 1 }] };
    const regex = (pattern: string) => ({ key: "r", type: "regex", label: "r", params: { pattern } });
    await expect(createEvalRun(ws.editor, { ...base, scorers: [regex("(\\w+) \\1")] })).rejects.toThrow(/0\.params\.pattern: Backreferences .* are not supported/);
    await expect(createEvalRun(ws.editor, { ...base, scorers: [regex("^(?!sorry)")] })).rejects.toThrow(expect.objectContaining({ status: 400, message: expect.stringMatching(/Lookahead/) }));
    const schema = { key: "s", type: "json-schema", label: "s", params: { schema: { properties: { id: { pattern: "(?<=#)\\d+" } } } } };
    await expect(createEvalRun(ws.editor, { ...base, scorers: [schema] })).rejects.toThrow(/properties\.id\.pattern: Lookbehind/);
    expect(await listEvalRuns({ workspaceId: ws.workspace.id })).toEqual([]);
    expect((await createEvalRun(ws.editor, { ...base, scorers: [regex("(a|aa)+$")] })).status).toBe("queued");
  });
});

describe("running", () => {
  it("runs 200 cases through injected 429s and 500s: every case scored or an error, none twice", async () => {
    const ws = await makeEvalWorkspace({ fixtureUrl: server.url });
    // Case 13 has its own assertion that fails; every case must contain "Echo: Say hello".
    // Every 4th request to the model fails, whichever case sends it; concurrent cases interleave, so a case can meet
    // several failures in a row: with 4 retries, a CI run under load once lost a case to five. With the most retries a
    // run allows, a case would have to draw 11 failures in a row.
    const { id } = await createRunOverCases(ws, { cases: 200, modelId: "fx:flaky-4", scorers: [containsScorer("Echo: Say hello")], concurrency: 8, maxRetries: RUN_LIMITS.maxRetries });
    const before = server.requests;
    expect(await executeEvalRun({ runId: id, workerId: "w1", backoff: fastBackoff })).toBe("completed");

    const results = await resultsOf(id);
    expect(results).toHaveLength(200);
    expect(new Set(results.map((r) => r.runCaseId)).size).toBe(200);
    const retried = results.filter((r) => r.attempts > 1);
    expect(retried.length).toBeGreaterThan(20);
    expect(results.filter((r) => r.status !== "passed").map((r) => ({ status: r.status, attempts: r.attempts, errorCode: r.errorCode, output: r.output }))).toEqual([]);
    expect(server.requests - before).toBe(results.reduce((sum, r) => sum + r.attempts, 0));
    const scores = await getDb().select().from(evalScores).where(eq(evalScores.runId, id));
    expect(scores).toHaveLength(200);

    const run = (await findEvalRun(getDb(), { runId: id }))!;
    expect(run.status).toBe("completed");
    expect(run.finishedAt).not.toBeNull();
    const summary = await getEvalRunSummary(getDb(), { runId: id });
    expect(summary).toMatchObject({ done: 200, passed: 200, errors: 0, passRate: 1 });
    expect(summary.scorers).toEqual([expect.objectContaining({ scorerKey: "contains-1", count: 200, passRate: 1, meanScore: 1 })]);
    expect(summary.latencyP50Ms).not.toBeNull();
    expect(summary.latencyP95Ms!).toBeGreaterThanOrEqual(summary.latencyP50Ms!);
    // 200 cases and ~60 retries over real HTTP: about 1 s alone, but the whole suite runs files in parallel on two
    // cores, where it can go past vitest's 5 s default (it failed once there, its message unkept).
  }, 20_000);

  it("records a call that keeps failing as an error with a safe message and its attempts", async () => {
    const ws = await makeEvalWorkspace({ fixtureUrl: server.url });
    const { id } = await createRunOverCases(ws, { cases: 3, modelId: "fx:fail-500", scorers: [containsScorer("x")], maxRetries: 2 });
    await executeEvalRun({ runId: id, workerId: "w1", backoff: fastBackoff });
    const results = await resultsOf(id);
    expect(results).toHaveLength(3);
    expect(results.every((r) => r.status === "error" && r.attempts === 3 && r.errorCode === "upstream:model")).toBe(true);
    expect(results[0]!.errorMessage).toMatch(/server error \(HTTP 500\)/);
    expect(await getEvalRunProgress(getDb(), { runId: id, totalCases: 3 })).toMatchObject({ done: 3, errors: 3 });
  });

  it("times out a call that never answers, and retries it as a transient failure", async () => {
    const ws = await makeEvalWorkspace({ fixtureUrl: server.url });
    const { id } = await createRunOverCases(ws, { cases: 1, modelId: "fx:hang", scorers: [containsScorer("x")], caseTimeoutMs: 1_000, maxRetries: 1 });
    await executeEvalRun({ runId: id, workerId: "w1", backoff: fastBackoff });
    const [result] = await resultsOf(id);
    expect(result).toMatchObject({ status: "error", attempts: 2, errorCode: "timeout:model" });
    expect(result!.errorMessage).toMatch(/did not answer within 1 s/);
  });

  it("does not retry a rejected key, and never stores the key's text", async () => {
    const ws = await makeEvalWorkspace({ fixtureUrl: server.url });
    const { id } = await createRunOverCases(ws, { cases: 1, modelId: "fx:fail-401", scorers: [containsScorer("x")] });
    await executeEvalRun({ runId: id, workerId: "w1", backoff: fastBackoff });
    const [result] = await resultsOf(id);
    expect(result).toMatchObject({ status: "error", attempts: 1, errorCode: "unauthorized:provider" });
    expect(result!.errorMessage).not.toContain("sk-fixt");
  });

  it("scores with the run's scorers and the case's assertions, with verdicts, tokens, cost and the rendered prompt", async () => {
    const ws = await makeEvalWorkspace({ fixtureUrl: server.url });
    await saveProvider(ws.adminCtx, { slug: "openai", kind: "openai", label: "OpenAI", baseUrl: server.url, apiKey: "sk-fixture-secret-key-123456" });
    const dataset = await makeDataset({
      workspaceId: ws.workspace.id,
      count: 2,
      caseAt: (i) => ({ variables: { name: `Case ${i}` }, assertions: [containsScorer(i === 1 ? "Case 1" : "Case 99", "contains-1")] }),
    });
    const { id } = await createEvalRun(ws.editor, { datasetId: dataset.id, promptId: ws.promptId, targets: [{ version: 1 }], modelId: "openai:gpt-4o", scorers: [containsScorer("Echo")] });
    await executeEvalRun({ runId: id, workerId: "w1" });
    const page = await listEvalRunResults(getDb(), { runId: id, filter: "failures" });
    expect(page.total).toBe(1);
    expect(page.rows[0]!.variables).toEqual({ name: "Case 2" });
    const detail = (await findEvalRunResult(getDb(), { runId: id, resultId: page.rows[0]!.id }))!;
    expect(detail.result).toMatchObject({ status: "failed", renderedInput: "Say hello to Case 2.", output: "Echo: Say hello to Case 2.", attempts: 1, score: 0.5 });
    expect(detail.result.inputTokens).toBeGreaterThan(0);
    expect(detail.result.costUsd).toBeGreaterThan(0);
    expect(detail.scores.map((s) => [s.scorerKey, s.passed, s.reason])).toEqual([
      ["contains-1", true, 'Output contains "Echo".'],
      ["contains-1-case", false, 'Output does not contain "Case 99".'],
    ]);
    const summary = await getEvalRunSummary(getDb(), { runId: id });
    expect(summary).toMatchObject({ done: 2, passed: 1, failed: 1, passRate: 0.5 });
    expect(summary.costUsd).toBeGreaterThan(0);
    expect((await listEvalRuns({ workspaceId: ws.workspace.id }))[0]).toMatchObject({ id, status: "completed", done: 2, passed: 1, passRate: 0.5, datasetName: dataset.name });
  });

  it("renders chat prompts and evaluates several targets with the version's own model", async () => {
    const ws = await makeEvalWorkspace({ fixtureUrl: server.url });
    await saveVersion(ws.editor, { promptId: ws.promptId, body: { type: "text", template: "Greet {{name}} warmly." }, modelConfig: { model: "fx:echo" }, commitMessage: "v2", expectedParentVersion: 1 });
    const { id } = await createRunOverCases(ws, { cases: 4, targets: [{ version: 1 }, { label: "latest" }], scorers: [containsScorer("warmly")] });
    await executeEvalRun({ runId: id, workerId: "w1" });
    const summary = await getEvalRunSummary(getDb(), { runId: id });
    expect(summary.targets.map((t) => t.passRate)).toEqual([0, 1]);
  });

  it("marks a run whose variables are missing as errors per case, naming the variable", async () => {
    const ws = await makeEvalWorkspace({ fixtureUrl: server.url });
    // A dataset with no "name" column at all is refused at the start (run-variables.test.ts); here one case lacks it.
    const dataset = await makeDataset({ workspaceId: ws.workspace.id, count: 2, caseAt: (i): { variables: Record<string, string> } => ({ variables: i === 1 ? { other: "x" } : { name: "Ada" } }) });
    const { id } = await createEvalRun(ws.editor, { datasetId: dataset.id, promptId: ws.promptId, targets: [{ version: 1 }], scorers: [containsScorer("x")] });
    await executeEvalRun({ runId: id, workerId: "w1" });
    const result = (await resultsOf(id)).find((r) => r.status === "error");
    expect(result).toMatchObject({ status: "error", attempts: 0 });
    expect(result!.errorMessage).toMatch(/name/);
    expect(await resultsOf(id)).toHaveLength(2);
  });
});

describe("cancel and resume", () => {
  it("cancel aborts in-flight calls and keeps finished results; resume runs only what is left", async () => {
    const ws = await makeEvalWorkspace({ fixtureUrl: slowServer.url });
    const { id } = await createRunOverCases(ws, { cases: 30, scorers: [containsScorer("Echo")], concurrency: 2 });
    const abortedBefore = slowServer.aborted;
    const execution = executeEvalRun({ runId: id, workerId: "w1" });
    while ((await resultsOf(id)).length < 4) await new Promise((r) => setTimeout(r, 20));
    await cancelEvalRun(ws.editor, { runId: id });
    expect(await execution).toBe("stopped");
    const kept = await resultsOf(id);
    expect(kept.length).toBeGreaterThanOrEqual(4);
    expect(kept.length).toBeLessThan(30);
    expect((await findEvalRun(getDb(), { runId: id }))!.status).toBe("cancelled");
    // The in-flight calls were aborted at the provider, not left to finish.
    await new Promise((r) => setTimeout(r, 50));
    expect(slowServer.aborted).toBeGreaterThan(abortedBefore);
    await expect(cancelEvalRun(ws.editor, { runId: id })).rejects.toThrow(expect.objectContaining({ code: "conflict:eval" }));

    await resumeEvalRun(ws.editor, { runId: id });
    expect(await executeEvalRun({ runId: id, workerId: "w2" })).toBe("completed");
    const all = await resultsOf(id);
    expect(all).toHaveLength(30);
    const keptIds = new Set(kept.map((r) => r.id));
    expect(all.filter((r) => keptIds.has(r.id))).toHaveLength(kept.length);
    const actions = (await getDb().select().from(auditLog).where(eq(auditLog.objectId, id)).orderBy(auditLog.createdAt)).map((a) => a.action);
    expect(actions).toEqual(["eval_run.created", "eval_run.cancelled", "eval_run.resumed"]);
  });

  it("two workers share a run: each case is sent once and stored once, and the run completes once", async () => {
    // Several processes execute one run by leasing its cases (issue 16); two workers in one process go through the
    // same leases. The slow fixture keeps both busy at once, so the split is real.
    const ws = await makeEvalWorkspace({ fixtureUrl: slowServer.url });
    const dataset = await makeDataset({ workspaceId: ws.workspace.id, count: 24, caseAt: (i) => ({ variables: { name: `Shared ${i}` } }) });
    const { id } = await createEvalRun(ws.editor, { datasetId: dataset.id, promptId: ws.promptId, targets: [{ version: 1 }], scorers: [containsScorer("Echo")], concurrency: 2 });
    const [a, b] = await Promise.all([executeEvalRun({ runId: id, workerId: "a" }), executeEvalRun({ runId: id, workerId: "b" })]);
    // Both took part (the second joined the running run and leased cases) and both saw it complete.
    expect([a, b]).toEqual(["completed", "completed"]);
    const results = await resultsOf(id);
    expect(results).toHaveLength(24);
    expect(new Set(results.map((r) => r.runCaseId)).size).toBe(24);
    for (let i = 1; i <= 24; i++) expect(slowServer.byPrompt.get(`Say hello to Shared ${i}.`), `case ${i}`).toBe(1);
    expect((await findEvalRun(getDb(), { runId: id }))!.status).toBe("completed");
    const actions = (await getDb().select().from(auditLog).where(eq(auditLog.objectId, id))).map((a) => a.action);
    expect(actions).toEqual(["eval_run.created"]);
  });

  it("a viewer cannot cancel, and another workspace gets 404", async () => {
    const ws = await makeEvalWorkspace({ fixtureUrl: server.url });
    const { id } = await createRunOverCases(ws, { cases: 1, scorers: [containsScorer("Echo")] });
    await expect(cancelEvalRun(ws.viewer, { runId: id })).rejects.toThrow(expect.objectContaining({ code: "forbidden:workspace" }));
    const other = await makeWorkspace(["admin"]);
    await expect(cancelEvalRun(userPrincipal(other.members[0]!.ctx), { runId: id })).rejects.toThrow(expect.objectContaining({ code: "not_found:workspace" }));
  });
});
