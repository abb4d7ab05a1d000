// A separate process running the optimization worker against the shared database file (DATABASE_URL), for the
// crash-and-resume test: it can be SIGKILLed mid-optimization like a real server. Exits when the run has ended.
// Usage: tsx --conditions=react-server lib/testing/optimizer-worker-process.ts <runId>
import { getDb } from "@/db";
import { findOptimization } from "@/lib/optimizer/queries";
import { startOptimizationWorker } from "@/lib/optimizer/worker";

const runId = process.argv[2];
if (!runId) {
  console.error("usage: optimizer-worker-process <runId>");
  process.exit(2);
}
startOptimizationWorker({ pollMs: 100, heartbeatMs: 200, staleMs: Number(process.env.OPTIMIZER_STALE_MS ?? 30_000) });
setInterval(() => {
  void findOptimization(getDb(), { runId }).then((run) => {
    if (run?.status === "completed" || run?.status === "failed" || run?.status === "cancelled") process.exit(0);
  });
}, 100);
