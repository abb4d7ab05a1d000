// Several studio processes on one Postgres (issue 16): three real server processes (booted like the studio, each
// with its eval worker and its delivery API) share one eval run of 600 cases against the fixture model; one is
// SIGKILLed halfway. The run completes with no case missing and none stored twice, and no case the dead process had
// not finished is lost. Then a promotion is approved here, and the delivery API of both surviving processes serves
// the new version within a second (LISTEN/NOTIFY on the delivery epoch).
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { approvePromotion, requestPromotion } from "@/lib/releases/manage-promotions";
import { userPrincipal } from "@/lib/platform/auth/principal";
import { findEnvironmentBySlug } from "@/lib/serving/queries";
import { addApiKey, addTextPrompt, deploy, makeDeliveryWorkspace } from "@/lib/testing/delivery";
import { containsScorer, makeDataset, makeEvalWorkspace, resultsOf, waitFor } from "@/lib/testing/eval-runs";
import { setUpFixtureLlmServer } from "@/lib/testing/fixture-llm";
import { startTestProcess, type TestProcess } from "@/lib/testing/test-process";
import { createEvalRun } from "./manage-runs";
import { findEvalRun } from "./queries";

const llm = setUpFixtureLlmServer({ latencyMs: 50 });
const CASES = 600;
const CONCURRENCY = 4;

function startStudioProcess(): TestProcess {
  return startTestProcess("lib/testing/boot-process.ts", [], { SERVE_DELIVERY: "1", LOG_LEVEL: "info", SHUTDOWN_GRACE_MS: "2000" });
}

const deliveryUrlOf = (process: TestProcess) => /delivery (\S+)/.exec(process.stdout())?.[1];

/** The eval-run events a process logged (pino JSON lines on its stdout). */
function runEventsOf(process: TestProcess, runId: string): string[] {
  return process
    .stdout()
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as { event?: string; runId?: string })
    .filter((entry) => entry.runId === runId && entry.event?.startsWith("eval_run."))
    .map((entry) => entry.event!);
}

describe("three studio processes on one Postgres", () => {
  it("share a 600-case run through a SIGKILL with no case missing or doubled, and all serve an approval within 1 s", async () => {
    const ws = await makeEvalWorkspace({ fixtureUrl: llm.url });
    const dataset = await makeDataset({ workspaceId: ws.workspace.id, count: CASES, caseAt: (i) => ({ variables: { name: `Multi ${i}` } }) });
    const delivery = await makeDeliveryWorkspace();
    const prompt = await addTextPrompt(delivery, "shared/greeting", ["Hello v1 {{name}}", "Hello v2 {{name}}"]);
    await deploy(delivery, { promptId: prompt.id, environment: "production", version: 1 });
    const { secret } = await addApiKey(delivery, "read");

    const processes = [startStudioProcess(), startStudioProcess(), startStudioProcess()];
    try {
      await waitFor(() => processes.every((p) => p.stdout().includes("booted")), 60_000);
      const { id } = await createEvalRun(ws.editor, {
        datasetId: dataset.id,
        promptId: ws.promptId,
        targets: [{ version: 1 }],
        scorers: [containsScorer("Echo")],
        concurrency: CONCURRENCY,
      });

      // Every process takes part before one dies (the first claims the run, the others join at their next poll).
      await waitFor(() => processes.every((p) => runEventsOf(p, id).some((e) => e === "eval_run.started" || e === "eval_run.joined")), 30_000);
      await waitFor(async () => (await resultsOf(id)).length >= CASES / 2, 60_000);
      const [killed, ...survivors] = processes as [TestProcess, TestProcess, TestProcess];
      killed.child.kill("SIGKILL");
      await killed.exited;
      expect((await resultsOf(id)).length).toBeLessThan(CASES);

      // The survivors finish it, taking over the dead process's cases once their leases lapse.
      await waitFor(async () => (await findEvalRun(getDb(), { runId: id }))?.status === "completed", 90_000);
      const results = await resultsOf(id);
      expect(results).toHaveLength(CASES);
      expect(new Set(results.map((r) => r.runCaseId)).size).toBe(CASES);
      const sent = Array.from({ length: CASES }, (_, i) => llm.byPrompt.get(`Say hello to Multi ${i + 1}.`) ?? 0);
      expect(sent.filter((n) => n === 0)).toHaveLength(0);
      // Only the calls in flight in the killed process (at most its concurrency) can have been sent twice.
      expect(sent.reduce((sum, n) => sum + n, 0)).toBeLessThanOrEqual(CASES + CONCURRENCY);

      // Every surviving process serves v1 from its cache; an approval here reaches all of them within a second.
      const urls = survivors.map((p) => deliveryUrlOf(p)!);
      const served = async (url: string) => {
        const response = await fetch(`${url}/api/v1/prompts/shared%2Fgreeting`, { headers: { authorization: `Bearer ${secret}` } });
        return ((await response.json()) as { version: number }).version;
      };
      for (const url of urls) expect(await served(url)).toBe(1);
      for (const url of urls) expect(await served(url)).toBe(1);
      const production = (await findEnvironmentBySlug(getDb(), { workspaceId: delivery.workspaceId, slug: "production" }))!;
      const { requestId } = await requestPromotion(userPrincipal(delivery.editor), {
        promptId: prompt.id,
        environmentId: production.id,
        version: 2,
        comment: "",
      });
      await approvePromotion(userPrincipal(delivery.lead), { requestId, reason: "" });
      const approvedAt = performance.now();
      const seenAfter = await Promise.all(
        urls.map(async (url) => {
          while ((await served(url)) !== 2) {
            if (performance.now() - approvedAt > 5_000) break;
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
          return performance.now() - approvedAt;
        }),
      );
      for (const ms of seenAfter) expect(ms).toBeLessThan(1_000);
    } finally {
      for (const p of processes) p.child.kill("SIGKILL");
      await Promise.all(processes.map((p) => p.exited));
    }
  }, 180_000);
});
