import "server-only";
import type { Server } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { closeDb } from "@/db";
import { getEnv } from "@/lib/platform/env";
import { logger } from "@/lib/platform/logger";

// Graceful shutdown of a server process on SIGTERM or SIGINT. server.ts installs it (exitGracefullyOnSignals);
// background workers register what stops them (onShutdown, from lib/boot/boot.ts) and long requests register
// themselves while they run (trackInFlight, from the playground's stream). The registry lives on globalThis because
// under server.ts one process holds two copies of lib/ (tsx's and Next's bundle), and both must reach it.
//
// The sequence: stop accepting connections and stop the workers at once (the eval worker hands its runs back as
// "interrupted", so the next start resumes them immediately); let requests in flight finish for the grace period
// (SHUTDOWN_GRACE_MS); then cancel the tracked work that is still running (a playground stream is stored as
// stopped with what it had generated), close the remaining connections and the database, and exit.

/** Waits after the grace period, for cancelled work to store what it has and for hooks; then it is cut short. */
const FINAL_WAIT_MS = 5_000;

interface Registry {
  phase: "running" | "draining" | "stopped";
  hooks: Map<string, () => Promise<void> | void>;
  inFlight: Map<symbol, { name: string; cancel: (reason: Error) => void }>;
  /** Called whenever in-flight work ends, so the shutdown can wait for "none left". */
  listeners: Set<() => void>;
}

const globalForShutdown = globalThis as unknown as { studioShutdown?: Registry };

function registry(): Registry {
  return (globalForShutdown.studioShutdown ??= { phase: "running", hooks: new Map(), inFlight: new Map(), listeners: new Set() });
}

const SHUTDOWN_MESSAGE = "The server is shutting down.";

/** The abort reason given to work cancelled by the shutdown; `isShutdownReason` recognises it. */
export function shutdownReason(): Error {
  return new DOMException(SHUTDOWN_MESSAGE, "AbortError");
}

export function isShutdownReason(reason: unknown): boolean {
  return reason instanceof DOMException && reason.name === "AbortError" && reason.message === SHUTDOWN_MESSAGE;
}

export function isShuttingDown(): boolean {
  return registry().phase !== "running";
}

/** Registers what stops a background worker when the shutdown begins; a later registration under a name replaces it. */
export function onShutdown(name: string, stop: () => Promise<void> | void): void {
  registry().hooks.set(name, stop);
}

/**
 * Registers a long request while it runs. The shutdown waits for it up to the grace period, then calls `cancel`
 * with `shutdownReason()`. Call the returned function when the work has ended (stored, response closed).
 */
export function trackInFlight({ name, cancel }: { name: string; cancel: (reason: Error) => void }): () => void {
  const state = registry();
  const key = Symbol(name);
  state.inFlight.set(key, { name, cancel });
  return () => {
    if (!state.inFlight.delete(key)) return;
    for (const listener of state.listeners) listener();
  };
}

function noWorkInFlight(state: Registry): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (state.inFlight.size > 0) return;
      state.listeners.delete(check);
      resolve();
    };
    state.listeners.add(check);
    check();
  });
}

function closed(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

/** Resolves with true if `promise` settled within `ms`. */
async function within(promise: Promise<unknown>, ms: number): Promise<boolean> {
  const timer = new AbortController();
  try {
    return await Promise.race([promise.then(() => true), sleep(ms, false, { signal: timer.signal })]);
  } finally {
    timer.abort();
  }
}

/**
 * Runs the shutdown sequence and resolves when the database is closed; the caller then exits. Without a server (a
 * worker process, a test) it skips the connection steps. Each registered hook runs once.
 */
export async function shutDown({ server, graceMs = getEnv().SHUTDOWN_GRACE_MS }: { server?: Server; graceMs?: number } = {}): Promise<void> {
  const state = registry();
  state.phase = "draining";
  logger.info({ event: "shutdown.started", graceMs, inFlight: state.inFlight.size }, "shutting down");
  const serverClosed = server ? closed(server) : Promise.resolve();
  // Keep-alive connections between requests would hold the server open; close each as soon as it is idle.
  const sweep = server ? setInterval(() => server.closeIdleConnections(), 100) : undefined;
  server?.closeIdleConnections();

  const stops = [...state.hooks];
  state.hooks.clear();
  const hooks = Promise.all(
    stops.map(async ([name, stop]) => {
      try {
        await stop();
      } catch (error) {
        logger.error({ err: error, hook: name }, "shutdown: stopping a worker failed");
      }
    }),
  );

  const drained = Promise.all([serverClosed, noWorkInFlight(state)]);
  if (!(await within(drained, graceMs))) {
    logger.warn({ event: "shutdown.grace_over", inFlight: [...state.inFlight.values()].map((w) => w.name) }, "grace period over: stopping what still runs");
    for (const work of state.inFlight.values()) work.cancel(shutdownReason());
    // Cancelled work stores what it has and ends its response; idle connections then close on their own.
    await within(drained, FINAL_WAIT_MS);
    server?.closeAllConnections();
  }
  if (!(await within(hooks, FINAL_WAIT_MS))) logger.warn({ event: "shutdown.hooks_slow" }, "a worker did not stop in time");
  clearInterval(sweep);
  closeDb();
  state.phase = "stopped";
  logger.info({ event: "shutdown.finished" }, "shut down");
}

/**
 * SIGTERM or SIGINT starts the graceful shutdown and exits when it is done; a second signal exits at once (an
 * operator pressing Ctrl+C twice does not want to wait for the grace period).
 */
export function exitGracefullyOnSignals(server?: Server): void {
  let received = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (received) {
      logger.warn({ event: "shutdown.forced", signal }, "second signal: exiting now");
      process.exit(1);
    }
    received = true;
    logger.info({ event: "shutdown.signal", signal }, `${signal} received`);
    shutDown({ server }).then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}
