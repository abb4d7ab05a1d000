// A separate process running the eval worker against the shared database file (DATABASE_URL), for the
// crash-and-resume test: it can be SIGKILLed mid-run like a real server. Exits when the run has finished.
// Usage: tsx --conditions=react-server lib/testing/eval-worker-process.ts <runId>
import { getDb } from "@/db";
import { findEvalRun } from "@/lib/evals/runs/queries";
import { startEvalWorker } from "@/lib/evals/runs/worker";

const runId = process.argv[2];
if (!runId) {
  console.error("usage: eval-worker-process <runId>");
  process.exit(2);
}
startEvalWorker({ pollMs: 100, heartbeatMs: 200, staleMs: Number(process.env.EVAL_STALE_MS ?? 30_000) });
setInterval(() => {
  void findEvalRun(getDb(), { runId }).then((run) => {
    if (run?.status === "completed" || run?.status === "failed" || run?.status === "cancelled") process.exit(0);
  });
}, 100);
