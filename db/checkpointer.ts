import "server-only";
import { createRequire } from "node:module";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type Database from "better-sqlite3";

// SQLite's WAL is copied back into the database file by checkpoints. By default the connection that commits runs one
// whenever the WAL passes 1,000 pages, inside that COMMIT: on the server that is the event loop, and the copy and
// its fsyncs cost about 50 µs for every generation stored (78 vs 27 µs a row at a batch of 36, measured with
// better-sqlite3 on the studio's schema). The server hands checkpoints to a worker thread with its own connection:
// PASSIVE checkpoints never block a writer or a reader, and run on whichever core is free.
//
// The WAL stays bounded: a writer starts the WAL over once a checkpoint has copied all of it, and should a reader or
// a flood of writes keep the worker from catching up, past MAX_WAL_PAGES the connection checkpoints on commit again,
// as SQLite does by default, until the worker has caught up. If the worker cannot start or dies, the same.

/** How often the worker checkpoints. */
const INTERVAL_MS = 250;
/** SQLite's default autocheckpoint size, restored whenever the worker is not doing the work. */
const DEFAULT_AUTOCHECKPOINT = 1000;
/** Past this many pages in the WAL (64 MiB at 4 KiB pages) the connection checkpoints on commit again. */
const MAX_WAL_PAGES = 16_384;
/** After a reset the WAL file is cut back to this size, so a burst does not leave a large file behind. */
const JOURNAL_SIZE_LIMIT = 64 * 1024 * 1024;

// Plain CommonJS, run by the worker thread (`eval`): the studio's bundles cannot give a worker a file of their own.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
const checkpoint = (request) => {
  const [result] = db.pragma("wal_checkpoint(PASSIVE)");
  parentPort.postMessage({ log: result.log, checkpointed: result.checkpointed, busy: result.busy, request });
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on("message", (message) => {
  if (typeof message === "number") checkpoint(message);
  if (message === "stop") {
    clearInterval(timer);
    db.close();
    parentPort.close();
  }
});
`;

export interface CheckpointReport {
  /** Pages in the WAL when the checkpoint ran, and how many of them are now in the database file. */
  log: number;
  checkpointed: number;
  busy: number;
}

export interface Checkpointer {
  /** Asks for a checkpoint now; resolves with its report. */
  checkpoint(): Promise<CheckpointReport>;
  /** Stops the worker and gives checkpoints back to the connection. */
  stop(): Promise<void>;
}

/**
 * Moves `sqlite`'s checkpoints to a worker thread. Only for a connection to a file (an in-memory database has no
 * WAL); `onFailure` hears why the worker stopped, if it does, after checkpoints went back to the connection.
 */
export function startCheckpointer(sqlite: Database.Database, { intervalMs = INTERVAL_MS, onFailure }: { intervalMs?: number; onFailure?: (error: unknown) => void } = {}): Checkpointer {
  if (sqlite.memory) throw new Error("An in-memory database has no WAL to checkpoint.");
  // Resolved here, where node_modules is known: the worker's own `require` would look from its eval'd script.
  const driver = createRequire(path.join(process.cwd(), "package.json")).resolve("better-sqlite3");
  sqlite.pragma(`journal_size_limit = ${JOURNAL_SIZE_LIMIT}`);
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file: sqlite.name, driver, intervalMs } });
  worker.unref();
  let autocheckpoint = -1;
  const setAutocheckpoint = (pages: number) => {
    if (pages === autocheckpoint || !sqlite.open) return;
    sqlite.pragma(`wal_autocheckpoint = ${pages}`);
    autocheckpoint = pages;
  };
  setAutocheckpoint(0);
  const waiting = new Map<number, (report: CheckpointReport) => void>();
  let requests = 0;
  let stopped = false;
  worker.on("message", ({ request, ...report }: CheckpointReport & { request?: number }) => {
    setAutocheckpoint(report.log > MAX_WAL_PAGES ? DEFAULT_AUTOCHECKPOINT : 0);
    if (request === undefined) return;
    waiting.get(request)?.(report);
    waiting.delete(request);
  });
  let failed = false;
  const fail = (error: unknown) => {
    setAutocheckpoint(DEFAULT_AUTOCHECKPOINT);
    if (stopped || failed) return;
    failed = true;
    // An error thrown in the worker arrives cloned, and a SqliteError as a plain object with only its code.
    const { message, code } = (error ?? {}) as { message?: unknown; code?: unknown };
    onFailure?.(new Error(`the checkpoint worker failed: ${[code, message].filter((part) => typeof part === "string").join(": ") || String(error)}`));
  };
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    worker.once("exit", (code) => {
      exited = true;
      fail(new Error(`the checkpoint worker exited with code ${code}`));
      resolve();
    }),
  );
  worker.on("error", fail);
  return {
    checkpoint: () =>
      new Promise((resolve) => {
        waiting.set(++requests, resolve);
        worker.postMessage(requests);
      }),
    stop: async () => {
      stopped = true;
      setAutocheckpoint(DEFAULT_AUTOCHECKPOINT);
      if (!exited) worker.postMessage("stop");
      await exit;
    },
  };
}
