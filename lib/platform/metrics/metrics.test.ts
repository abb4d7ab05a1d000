// Prometheus metrics: the token rules, the text format, and counters that move with real requests and real model
// calls over HTTP to the fixture server.
import { describe, expect, it } from "vitest";
import { setUpFixtureLlmServer } from "@/lib/testing/fixture-llm";
import { isAppError } from "@/lib/core/errors";
import { json, route } from "@/lib/platform/http/route";
import { streamCompletion } from "@/lib/platform/models/stream-completion";
import { getWorkspaceModel } from "@/lib/platform/providers/workspace-model";
import { makeEvalWorkspace } from "@/lib/testing/eval-runs";
import { routePattern } from "./registry";
import { scrapeMetrics } from "./scrape";

const TOKEN = "test-metrics-token-0123456789";

const server = setUpFixtureLlmServer();

async function refusal(authorization: string | null, token: string | undefined) {
  try {
    await scrapeMetrics(authorization, token);
  } catch (error) {
    return isAppError(error) ? error.status : "unexpected";
  }
  return 200;
}

/** The value of one sample line, e.g. value(text, 'promptops_model_calls_total{provider="fx",outcome="ok"}'). */
function value(text: string, sample: string): number {
  const line = text.split("\n").find((l) => l.startsWith(`${sample} `));
  return line ? Number(line.slice(sample.length + 1)) : 0;
}

describe("GET /api/metrics", () => {
  it("is off without a token, and needs the right bearer token", async () => {
    expect(await refusal(`Bearer ${TOKEN}`, undefined)).toBe(404);
    expect(await refusal(null, TOKEN)).toBe(401);
    expect(await refusal("Bearer wrong-token", TOKEN)).toBe(401);
    expect(await refusal(`Basic ${TOKEN}`, TOKEN)).toBe(401);
    expect(await refusal(`Bearer ${TOKEN}`, TOKEN)).toBe(200);
  });

  it("answers Prometheus text whose HTTP and model counters move with requests and calls", async () => {
    const scrape = async () => (await scrapeMetrics(`Bearer ${TOKEN}`, TOKEN)).body;
    const before = await scrape();
    const handler = route(async () => json({ ok: true }));
    await handler(new Request("http://studio.test/api/evals/runs/0b5c5f0e-3a58-4a43-9c1c-6b1c8f0e2a11"), {});

    const ws = await makeEvalWorkspace({ fixtureUrl: server.url });
    await streamCompletion({ ...(await getWorkspaceModel({ workspaceId: ws.workspace.id, modelId: "fx:echo" })), messages: [{ role: "user", content: "hi" }], stream: false });
    await streamCompletion({ ...(await getWorkspaceModel({ workspaceId: ws.workspace.id, modelId: "fx:fail-500" })), messages: [{ role: "user", content: "hi" }] }).catch(() => null);

    const after = await scrape();
    expect(after).toContain("# TYPE promptops_http_requests_total counter");
    expect(after).toContain("# TYPE promptops_eval_case_results gauge");
    for (const line of after.split("\n").filter((l) => l && !l.startsWith("#"))) expect(line).toMatch(/^[a-zA-Z_:][\w:]*(\{.*\})? (-?[\d.e+-]+|NaN|[+-]Inf)$/);
    const http = 'promptops_http_requests_total{route="/api/evals/runs/{id}",method="GET",status="2xx"}';
    expect(value(after, http) - value(before, http)).toBe(1);
    expect(value(after, 'promptops_model_calls_total{provider="fx",outcome="ok"}') - value(before, 'promptops_model_calls_total{provider="fx",outcome="ok"}')).toBe(1);
    expect(value(after, 'promptops_model_calls_total{provider="fx",outcome="error"}') - value(before, 'promptops_model_calls_total{provider="fx",outcome="error"}')).toBe(1);
    expect(value(after, 'promptops_model_tokens_total{provider="fx",direction="output"}')).toBeGreaterThan(0);
  });

  it("keeps label cardinality bounded", () => {
    expect(routePattern("/api/v1/prompts/support/triage/render")).toBe("/api/v1/prompts/{name}");
    expect(routePattern("/api/datasets/0b5c5f0e-3a58-4a43-9c1c-6b1c8f0e2a11/export")).toBe("/api/datasets/{id}/export");
  });
});
