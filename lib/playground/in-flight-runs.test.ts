import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/core/errors";
import { playgroundRunsInFlight, stopPlaygroundRun, trackPlaygroundRun } from "./in-flight-runs";

const owner = { workspaceId: "w1", userId: "u1" };

function track(runId: string, who = owner) {
  const reasons: Error[] = [];
  const untrack = trackPlaygroundRun(runId, { ...who, cancel: (reason) => reasons.push(reason) });
  return { reasons, untrack };
}

describe("stopping a playground run", () => {
  it("cancels its owner's run and answers only once the run has settled (stored, stream closed)", async () => {
    const run = track("r1");
    let answered = false;
    const stopping = stopPlaygroundRun(owner, "r1").then((stopped) => {
      answered = true;
      return stopped;
    });
    await Promise.resolve();
    expect(run.reasons).toHaveLength(1);
    expect(run.reasons[0]!.name).toBe("AbortError");
    expect(answered).toBe(false);
    run.untrack();
    await expect(stopping).resolves.toBe(true);
    expect(playgroundRunsInFlight()).toBe(0);
  });

  it("answers false for a run that has ended or never existed", async () => {
    track("r2").untrack();
    await expect(stopPlaygroundRun(owner, "r2")).resolves.toBe(false);
    await expect(stopPlaygroundRun(owner, "nope")).resolves.toBe(false);
  });

  it("refuses another member's run and another workspace's as not found, and leaves it running", async () => {
    const run = track("r3");
    for (const caller of [{ workspaceId: "w1", userId: "u2" }, { workspaceId: "w2", userId: "u1" }]) {
      const refused = await stopPlaygroundRun(caller, "r3").catch((error: unknown) => error);
      expect(isAppError(refused) && refused.status).toBe(404);
    }
    expect(run.reasons).toHaveLength(0);
    run.untrack();
  });
});
