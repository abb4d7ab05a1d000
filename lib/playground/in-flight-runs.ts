import "server-only";
import { requireOwnWork } from "@/lib/platform/auth/policy";

// The playground runs streaming right now, by run id, so that Stop can end a run on the server and hear back once
// it is stored as cancelled. Aborting the browser's fetch instead would leave the browser with no word of when the
// row exists, and the run history, refetched at once, would miss the stopped run. On globalThis, like the shutdown
// registry, so every copy of lib/ in one process shares it.

interface InFlightRun {
  workspaceId: string;
  userId: string;
  cancel: (reason: Error) => void;
  /** Resolves once the run is stored and its stream closed. */
  settled: Promise<void>;
}

const globalForRuns = globalThis as unknown as { studioPlaygroundRuns?: Map<string, InFlightRun> };

function inFlight(): Map<string, InFlightRun> {
  return (globalForRuns.studioPlaygroundRuns ??= new Map());
}

/** The abort reason given to a run its user stopped. */
export function stoppedByUserReason(): Error {
  return new DOMException("Stopped by the user.", "AbortError");
}

/** Registers a run while it streams; call the returned function once it is stored and its stream closed. */
export function trackPlaygroundRun(runId: string, run: Omit<InFlightRun, "settled">): () => void {
  let settle!: () => void;
  const settled = new Promise<void>((resolve) => (settle = resolve));
  inFlight().set(runId, { ...run, settled });
  return () => {
    inFlight().delete(runId);
    settle();
  };
}

/**
 * Stops a run its caller started and waits until it is stored. Returns false when no such run is streaming (it has
 * ended, or never existed); a run of someone else, or of another workspace, answers "not found".
 */
export async function stopPlaygroundRun(caller: { workspaceId: string; userId: string }, runId: string): Promise<boolean> {
  const run = inFlight().get(runId);
  if (!run) return false;
  requireOwnWork(caller, run, "That run");
  run.cancel(stoppedByUserReason());
  await run.settled;
  return true;
}

export function playgroundRunsInFlight(): number {
  return inFlight().size;
}
