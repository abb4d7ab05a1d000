import { afterAll, beforeAll } from "vitest";
import { startEvalWorker, stopEvalWorker } from "@/lib/evals/runs/worker";
import { setUpDeliveryApiFor, type DeliveryApi } from "./delivery-api";
import { makeEvalWorkspace } from "./eval-runs";
import { setUpFixtureLlmServer } from "./fixture-llm";

/**
 * The eval endpoints of the delivery API for a test file, as CI reaches them: an eval workspace (see
 * makeEvalWorkspace) on a fixture LLM server, its read and read-write keys, and the eval worker running in this
 * process, from before the file's tests until after them. The file adds its datasets.
 */
export function setUpEvalApi(): DeliveryApi<Awaited<ReturnType<typeof makeEvalWorkspace>>> {
  const llm = setUpFixtureLlmServer();
  const api = setUpDeliveryApiFor(async () => {
    const ws = await makeEvalWorkspace({ fixtureUrl: llm.url });
    return { ws, admin: ws.adminCtx };
  });
  beforeAll(() => {
    startEvalWorker({ pollMs: 50, heartbeatMs: 200 });
  });
  afterAll(async () => {
    await stopEvalWorker();
  });
  return api;
}
