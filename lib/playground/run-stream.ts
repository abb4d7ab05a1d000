import "server-only";
import { randomUUID } from "node:crypto";
import { logger } from "@/lib/platform/logger";
import { trackInFlight } from "@/lib/platform/ops/shutdown";
import { errorView, executeRun } from "./execute-run";
import { trackPlaygroundRun } from "./in-flight-runs";
import type { PreparedRun } from "./prepare-run";
import { encodeRunEvent, RUN_STREAM_CONTENT_TYPE, type RunEvent } from "./run-events";

/**
 * Streams one prepared column to the browser as NDJSON events (see run-events.ts) while the model answers.
 * The browser's cancel reaches the provider: the request's abort signal and the body stream's cancel (Stop, a
 * closed tab) both abort the model call, and the run is stored as cancelled. So does a server shutdown once its
 * grace period is over (lib/platform/ops/shutdown.ts): the run is stored as stopped with what had streamed. The Stop button
 * asks the server instead (POST /api/playground/runs/<id>/stop, in-flight-runs.ts): the stream then ends with its
 * "error" event, sent once the row is stored, so the browser knows the run history has it.
 */
export function streamRunResponse({ prepared, requestSignal }: { prepared: PreparedRun; requestSignal: AbortSignal }): Response {
  const runId = randomUUID();
  const cancel = new AbortController();
  const abort = () => cancel.abort(requestSignal.reason);
  const encoder = new TextEncoder();
  let closed = false;
  const untrack = trackInFlight({ name: "playground run", cancel: (reason) => cancel.abort(reason) });
  const untrackRun = trackPlaygroundRun(runId, { workspaceId: prepared.workspaceId, userId: prepared.userId, cancel: (reason) => cancel.abort(reason) });

  const body = new ReadableStream<Uint8Array>({
    start(sink) {
      const send = (event: RunEvent) => {
        if (closed) return;
        try {
          sink.enqueue(encoder.encode(encodeRunEvent(event)));
        } catch {
          closed = true;
        }
      };
      const finish = () => {
        requestSignal.removeEventListener("abort", abort);
        untrack();
        untrackRun();
        if (closed) return;
        closed = true;
        sink.close();
      };

      if (requestSignal.aborted) cancel.abort(requestSignal.reason);
      else requestSignal.addEventListener("abort", abort, { once: true });
      send({ type: "start", runId, messages: prepared.messages });

      executeRun({ prepared, runId, signal: cancel.signal, onDelta: (text) => send({ type: "delta", text }) })
        .then((outcome) => {
          if (outcome.error) send({ type: "error", runId, status: outcome.status === "cancelled" ? "cancelled" : "failed", stats: outcome.stats, error: errorView(outcome.error) });
          else send({ type: "done", runId, stats: outcome.stats, toolCalls: outcome.toolCalls, json: outcome.json });
        })
        .catch((error: unknown) => {
          // Only storing the run can get here (executeRun turns model failures into outcomes).
          logger.error({ err: error, runId }, "playground run could not be stored");
          send({
            type: "error",
            runId,
            status: "failed",
            stats: { finishReason: null, inputTokens: null, outputTokens: null, usageEstimated: false, costUsd: null, timeToFirstTokenMs: null, latencyMs: null },
            error: { message: "The run finished but could not be saved. Try again.", code: "internal:database", retryAfterSeconds: null },
          });
        })
        .finally(finish);
    },
    cancel(reason) {
      closed = true;
      cancel.abort(reason);
    },
  });

  return new Response(body, {
    headers: {
      "content-type": RUN_STREAM_CONTENT_TYPE,
      // no-transform keeps compression (which buffers) off the stream, so each token reaches the browser at once.
      "cache-control": "no-cache, no-transform",
      "x-accel-buffering": "no",
    },
  });
}
