import "server-only";
import { getDb, type Db } from "@/db";
import { toAppError } from "@/lib/core/errors";
import { logger } from "@/lib/platform/logger";
import { retryWhileBusy } from "@/lib/platform/ops/database-busy";
import { startHeartbeat } from "@/lib/platform/ops/heartbeat";
import { workspacePartialLoader } from "@/lib/serving/server";
import { versionContent } from "@/lib/prompts";
import { findVersion } from "@/lib/prompts/server";
import { getWorkspaceModel } from "@/lib/platform/providers/workspace-model";
import type { PartialLoader } from "@/lib/core/templates";
import type { BackoffOptions } from "./backoff";
import { evaluateCase, type PreparedTarget } from "./evaluate-case";
import { CaseFeed } from "./case-feed";
import { drainQueue } from "./pool";
import { leaseCases, releaseLeases, renewLeases } from "./manage-leases";
import { claimEvalRun, createResultWriter, finishEvalRun, heartbeatEvalRun, releaseEvalRun } from "./manage-progress";
import { findEvalRun, listEvalRunCases, listEvalRunTargets } from "./queries";

// Executes a run in this process, alone or shared with other processes: every (target, case) pair without a result,
// at the run's concurrency, each result committed as it completes. Cases are leased a batch at a time (case-feed.ts),
// so processes sharing the run never run one case twice and take over the cases of one that died. A heartbeat
// renews the leases; when it finds the run cancelled, in-flight calls are aborted and nothing more is written.

export interface ExecuteRunOptions {
  runId: string;
  workerId: string;
  db?: Db;
  heartbeatMs?: number;
  /** How long a leased case stays this process's without a heartbeat renewing it (default: four heartbeats). */
  leaseMs?: number;
  backoff?: BackoffOptions;
  /** Aborting it stops the run like a cancel would, without changing its status (process shutdown). */
  signal?: AbortSignal;
}

export type ExecuteRunResult = "completed" | "failed" | "stopped" | "not-claimed";

/** Partials are looked up once per run: every case renders against the same versions. */
function memoisedPartialLoader(workspaceId: string): PartialLoader {
  const load = workspacePartialLoader({ workspaceId });
  const cache = new Map<string, Promise<string | null>>();
  return (ref) => {
    const key = `${ref.name}@${ref.label ?? ""}`;
    let hit = cache.get(key);
    if (!hit) {
      hit = load(ref);
      cache.set(key, hit);
    }
    return hit;
  };
}

async function prepareTargets(db: Db, runId: string, workspaceId: string): Promise<PreparedTarget[]> {
  const loadPartial = memoisedPartialLoader(workspaceId);
  const prepared: PreparedTarget[] = [];
  for (const target of await listEvalRunTargets(db, { runId })) {
    const row = await findVersion(db, { promptId: target.promptId, version: target.version });
    if (!row) throw new Error(`version ${target.version} of ${target.promptName} is missing`);
    const { temperature, maxOutputTokens, topP, stopSequences } = row.modelConfig;
    prepared.push({
      id: target.id,
      promptName: target.promptName,
      // An optimizer candidate is a draft evaluated with its base version's model settings.
      content: target.content ?? versionContent(row),
      model: await getWorkspaceModel({ workspaceId, modelId: target.modelId }),
      settings: { temperature, maxOutputTokens, topP, stopSequences },
      loadPartial,
    });
  }
  return prepared;
}

// In-process executions, so a cancel from this process aborts their calls at once (others notice at their heartbeat).
const globalForRuns = globalThis as unknown as { studioEvalRunAborts?: Map<string, Set<AbortController>> };
const localRuns = (globalForRuns.studioEvalRunAborts ??= new Map());

export function abortRunInProcess(runId: string): boolean {
  const controllers = localRuns.get(runId);
  for (const controller of controllers ?? []) controller.abort(new DOMException("The evaluation was cancelled.", "AbortError"));
  return controllers !== undefined;
}

export function isRunActiveInProcess(runId: string): boolean {
  return localRuns.has(runId);
}

function trackLocally(runId: string, controller: AbortController): () => void {
  const set = localRuns.get(runId) ?? new Set<AbortController>();
  set.add(controller);
  localRuns.set(runId, set);
  return () => {
    set.delete(controller);
    if (set.size === 0) localRuns.delete(runId);
  };
}

export async function executeEvalRun({
  runId,
  workerId,
  db = getDb(),
  heartbeatMs = 3_000,
  leaseMs = 4 * heartbeatMs,
  backoff,
  signal,
}: ExecuteRunOptions): Promise<ExecuteRunResult> {
  if (signal?.aborted) return "not-claimed";
  const claimed = await claimEvalRun({ runId, workerId, now: Date.now() });
  if (!claimed) return "not-claimed";
  const { run, joined } = claimed;
  const batch = Math.max(4, run.concurrency);
  // Joining a run other processes execute: only worth it if some case is free. Leased before anything else is
  // prepared, so a process that finds nothing to do has cost one query.
  const firstLease = joined
    ? await retryWhileBusy(() => leaseCases({ runId, workerId, now: Date.now(), leaseMs, limit: batch }), { attempts: 20 })
    : [];
  if (joined && firstLease.length === 0) return "not-claimed";

  const controller = new AbortController();
  const untrack = trackLocally(runId, controller);
  const onOuterAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener("abort", onOuterAbort, { once: true });
  // Stopped while the claim waited for its turn: the run is handed straight back below.
  if (signal?.aborted) onOuterAbort();
  const heartbeat = startHeartbeat({
    intervalMs: heartbeatMs,
    signal: controller.signal,
    context: { runId, event: "eval_run.heartbeat" },
    beat: async (now) => {
      if (!(await heartbeatEvalRun({ runId, workerId, now }))) return controller.abort(new DOMException("The evaluation was cancelled.", "AbortError"));
      await renewLeases({ runId, workerId, until: now + leaseMs });
    },
  });
  const stopHeartbeat = () => heartbeat.stop();

  const started = performance.now();
  let feed: CaseFeed<PreparedTarget> | undefined;
  // Nothing in the background may write for this worker once it hands the run back or finishes it.
  const quiesce = () => Promise.all([stopHeartbeat(), feed?.quiet()]);
  try {
    const targets = await prepareTargets(db, runId, run.workspaceId);
    const cases = new CaseFeed({
      runId,
      workerId,
      targets,
      cases: await listEvalRunCases(db, { runId }),
      totalPairs: run.totalCases,
      leaseMs,
      batch,
      prefetchBelow: run.concurrency,
      idleMs: Math.min(1_000, leaseMs / 2),
      signal: controller.signal,
    });
    feed = cases;
    await cases.add(firstLease);
    const write = createResultWriter(db);
    const settings = {
      workspaceId: run.workspaceId,
      scorers: run.scorers,
      caseTimeoutMs: run.caseTimeoutMs,
      maxRetries: run.maxRetries,
      ...(backoff ? { backoff } : {}),
    };
    logger.info({ event: joined ? "eval_run.joined" : "eval_run.started", runId, total: run.totalCases, workerId }, "eval run started");

    await drainQueue({
      next: () => cases.next(),
      concurrency: run.concurrency,
      signal: controller.signal,
      task: async ({ target, runCase }) => {
        try {
          const outcome = await evaluateCase({ target, runCase, settings, signal: controller.signal });
          if (!outcome || controller.signal.aborted) return;
          const { scores, ...result } = outcome;
          const row = { id: crypto.randomUUID(), runId, targetId: target.id, runCaseId: runCase.id, ...result, createdAt: Date.now() };
          // A finished case is not thrown away because another process holds the lock for a while; one whose run
          // was cancelled meanwhile is (the writer checks the signal once the write has its turn).
          await retryWhileBusy(() => write(row, scores, controller.signal), { attempts: 20 });
        } finally {
          cases.settle();
        }
      },
    });

    await quiesce();
    if (controller.signal.aborted) {
      // Shutting down: hand the run back. Cancelled: give the cases back, so a resume can take them at once.
      if (signal?.aborted) await retryWhileBusy(() => releaseEvalRun({ runId, workerId }));
      else await retryWhileBusy(() => releaseLeases({ runId, workerId }));
      logger.info({ event: "eval_run.stopped", runId }, "eval run stopped");
      return "stopped";
    }
    // Every pair has a result: whichever process sharing the run gets here first finishes it.
    const finished = await retryWhileBusy(() => finishEvalRun({ runId, workerId, status: "completed", now: Date.now() }));
    if (!finished && (await findEvalRun(db, { runId }))?.status !== "completed") return "stopped";
    logger.info({ event: "eval_run.completed", runId, ms: Math.round(performance.now() - started) }, "eval run completed");
    return "completed";
  } catch (thrown) {
    const error = toAppError(thrown);
    // Unknown errors are logged here and shown as the generic message; AppErrors (a provider removed since the run
    // was created, say) are safe to show as they are.
    logger.error({ err: thrown, runId }, "eval run failed");
    controller.abort();
    await quiesce();
    await finishEvalRun({ runId, workerId, status: "failed", errorMessage: error.message, now: Date.now() });
    return "failed";
  } finally {
    void heartbeat.stop();
    signal?.removeEventListener("abort", onOuterAbort);
    untrack();
  }
}
