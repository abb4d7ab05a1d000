// A server process without Next, for process-level tests: boots like the studio does (lib/boot/boot.ts: env,
// database, eval and webhook workers, their shutdown hooks) and shuts down gracefully on SIGTERM/SIGINT like
// server.ts. With a run id, it also exits once that run has finished. With SERVE_DELIVERY=1 it also answers the
// delivery API on a port of its own, printed as "delivery <url>" (the API's fast path and handler, as in server.ts).
// Usage: tsx --conditions=react-server lib/testing/boot-process.ts [runId]
import { getDb } from "@/db";
import { findEvalRun } from "@/lib/evals/runs/queries";
import { boot } from "@/lib/boot/boot";
import { exitGracefullyOnSignals } from "@/lib/platform/ops/shutdown";

async function main() {
  await boot();
  exitGracefullyOnSignals();
  if (process.env.SERVE_DELIVERY === "1") {
    const { startDeliveryServer } = await import("./delivery-server");
    console.log(`delivery ${(await startDeliveryServer()).baseUrl}`);
  }
  console.log("booted");

  const runId = process.argv[2];
  if (runId) {
    setInterval(() => {
      void findEvalRun(getDb(), { runId }).then((run) => {
        if (run?.status === "completed" || run?.status === "failed" || run?.status === "cancelled") process.exit(0);
      });
    }, 100);
  } else {
    setInterval(() => {}, 60_000);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
