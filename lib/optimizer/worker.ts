import "server-only";
import { randomUUID } from "node:crypto";
import { getDb } from "@/db";
import { logger } from "@/lib/platform/logger";
import { driveOptimization } from "./drive";
import { markStaleOptimizationsInterrupted } from "./manage-optimizations";
import { listClaimableOptimizations } from "./queries";
import { setOptimizationWorkerPoke } from "./worker-trigger";

// The optimization worker of a server process, like the eval worker (lib/evals/runs/worker.ts): it polls for
// waiting and interrupted optimizations and drives them, and marks those whose process died (stale heartbeat)
// interrupted so they are resumed. Each optimization's candidates are eval runs, executed by the driver itself.

export interface OptimizationWorkerOptions {
  pollMs?: number;
  heartbeatMs?: number;
  staleMs?: number;
  maxRuns?: number;
}

interface RunningWorker {
  id: string;
  options: Required<OptimizationWorkerOptions>;
  timer: NodeJS.Timeout;
  polling: boolean;
  active: Map<string, Promise<unknown>>;
  shutdown: AbortController;
}

const globalForWorker = globalThis as unknown as { studioOptimizationWorker?: RunningWorker };

async function poll(state: RunningWorker): Promise<void> {
  if (state.shutdown.signal.aborted || state.polling) return;
  state.polling = true;
  try {
    const interrupted = await markStaleOptimizationsInterrupted({ staleBefore: Date.now() - state.options.staleMs });
    if (interrupted > 0) logger.warn({ event: "optimization.interrupted", count: interrupted }, "optimizations lost their worker; resuming");
    for (const runId of await listClaimableOptimizations(getDb(), { limit: state.options.maxRuns })) {
      if (state.shutdown.signal.aborted || state.active.size >= state.options.maxRuns) break;
      if (state.active.has(runId)) continue;
      const drive = driveOptimization({ runId, workerId: state.id, heartbeatMs: state.options.heartbeatMs, signal: state.shutdown.signal })
        .catch((error: unknown) => logger.error({ err: error, runId }, "optimization crashed"))
        .finally(() => {
          state.active.delete(runId);
          setImmediate(() => void poll(state));
        });
      state.active.set(runId, drive);
    }
  } catch (error) {
    logger.warn({ err: error }, "optimization worker poll failed");
  } finally {
    state.polling = false;
  }
}

export function startOptimizationWorker(options: OptimizationWorkerOptions = {}): void {
  if (globalForWorker.studioOptimizationWorker) return;
  const heartbeatMs = options.heartbeatMs ?? 3_000;
  const state: RunningWorker = {
    id: `optimizer-${randomUUID()}`,
    options: { pollMs: options.pollMs ?? 2_000, heartbeatMs, staleMs: options.staleMs ?? Math.max(30_000, 10 * heartbeatMs), maxRuns: options.maxRuns ?? 2 },
    timer: undefined as unknown as NodeJS.Timeout,
    polling: false,
    active: new Map(),
    shutdown: new AbortController(),
  };
  state.timer = setInterval(() => void poll(state), state.options.pollMs);
  state.timer.unref();
  globalForWorker.studioOptimizationWorker = state;
  setOptimizationWorkerPoke(() => setImmediate(() => void poll(state)));
  void poll(state);
}

/** Stops polling and hands this process's optimizations back (they resume in the next worker, like after a crash). */
export async function stopOptimizationWorker(): Promise<void> {
  const state = globalForWorker.studioOptimizationWorker;
  if (!state) return;
  clearInterval(state.timer);
  globalForWorker.studioOptimizationWorker = undefined;
  setOptimizationWorkerPoke(undefined);
  state.shutdown.abort(new DOMException("The server is shutting down.", "AbortError"));
  await Promise.allSettled(state.active.values());
}

