// The graceful shutdown, in this process with a real node:http server and a real playground stream to the fixture
// LLM server; the process-level journey (SIGTERM to a booted worker process, then a restart) is in
// shutdown-process.test.ts and, against the production server, in e2e/operations.spec.ts.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { setUpFixtureLlmServer } from "@/lib/testing/fixture-llm";
import { getDb } from "@/db";
import { first } from "@/db/first";
import { playgroundRuns } from "@/db/schema";
import { prepareRun } from "@/lib/playground/prepare-run";
import { readRunEvents, type RunEvent } from "@/lib/playground/run-events";
import { streamRunResponse } from "@/lib/playground/run-stream";
import { makePlaygroundWorkspace } from "@/lib/testing/playground";
import { isShutdownReason, onShutdown, shutDown, trackInFlight } from "./shutdown";

const llm = setUpFixtureLlmServer();

async function listen(handler: http.RequestListener): Promise<{ server: http.Server; url: string }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe("the graceful shutdown", () => {
  it("lets a request in flight finish within the grace period, stops the workers at once, then stops listening", async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const { server, url } = await listen((_request, response) => {
      void released.then(() => response.end("finished"));
    });
    const answer = fetch(`${url}/slow`).then((r) => r.text());
    await new Promise((resolve) => server.once("request", resolve));

    let workerStopped = false;
    onShutdown("test-worker", () => {
      workerStopped = true;
    });
    const done = shutDown({ server, graceMs: 30_000 });
    // The worker is stopped while the request is still running: it does not wait for the grace period.
    await expect.poll(() => workerStopped).toBe(true);
    release();
    expect(await answer).toBe("finished");
    await done;
    await expect(fetch(`${url}/again`)).rejects.toThrow();
  });

  it("cancels work still running when the grace period is over, and waits for it to store what it has", async () => {
    const stored: string[] = [];
    const reasons: unknown[] = [];
    const end = trackInFlight({
      name: "test work",
      cancel: (reason) => {
        reasons.push(reason);
        setTimeout(() => {
          stored.push("partial");
          end();
        }, 50);
      },
    });
    await shutDown({ graceMs: 100 });
    expect(reasons).toHaveLength(1);
    expect(isShutdownReason(reasons[0])).toBe(true);
    expect(stored).toEqual(["partial"]);
  });

  it("stores a playground stream cut at the end of the grace period as stopped, with what it had generated", async () => {
    const { editor, input } = await makePlaygroundWorkspace({ fixtureUrl: llm.url });
    const words = Array.from({ length: 60 }, (_, i) => `w${i}`).join(" ");
    // slow-40 streams a chunk every 40 ms: about 2.5 s in all, far past the grace period below.
    const response = streamRunResponse({ prepared: await prepareRun(editor, input({ modelId: "fx:slow-40", variables: { name: words } })), requestSignal: new AbortController().signal });
    const events: RunEvent[] = [];
    let sawDelta!: () => void;
    const firstDelta = new Promise<void>((resolve) => (sawDelta = resolve));
    const read = readRunEvents(response.body!, (batch) => {
      events.push(...batch);
      if (batch.some((e) => e.type === "delta")) sawDelta();
    });
    await firstDelta;

    await shutDown({ graceMs: 300 });
    await read;
    const runId = (events[0] as { runId: string }).runId;
    const streamed = events.map((e) => (e.type === "delta" ? e.text : "")).join("");
    expect(events.at(-1)).toMatchObject({ type: "error", status: "cancelled", error: { code: "unavailable:model" } });

    const row = (await first(getDb().select().from(playgroundRuns).where(eq(playgroundRuns.id, runId))))!;
    expect(row.status).toBe("cancelled");
    expect(row.errorMessage).toMatch(/shut down/);
    expect(row.output.length).toBeGreaterThan(0);
    expect(row.output).toBe(streamed);
    expect(`Echo: Say hello to ${words}.`.startsWith(row.output)).toBe(true);
    expect(row.output.length).toBeLessThan(`Echo: Say hello to ${words}.`.length);
  });
});
