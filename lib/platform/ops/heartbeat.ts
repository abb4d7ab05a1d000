// A worker's heartbeat: `beat` every `intervalMs`, one at a time (a slow database skips ticks rather than piling beats
// up), until `stop`, which also waits for the beat in flight. That wait matters: on Postgres a beat queued behind the
// row lock of the worker's own release or finish would otherwise land after it and put "running" back. Used by the
// eval runner and the optimization driver.
import { logger } from "@/lib/platform/logger";

export interface Heartbeat {
  /** Stops the ticks and resolves once no beat is in flight. */
  stop(): Promise<void>;
}

export function startHeartbeat({
  intervalMs,
  signal,
  beat,
  context,
}: {
  intervalMs: number;
  /** No beat starts once it is aborted. */
  signal: AbortSignal;
  beat: (now: number) => Promise<void>;
  /** Logged with a failed beat (the next tick tries again). */
  context: Record<string, unknown>;
}): Heartbeat {
  let beating: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (beating || signal.aborted) return;
    beating = beat(Date.now())
      .catch((error: unknown) => logger.warn({ err: error, ...context }, "heartbeat failed"))
      .finally(() => (beating = null));
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await beating;
    },
  };
}
