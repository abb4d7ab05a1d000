// The streaming response as a browser reads it: NDJSON events, and cancellation from either side of the wire.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { setUpFixtureLlmServer } from "@/lib/testing/fixture-llm";
import { getDb } from "@/db";
import { first } from "@/db/first";
import { playgroundRuns } from "@/db/schema";
import { makePlaygroundWorkspace } from "@/lib/testing/playground";
import { stopPlaygroundRun } from "./in-flight-runs";
import { prepareRun } from "./prepare-run";
import { readRunEvents, type RunEvent } from "./run-events";
import { streamRunResponse } from "./run-stream";

const server = setUpFixtureLlmServer();

async function readAll(response: Response): Promise<RunEvent[]> {
  const events: RunEvent[] = [];
  await readRunEvents(response.body!, (batch) => events.push(...batch));
  return events;
}

const runStatus = async (runId: string) => (await first(getDb().select().from(playgroundRuns).where(eq(playgroundRuns.id, runId))))?.status;

describe("the playground's streaming response", () => {
  it("streams start, the deltas and done as NDJSON, uncompressed", async () => {
    const { editor, input } = await makePlaygroundWorkspace({ fixtureUrl: server.url });
    const response = streamRunResponse({ prepared: await prepareRun(editor, input()), requestSignal: new AbortController().signal });
    expect(response.headers.get("content-type")).toBe("application/x-ndjson; charset=utf-8");
    expect(response.headers.get("cache-control")).toContain("no-transform");
    const events = await readAll(response);
    expect(events[0]).toMatchObject({ type: "start", messages: [{ role: "user", content: "Say hello to Ada." }] });
    const deltas = events.filter((e) => e.type === "delta").map((e) => (e.type === "delta" ? e.text : ""));
    expect(deltas.join("")).toBe("Echo: Say hello to Ada.");
    const done = events.at(-1)!;
    expect(done).toMatchObject({ type: "done", stats: { finishReason: "stop", usageEstimated: false } });
    expect(await runStatus((events[0] as { runId: string }).runId)).toBe("succeeded");
  });

  it("ends with an error event carrying the safe message when the provider fails", async () => {
    const { editor, input } = await makePlaygroundWorkspace({ fixtureUrl: server.url });
    const events = await readAll(streamRunResponse({ prepared: await prepareRun(editor, input({ modelId: "fx:fail-500" })), requestSignal: new AbortController().signal }));
    expect(events.map((e) => e.type)).toEqual(["start", "error"]);
    expect(events[1]).toMatchObject({ status: "failed", error: { code: "upstream:model", message: "Fixture had a server error (HTTP 500). Try again in a moment.", retryAfterSeconds: null } });
    expect(JSON.stringify(events)).not.toMatch(/\n\s+at |stack/);
  });

  it("cancels the provider call when the request is aborted (the browser pressed Stop)", async () => {
    const { editor, input } = await makePlaygroundWorkspace({ fixtureUrl: server.url });
    const request = new AbortController();
    const abortedBefore = server.aborted;
    const response = streamRunResponse({ prepared: await prepareRun(editor, input({ modelId: "fx:slow-40", variables: { name: "a b c d e f g h i j k l" } })), requestSignal: request.signal });
    let runId = "";
    const events: RunEvent[] = [];
    await readRunEvents(response.body!, (batch) => {
      events.push(...batch);
      for (const event of batch) if (event.type === "start") runId = event.runId;
      if (batch.some((e) => e.type === "delta")) request.abort();
    });
    await expect.poll(() => runStatus(runId)).toBe("cancelled");
    await expect.poll(() => server.aborted).toBe(abortedBefore + 1);
  });

  it("Stop through the server ends the stream with a cancelled event, stored before the stop is answered", async () => {
    const { editor, input } = await makePlaygroundWorkspace({ fixtureUrl: server.url });
    const abortedBefore = server.aborted;
    const response = streamRunResponse({ prepared: await prepareRun(editor, input({ modelId: "fx:slow-40", variables: { name: "a b c d e f g h i j k l" } })), requestSignal: new AbortController().signal });
    const caller = { workspaceId: editor.workspaceId, userId: editor.user.id };
    let stopped: Promise<{ stopped: boolean; statusWhenAnswered: string | undefined }> | null = null;
    const events: RunEvent[] = [];
    let runId = "";
    await readRunEvents(response.body!, (batch) => {
      events.push(...batch);
      for (const event of batch) if (event.type === "start") runId = event.runId;
      if (!stopped && batch.some((e) => e.type === "delta")) {
        stopped = stopPlaygroundRun(caller, runId).then(async (ok) => ({ stopped: ok, statusWhenAnswered: await runStatus(runId) }));
      }
    });
    expect(events.at(-1)).toMatchObject({ type: "error", status: "cancelled" });
    expect(await stopped!).toEqual({ stopped: true, statusWhenAnswered: "cancelled" });
    await expect.poll(() => server.aborted).toBe(abortedBefore + 1);
    await expect(stopPlaygroundRun(caller, runId)).resolves.toBe(false);
  });

  it("cancels the provider call when the body stream is cancelled (the connection closed)", async () => {
    const { editor, input } = await makePlaygroundWorkspace({ fixtureUrl: server.url });
    const abortedBefore = server.aborted;
    const requestsBefore = server.requests;
    const response = streamRunResponse({ prepared: await prepareRun(editor, input({ modelId: "fx:hang" })), requestSignal: new AbortController().signal });
    const reader = response.body!.getReader();
    const first = JSON.parse(new TextDecoder().decode((await reader.read()).value).trim()) as { type: string; runId: string };
    expect(first.type).toBe("start");
    await expect.poll(() => server.requests).toBe(requestsBefore + 1); // the provider request is in flight
    await reader.cancel();
    await expect.poll(() => runStatus(first.runId)).toBe("cancelled");
    await expect.poll(() => server.aborted).toBe(abortedBefore + 1);
  });
});
