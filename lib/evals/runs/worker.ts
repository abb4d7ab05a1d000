import "server-only";
import { randomUUID } from "node:crypto";
import { getDb, type Db } from "@/db";
import { isLockError } from "@/db/write-probe";
import { logger } from "@/lib/platform/logger";
import type { BackoffOptions } from "./backoff";
import { markStaleEvalRunsInterrupted } from "./manage-progress";
import { listClaimableEvalRuns } from "./queries";
import { abortRunInProcess, executeEvalRun, isRunActiveInProcess } from "./runner";

// The eval worker of a server process: it polls for queued and interrupted runs and executes them, joins running
// runs other processes have cases of left to lease (several processes share a run), and marks runs whose workers
// all died (stale heartbeat) as interrupted so they are resumed. Started from lib/boot/boot.ts; state on
// globalThis because Next loads instrumentation and the app's server code as separate bundles.

export interface EvalWorkerOptions {
  db?: () => Db;
  pollMs?: number;
  heartbeatMs?: number;
  /** How long a leased case stays this process's without a heartbeat (default: four heartbeats). */
  leaseMs?: number;
  /** A "running" run whose heartbeat is older than this lost its worker. */
  staleMs?: number;
  /** Runs this process executes at once (each has its own concurrency). */
  maxRuns?: number;
  backoff?: BackoffOptions;
}

interface RunningWorker {
  id: string;
  options: Required<Omit<EvalWorkerOptions, "backoff">> & { backoff?: BackoffOptions };
  timer: NodeJS.Timeout;
  polling: boolean;
  again: boolean;
  active: Map<string, Promise<unknown>>;
  shutdown: AbortController;
}

const globalForWorker = globalThis as unknown as { studioEvalWorker?: RunningWorker };

/** Never rejects: a failed poll is logged, and the next one tries again. */
async function poll(state: RunningWorker): Promise<void> {
  // A stopped worker claims nothing more (a run ending during the stop schedules one last poll).
  if (state.shutdown.signal.aborted) return;
  if (state.polling) {
    state.again = true;
    return;
  }
  state.polling = true;
  try {
    do {
      state.again = false;
      const db = state.options.db();
      const interrupted = await markStaleEvalRunsInterrupted({ staleBefore: Date.now() - state.options.staleMs });
      if (interrupted > 0) logger.warn({ event: "eval_run.interrupted", count: interrupted }, "eval runs lost their worker; resuming");
      const free = state.options.maxRuns - state.active.size;
      if (free <= 0) break;
      for (const runId of await listClaimableEvalRuns(db, { limit: free + state.active.size })) {
        // The worker may have been stopped while this poll waited for the database.
        if (state.shutdown.signal.aborted || state.active.size >= state.options.maxRuns) break;
        if (state.active.has(runId) || isRunActiveInProcess(runId)) continue;
        const execution = executeEvalRun({
          runId,
          workerId: state.id,
          db,
          heartbeatMs: state.options.heartbeatMs,
          leaseMs: state.options.leaseMs,
          signal: state.shutdown.signal,
          ...(state.options.backoff ? { backoff: state.options.backoff } : {}),
        })
          .catch((error: unknown) => {
            logger.error({ err: error, runId }, "eval run crashed");
            return "failed" as const;
          })
          .then((result) => {
            state.active.delete(runId);
            // A slot freed: look for the next waiting run now rather than at the next tick. Not after joining a
            // run other processes had fully in hand: that poll would find the same run and join it again at once.
            if (result !== "not-claimed") setImmediate(() => void poll(state));
          });
        state.active.set(runId, execution);
      }
    } while (state.again);
  } catch (error) {
    // Another process holding the write lock is expected now and then; the next poll tries again.
    if (isLockError(error)) logger.warn({ err: error }, "eval worker poll: database locked");
    else logger.error({ err: error }, "eval worker poll failed");
  } finally {
    state.polling = false;
  }
}

/** Starts this process's eval worker (once): recovers stale runs now, then polls. */
export function startEvalWorker(options: EvalWorkerOptions = {}): void {
  if (globalForWorker.studioEvalWorker) return;
  const state: RunningWorker = {
    id: `worker-${randomUUID()}`,
    options: {
      db: options.db ?? getDb,
      pollMs: options.pollMs ?? 2_000,
      heartbeatMs: options.heartbeatMs ?? 3_000,
      leaseMs: options.leaseMs ?? 4 * (options.heartbeatMs ?? 3_000),
      staleMs: options.staleMs ?? 30_000,
      maxRuns: options.maxRuns ?? 2,
      ...(options.backoff ? { backoff: options.backoff } : {}),
    },
    timer: undefined as unknown as NodeJS.Timeout,
    polling: false,
    again: false,
    active: new Map(),
    shutdown: new AbortController(),
  };
  state.timer = setInterval(() => void poll(state), state.options.pollMs);
  state.timer.unref();
  globalForWorker.studioEvalWorker = state;
  void poll(state);
}

/**
 * Stops polling and the runs this process executes, leaving them "running": with no heartbeat they become
 * "interrupted" and are resumed by the next worker, like after a crash.
 */
export async function stopEvalWorker(): Promise<void> {
  const state = globalForWorker.studioEvalWorker;
  if (!state) return;
  clearInterval(state.timer);
  globalForWorker.studioEvalWorker = undefined;
  state.shutdown.abort(new DOMException("The server is shutting down.", "AbortError"));
  await Promise.allSettled(state.active.values());
}

/** Asks the worker to look for runs now. Does nothing without a started worker (scripts, unit tests). */
export function triggerEvalWorker(): void {
  const state = globalForWorker.studioEvalWorker;
  if (state) setImmediate(() => void poll(state));
}

/** Aborts a run's in-flight calls if this process is executing it. */
export function abortLocalEvalRun(runId: string): void {
  abortRunInProcess(runId);
}

/** Resolves when this process has no run in flight (tests, graceful shutdown). */
export async function evalWorkerIdle(): Promise<void> {
  const state = globalForWorker.studioEvalWorker;
  while (state && state.active.size > 0) await Promise.allSettled(state.active.values());
}
