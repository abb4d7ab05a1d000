import "server-only";
import type { DbOrTx } from "@/db";
import type { Environment } from "@/db/schema";
import { aggregateTarget, latestCompletedTarget } from "@/lib/evals/server";

// The eval gate of an environment: a dataset and a minimum pass rate (a percentage) that the candidate version's
// latest completed evaluation on that dataset must reach before a promotion is approved. No completed evaluation
// means the gate is not met: "better" must be a number before it ships.
//
// The rate is the run page's: passed / scored cases. Unscored cases (no scorer at all) are neither passes nor
// failures and are left out, so the gate reads the same number as the evaluation it links to; the card says how
// many were left out. An evaluation that scored no case at all does not meet the gate: nothing was checked.

export type EvalGateResult =
  | { status: "none" }
  | { status: "no-evaluation"; datasetId: string; minPassRate: number }
  | { status: "no-scored-cases"; datasetId: string; minPassRate: number; unscored: number; runId: string }
  | { status: "passed" | "failed"; datasetId: string; minPassRate: number; passRate: number; unscored: number; runId: string };

/** `db`: the approval's transaction, when the gate decides it (on Postgres a read through getDb() would be outside it). */
export async function checkEvalGate(
  environment: Pick<Environment, "gateDatasetId" | "gateMinPassRate">,
  candidate: { promptId: string; version: number },
  db?: DbOrTx,
): Promise<EvalGateResult> {
  if (!environment.gateDatasetId || environment.gateMinPassRate == null) return { status: "none" };
  const gate = { datasetId: environment.gateDatasetId, minPassRate: environment.gateMinPassRate };
  const latest = await latestCompletedTarget({ ...candidate, datasetId: gate.datasetId }, db);
  if (!latest) return { status: "no-evaluation", ...gate };
  const aggregate = await aggregateTarget(latest.targetId, db);
  if (aggregate.passRate === null) return { status: "no-scored-cases", ...gate, unscored: aggregate.unscored, runId: latest.runId };
  // Percentages with one decimal, compared as shown, so "90%" never fails a 90% gate by a rounding hair.
  const passRate = Math.round(aggregate.passRate * 1000) / 10;
  return { status: passRate >= gate.minPassRate ? "passed" : "failed", ...gate, passRate, unscored: aggregate.unscored, runId: latest.runId };
}

export function gateBlocksApproval(result: EvalGateResult): boolean {
  return result.status === "failed" || result.status === "no-evaluation" || result.status === "no-scored-cases";
}

export function describeGateBlock(result: EvalGateResult, version: number, environmentName: string): string {
  if (result.status === "no-evaluation") return `v${version} has no completed evaluation on the gate dataset of ${environmentName}. Run one first.`;
  if (result.status === "no-scored-cases") {
    return `v${version}'s latest evaluation on the gate dataset of ${environmentName} scored no case (${result.unscored} unscored): add scorers and run it again.`;
  }
  if (result.status === "failed") return `v${version} passed ${result.passRate}% on the gate dataset of ${environmentName}; it needs at least ${result.minPassRate}%.`;
  return "";
}
