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
      content: versionContent(row),
      model: await getWorkspaceModel({ workspaceId, modelId: target.modelId }),
      settings: { temperature, maxOutputTokens, topP, stopSequences },
      loadPartial,
    });
  }
  return prepared;
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
  const run = await claimEvalRun({ runId, workerId, now: Date.now() });
  if (!run) return "not-claimed";
  const controller = new AbortController();
  localRuns.set(runId, controller);
  const onOuterAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener("abort", onOuterAbort, { once: true });
  // Stopped while the claim waited for its turn: the run is handed straight back below.
  if (signal?.aborted) onOuterAbort();
  const heartbeat = setInterval(() => {
    heartbeatEvalRun({ runId, workerId, now: Date.now() }).then(
      (held) => {
        if (!held) controller.abort(new DOMException("The evaluation was cancelled.", "AbortError"));
      },
      (error: unknown) => logger.warn({ err: error, runId }, "eval run heartbeat failed"),
    );
  }, heartbeatMs);
  heartbeat.unref();

  const started = performance.now();
  try {
    const targets = await prepareTargets(db, runId, run.workspaceId);
    const cases = await listEvalRunCases(db, { runId });
    const finished = await listFinishedPairs(db, { runId });
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
        // A finished case is not thrown away because another process holds the lock for a while; one whose run was
        // cancelled meanwhile is (the writer checks the signal once the write has its turn).
        await retryWhileBusy(() => write(row, scores, controller.signal), { attempts: 20 });
      },
    });

    if (controller.signal.aborted) {
      if (signal?.aborted) await retryWhileBusy(() => releaseEvalRun({ runId, workerId }));
      logger.info({ event: "eval_run.stopped", runId }, "eval run stopped");
      return "stopped";
    }
    await retryWhileBusy(() => finishEvalRun({ runId, workerId, status: "completed", now: Date.now() }));
    logger.info({ event: "eval_run.completed", runId, ms: Math.round(performance.now() - started) }, "eval run completed");
    return "completed";
  } catch (thrown) {
    const error = toAppError(thrown);
    // Unknown errors are logged here and shown as the generic message; AppErrors (a provider removed since the run
    // was created, say) are safe to show as they are.
    logger.error({ err: thrown, runId }, "eval run failed");
    controller.abort();
    await finishEvalRun({ runId, workerId, status: "failed", errorMessage: error.message, now: Date.now() });
    return "failed";
  } finally {
    clearInterval(heartbeat);
    signal?.removeEventListener("abort", onOuterAbort);
    localRuns.delete(runId);
  }
}
