"use client";

import { useCallback, useEffect, useRef, type Dispatch } from "react";
import { readRunEvents, type RunEvent, type RunColumnInput, type RunErrorView, type PlaygroundAction } from "@/lib/playground";

export interface ColumnRequest {
  key: string;
  body: RunColumnInput;
}

export interface ColumnFinish {
  key: string;
  status: "succeeded" | "failed" | "cancelled";
  error: RunErrorView | null;
}

const unreachable: RunErrorView = {
  message: "Could not reach the studio. Check your connection and try again.",
  code: "unavailable:api",
  retryAfterSeconds: null,
};

async function errorFromResponse(response: Response): Promise<RunErrorView> {
  const body = (await response.json().catch(() => null)) as { error?: string; code?: string; details?: { retryAfterSeconds?: unknown } } | null;
  const retry = body?.details?.retryAfterSeconds;
  return {
    message: body?.error ?? `The studio answered HTTP ${response.status}.`,
    code: body?.code ?? "internal:api",
    retryAfterSeconds: typeof retry === "number" ? retry : null,
  };
}

/**
 * Asks the server to stop a run. It answers once the run is stored as cancelled, and the run's stream then ends
 * with its "cancelled" event, so the run history refetched after it shows the stopped run. Aborting the fetch
 * instead would end the stream before the server had stored anything.
 */
async function stopOnServer(runId: string): Promise<boolean> {
  try {
    const response = await fetch(`/api/playground/runs/${encodeURIComponent(runId)}/stop`, { method: "POST", signal: AbortSignal.timeout(10_000) });
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * Runs columns: one streaming request per column, so each fails on its own. Stop asks the server to stop each
 * column's run (stopOnServer); a column whose run id has not arrived yet, or whose stop request fails, has its
 * request aborted, which the server also turns into a cancelled provider call. Deltas are applied once per
 * animation frame, not per token.
 */
export function useColumnRuns({
  dispatch,
  onAllFinished,
}: {
  dispatch: Dispatch<PlaygroundAction>;
  /** Once per run, with every column's outcome. */
  onAllFinished: (finishes: ColumnFinish[]) => void;
}) {
  const controllers = useRef(new Map<string, AbortController>());
  const runIds = useRef(new Map<AbortController, string>());
  const pending = useRef(new Map<string, RunEvent[]>());
  const frame = useRef<number | null>(null);

  const flush = useCallback(() => {
    if (frame.current !== null) cancelAnimationFrame(frame.current);
    frame.current = null;
    for (const [key, events] of pending.current) dispatch({ type: "run-events", key, events });
    pending.current.clear();
  }, [dispatch]);

  const queue = useCallback(
    (key: string, events: RunEvent[]) => {
      pending.current.set(key, [...(pending.current.get(key) ?? []), ...events]);
      if (events.some((event) => event.type !== "delta")) flush();
      else frame.current ??= requestAnimationFrame(flush);
    },
    [flush],
  );

  useEffect(() => {
    const running = controllers.current;
    return () => {
      for (const controller of running.values()) controller.abort();
    };
  }, []);

  const runOne = useCallback(
    async ({ key, body }: ColumnRequest): Promise<ColumnFinish> => {
      const controller = new AbortController();
      controllers.current.get(key)?.abort();
      controllers.current.set(key, controller);
      dispatch({ type: "run-started", key });
      let finish: ColumnFinish | null = null;
      try {
        const response = await fetch("/api/playground/run", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
          signal: controller.signal,
        });
        if (!response.ok || !response.body) {
          const error = await errorFromResponse(response);
          dispatch({ type: "run-failed", key, error });
          return { key, status: "failed", error };
        }
        await readRunEvents(response.body, (events) => {
          for (const event of events) {
            if (event.type === "start") runIds.current.set(controller, event.runId);
            if (event.type === "done") finish = { key, status: "succeeded", error: null };
            if (event.type === "error") finish = { key, status: event.status, error: event.error };
          }
          queue(key, events);
        });
        flush();
        if (finish) return finish;
        const error: RunErrorView = { message: "The run ended before the model finished. Try again.", code: "upstream:model", retryAfterSeconds: null };
        dispatch({ type: "run-failed", key, error });
        return { key, status: "failed", error };
      } catch {
        flush();
        if (controller.signal.aborted) {
          dispatch({ type: "run-stopped", key });
          return { key, status: "cancelled", error: null };
        }
        dispatch({ type: "run-failed", key, error: unreachable });
        return { key, status: "failed", error: unreachable };
      } finally {
        if (controllers.current.get(key) === controller) controllers.current.delete(key);
        runIds.current.delete(controller);
      }
    },
    [dispatch, flush, queue],
  );

  const run = useCallback(
    async (requests: ColumnRequest[]) => {
      const results = await Promise.all(requests.map(runOne));
      onAllFinished(results);
      return results;
    },
    [runOne, onAllFinished],
  );

  const stop = useCallback(() => {
    for (const controller of controllers.current.values()) {
      const runId = runIds.current.get(controller);
      if (!runId) controller.abort();
      else void stopOnServer(runId).then((stopped) => stopped || controller.abort());
    }
  }, []);

  return { run, stop };
}
