import "server-only";
import { randomUUID } from "node:crypto";
import type { RunStatus } from "@/db/schema";
import { getEnv } from "@/lib/platform/env";
import { AppError, toAppError } from "@/lib/core/errors";
import { logger } from "@/lib/platform/logger";
import { isCancelledError } from "@/lib/platform/models/model-errors";
import { retryWhileBusy } from "@/lib/platform/ops/database-busy";
import { isShutdownReason } from "@/lib/platform/ops/shutdown";
import { streamCompletion } from "@/lib/platform/models/stream-completion";
import type { ModelToolCall } from "@/lib/platform/models/types";
import { getWorkspaceModel } from "@/lib/platform/providers/workspace-model";
import { checkJsonOutput } from "./check-json-output";
import type { PreparedRun } from "./prepare-run";
import { recordRun } from "./manage-runs";
import type { JsonCheck, RunErrorView, RunStats } from "./types";

export interface RunOutcome {
  runId: string;
  status: RunStatus;
  /** The whole reply, or what had streamed before a failure or a stop. */
  output: string;
  toolCalls: ModelToolCall[];
  stats: RunStats;
  error: AppError | null;
  json: JsonCheck | null;
}

/**
 * Calls the model for a prepared column through the workspace's providers and streamCompletion, then stores the
 * run. Never throws for the model's sake: a provider failure, a timeout or a cancel is an outcome, stored like a
 * success. `signal` is the caller's cancel (the browser pressed Stop or went away); `timeoutMs` the whole-call budget.
 */
export async function executeRun({
  prepared,
  runId = randomUUID(),
  signal,
  timeoutMs = getEnv().MODEL_TIMEOUT_MS,
  onDelta,
}: {
  prepared: PreparedRun;
  runId?: string;
  signal?: AbortSignal;
  timeoutMs?: number;
  onDelta?: (text: string) => void;
}): Promise<RunOutcome> {
  const startedAt = performance.now();
  let output = "";
  let firstDeltaAt: number | null = null;
  let outcome: RunOutcome;
  try {
    const target = await getWorkspaceModel({ workspaceId: prepared.workspaceId, modelId: prepared.modelId });
    const { responseFormat, tools } = prepared.content.modelConfig;
    const result = await streamCompletion({
      ...target,
      messages: prepared.messages,
      settings: prepared.settings,
      ...(responseFormat ? { responseFormat } : {}),
      ...(tools ? { tools } : {}),
      ...(signal ? { abortSignal: signal } : {}),
      timeoutMs,
      onDelta: (text) => {
        firstDeltaAt ??= performance.now();
        output += text;
        onDelta?.(text);
      },
    });
    outcome = {
      runId,
      status: "succeeded",
      output: result.text,
      toolCalls: result.toolCalls,
      stats: {
        finishReason: result.finishReason,
        inputTokens: result.usage.inputTokens,
        outputTokens: result.usage.outputTokens,
        usageEstimated: result.usageEstimated,
        costUsd: result.costUsd,
        timeToFirstTokenMs: result.timeToFirstTokenMs,
        latencyMs: result.latencyMs,
      },
      error: null,
      json: checkJsonOutput({ text: result.text, responseFormat }),
    };
  } catch (thrown) {
    const cancelled = isCancelledError(toAppError(thrown));
    const error = cancelled && isShutdownReason(signal?.reason) ? serverShutdownError(thrown) : toAppError(thrown);
    if (error.status >= 500 && error.type === "internal") logger.error({ err: thrown, runId }, "playground run failed unexpectedly");
    else if (!cancelled) logger.warn({ runId, modelId: prepared.modelId, code: error.code }, "playground run failed");
    outcome = {
      runId,
      status: cancelled ? "cancelled" : "failed",
      output,
      toolCalls: [],
      stats: {
        finishReason: null,
        inputTokens: null,
        outputTokens: null,
        usageEstimated: false,
        costUsd: null,
        timeToFirstTokenMs: firstDeltaAt === null ? null : Math.round(firstDeltaAt - startedAt),
        latencyMs: Math.round(performance.now() - startedAt),
      },
      error,
      json: null,
    };
  }
  // The reply is already streamed: a lock held by another process delays storing it, not losing it. Stored only
  // now, once the model has answered, so no transaction stays open while it streams.
  await retryWhileBusy(() => recordRun({ prepared, outcome }));
  return outcome;
}

/** A run the server stopped because it was shutting down: stored as cancelled ("Stopped"), like a press of Stop. */
function serverShutdownError(cause: unknown): AppError {
  return new AppError("unavailable:model", "The server shut down before the reply finished; what had arrived is kept.", {
    details: { cancelled: true },
    cause,
  });
}

/** What the browser may see of a run's error: the safe message, the code and when to retry. */
export function errorView(error: AppError): RunErrorView {
  const retryAfter = error.details?.retryAfterSeconds;
  return { message: error.message, code: error.code, retryAfterSeconds: typeof retryAfter === "number" ? retryAfter : null };
}
