// The eval endpoints of /api/v1 over real HTTP, every response checked against the OpenAPI document, with the
// worker running the run in this process against the fixture LLM server.
import { beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/platform/api-keys/manage-api-keys";
import { setUpEvalApi } from "@/lib/testing/eval-api";
import { containsScorer, makeDataset } from "@/lib/testing/eval-runs";
import { makeWorkspace } from "@/lib/testing/factories";

const api = setUpEvalApi();

beforeAll(async () => {
  const workspaceId = api.ws.workspace.id;
  await makeDataset({ workspaceId, name: "smoke", count: 6, defaultScorers: [containsScorer("Case 1")] });
  // No default scorers; case 1 carries an assertion, case 2 none.
  await makeDataset({ workspaceId, name: "partial", count: 2, caseAt: (i) => ({ variables: { name: `Case ${i}` }, assertions: i === 1 ? [{ ...containsScorer("Case 1", "assert-1"), negate: true }] : [] }) });
});

async function waitForFinish(id: string, key: string) {
  for (;;) {
    const response = await api.request("GET", `/api/v1/evals/runs/${id}`, { key });
    const body = response.body as { status: string };
    if (["completed", "failed", "cancelled"].includes(body.status)) return response;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("POST /api/v1/evals/runs", () => {
  it("starts a run with a read-write key; a read key follows it to a summary and pages through the results", async () => {
    const started = await api.request("POST", "/api/v1/evals/runs", { key: api.writeKey, body: { prompt: "greet", version: 1, dataset: "smoke", concurrency: 3, source: "cli" } });
    expect(started.status).toBe(201);
    const run = started.body as { id: string; status: string; progress: { total: number } };
    expect(run.status).toBe("queued");
    expect(run.progress.total).toBe(6);

    const finished = await waitForFinish(run.id, api.readKey);
    expect(finished.body).toMatchObject({
      status: "completed",
      prompt: "greet",
      progress: { done: 6, total: 6, errors: 0 },
      // "Case 1" matches cases 1 only ("Case 1" is not in "Case 2".."Case 6").
      summary: { passed: 1, failed: 5, scorers: [{ key: "contains-1", passRate: 1 / 6 }] },
    });

    const failures = await api.request("GET", `/api/v1/evals/runs/${run.id}/results?filter=failures&pageSize=2&page=2`, { key: api.readKey });
    expect(failures.status).toBe(200);
    expect(failures.body).toMatchObject({ page: 2, pageSize: 2, total: 5 });
    const items = (failures.body as { items: { case: number; status: string; scores: { reason: string }[] }[] }).items;
    expect(items.map((i) => i.case)).toEqual([4, 5]);
    expect(items[0]!.scores[0]!.reason).toBe('Output does not contain "Case 1".');
  });

  it("answers 403 to a read key, 401 without a key, 404 for unknown names, 400 for bad input", async () => {
    expect((await api.request("POST", "/api/v1/evals/runs", { key: api.readKey, body: { prompt: "greet", dataset: "smoke" } })).status).toBe(403);
    expect((await api.request("POST", "/api/v1/evals/runs", { body: { prompt: "greet", dataset: "smoke" } })).status).toBe(401);
    const noPrompt = await api.request("POST", "/api/v1/evals/runs", { key: api.writeKey, body: { prompt: "nope", dataset: "smoke" } });
    expect(noPrompt.body).toMatchObject({ error: { code: "not_found:prompt" } });
    const noDataset = await api.request("POST", "/api/v1/evals/runs", { key: api.writeKey, body: { prompt: "greet", dataset: "nope", version: 1 } });
    expect(noDataset.body).toMatchObject({ error: { code: "not_found:dataset" } });
    const both = await api.request("POST", "/api/v1/evals/runs", { key: api.writeKey, body: { prompt: "greet", dataset: "smoke", version: 1, label: "latest" } });
    expect(both.status).toBe(400);
    const unserved = await api.request("POST", "/api/v1/evals/runs", { key: api.writeKey, body: { prompt: "greet", dataset: "smoke" } });
    expect(unserved.body).toMatchObject({ error: { code: "bad_request:eval", message: expect.stringContaining("Production does not serve") } });
    const extra = await api.request("POST", "/api/v1/evals/runs", { key: api.writeKey, body: { prompt: "greet", dataset: "smoke", version: 1, nonsense: 1 }, breaksContract: true });
    expect(extra.status).toBe(400);
  });
});

describe("unscored cases over the API", () => {
  it("starts a run on per-case assertions alone and reports the case without any as unscored, apart from the pass rate", async () => {
    const started = await api.request("POST", "/api/v1/evals/runs", { key: api.writeKey, body: { prompt: "greet", version: 1, dataset: "partial" } });
    expect(started.status).toBe(201);
    const { id } = started.body as { id: string };
    const finished = await waitForFinish(id, api.readKey);
    // Case 1's assertion is negated: "Case 1" is in its reply, so it fails; case 2 has nothing to check.
    expect(finished.body).toMatchObject({ status: "completed", summary: { passRate: 0, passed: 0, failed: 1, errors: 0, unscored: 1, targets: [{ unscored: 1, passRate: 0 }] } });
    const unscored = await api.request("GET", `/api/v1/evals/runs/${id}/results?filter=unscored`, { key: api.readKey });
    expect(unscored.body).toMatchObject({ total: 1, items: [{ case: 2, status: "unscored", score: null, scores: [] }] });
  });
});

describe("GET /api/v1/evals/runs/{id}", () => {
  it("answers 404 for another workspace's run and for unknown ids, and 400 to unknown query parameters", async () => {
    const started = await api.request("POST", "/api/v1/evals/runs", { key: api.writeKey, body: { prompt: "greet", label: "latest", dataset: "smoke" } });
    const { id } = started.body as { id: string };
    await waitForFinish(id, api.readKey);
    const other = await makeWorkspace(["admin"]);
    const otherKey = (await createApiKey(other.members[0]!.ctx, { name: "other", scope: "read" })).secret;
    expect((await api.request("GET", `/api/v1/evals/runs/${id}`, { key: otherKey })).status).toBe(404);
    expect((await api.request("GET", `/api/v1/evals/runs/${id}/results`, { key: otherKey })).status).toBe(404);
    expect((await api.request("GET", "/api/v1/evals/runs/unknown-id", { key: api.readKey })).status).toBe(404);
    expect((await api.request("GET", `/api/v1/evals/runs/${id}/results?sort=name`, { key: api.readKey, breaksContract: true })).status).toBe(400);
  });
});
