import "server-only";
import { getDb, type Db } from "@/db";
import { toAppError } from "@/lib/core/errors";
import { logger } from "@/lib/platform/logger";
import { retryWhileBusy } from "@/lib/platform/ops/database-busy";
import { workspacePartialLoader } from "@/lib/serving/server";
import { versionContent } from "@/lib/prompts";
import { findVersion } from "@/lib/prompts/server";
import { getWorkspaceModel } from "@/lib/platform/providers/workspace-model";
import type { PartialLoader } from "@/lib/core/templates";
import type { BackoffOptions } from "./backoff";
import { evaluateCase, type PreparedTarget } from "./evaluate-case";
import { runPool } from "./pool";
import { claimEvalRun, createResultWriter, finishEvalRun, heartbeatEvalRun, releaseEvalRun } from "./manage-progress";
import { listEvalRunCases, listEvalRunTargets, listFinishedPairs } from "./queries";

// Executes one claimed run in this process: every (target, case) pair without a result, at the run's concurrency,
// each result committed as it completes. A heartbeat keeps the claim; when it finds the run cancelled (or taken
// over), in-flight calls are aborted and nothing more is written.

export interface ExecuteRunOptions {
  runId: string;
  workerId: string;
  db?: Db;
  heartbeatMs?: number;
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

function prepareTargets(db: Db, runId: string, workspaceId: string): PreparedTarget[] {
  const loadPartial = memoisedPartialLoader(workspaceId);
  return listEvalRunTargets(db, { runId }).map((target) => {
    const row = findVersion(db, { promptId: target.promptId, version: target.version });
    if (!row) throw new Error(`version ${target.version} of ${target.promptName} is missing`);
    const { temperature, maxOutputTokens, topP, stopSequences } = row.modelConfig;
    return {
      id: target.id,
      promptName: target.promptName,
      content: versionContent(row),
      model: getWorkspaceModel({ workspaceId, modelId: target.modelId }),
      settings: { temperature, maxOutputTokens, topP, stopSequences },
      loadPartial,
    };
  });
}

// In-process runs, so a cancel from this process aborts their calls at once (others notice at their heartbeat).
const globalForRuns = globalThis as unknown as { studioEvalRunAborts?: Map<string, AbortController> };
const localRuns = (globalForRuns.studioEvalRunAborts ??= new Map());

export function abortRunInProcess(runId: string): boolean {
  const controller = localRuns.get(runId);
  controller?.abort(new DOMException("The evaluation was cancelled.", "AbortError"));
  return controller !== undefined;
}

export function isRunActiveInProcess(runId: string): boolean {
  return localRuns.has(runId);
}

export async function executeEvalRun({ runId, workerId, db = getDb(), heartbeatMs = 3_000, backoff, signal }: ExecuteRunOptions): Promise<ExecuteRunResult> {
  if (signal?.aborted) return "not-claimed";
  const run = claimEvalRun(db, { runId, workerId, now: Date.now() });
  if (!run) return "not-claimed";
  const controller = new AbortController();
  localRuns.set(runId, controller);
  const onOuterAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener("abort", onOuterAbort, { once: true });
  const heartbeat = setInterval(() => {
    try {
      if (!heartbeatEvalRun(db, { runId, workerId, now: Date.now() })) controller.abort(new DOMException("The evaluation was cancelled.", "AbortError"));
    } catch (error) {
      logger.warn({ err: error, runId }, "eval run heartbeat failed");
    }
  }, heartbeatMs);
  heartbeat.unref();

  const started = performance.now();
  try {
    const targets = prepareTargets(db, runId, run.workspaceId);
    const cases = listEvalRunCases(db, { runId });
    const finished = listFinishedPairs(db, { runId });
    const pairs = cases.flatMap((runCase) => targets.filter((t) => !finished.has(`${t.id}|${runCase.id}`)).map((target) => ({ target, runCase })));
    const write = createResultWriter(db);
    const settings = {
      workspaceId: run.workspaceId,
      scorers: run.scorers,
      caseTimeoutMs: run.caseTimeoutMs,
      maxRetries: run.maxRetries,
      ...(backoff ? { backoff } : {}),
    };
    logger.info({ event: "eval_run.started", runId, pending: pairs.length, total: run.totalCases, workerId }, "eval run started");

    await runPool({
      items: pairs,
      concurrency: run.concurrency,
      signal: controller.signal,
      task: async ({ target, runCase }) => {
        const outcome = await evaluateCase({ target, runCase, settings, signal: controller.signal });
        if (!outcome || controller.signal.aborted) return;
        const { scores, ...result } = outcome;
        const row = { id: crypto.randomUUID(), runId, targetId: target.id, runCaseId: runCase.id, ...result, createdAt: Date.now() };
        // A finished case is not thrown away because another process holds the lock for a while.
        await retryWhileBusy(() => write(row, scores), { attempts: 20 });
      },
    });

    if (controller.signal.aborted) {
      if (signal?.aborted) await retryWhileBusy(() => releaseEvalRun(db, { runId, workerId }));
      logger.info({ event: "eval_run.stopped", runId }, "eval run stopped");
      return "stopped";
    }
    await retryWhileBusy(() => finishEvalRun(db, { runId, workerId, status: "completed", now: Date.now() }));
    logger.info({ event: "eval_run.completed", runId, ms: Math.round(performance.now() - started) }, "eval run completed");
    return "completed";
  } catch (thrown) {
    const error = toAppError(thrown);
    // Unknown errors are logged here and shown as the generic message; AppErrors (a provider removed since the run
    // was created, say) are safe to show as they are.
    logger.error({ err: thrown, runId }, "eval run failed");
    controller.abort();
    finishEvalRun(db, { runId, workerId, status: "failed", errorMessage: error.message, now: Date.now() });
    return "failed";
  } finally {
    clearInterval(heartbeat);
    signal?.removeEventListener("abort", onOuterAbort);
    localRuns.delete(runId);
  }
}
