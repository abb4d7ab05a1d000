import type { Environment } from "@/db/schema";

// The eval gate of a protected environment: a dataset and a minimum pass rate the candidate must reach before
// a promotion can be approved. The configuration is stored now (environments.gate_*); evaluations do not exist
// yet, so there is no result to compare and the gate reports itself as "awaiting evaluations" instead of
// pretending to pass. When eval runs land, `checkEvalGate` reads the candidate's latest run on the dataset.

export type EvalGateResult =
  | { status: "none" }
  | { status: "awaiting-evaluations"; datasetId: string; minPassRate: number }
  | { status: "passed" | "failed"; datasetId: string; minPassRate: number; passRate: number };

export function checkEvalGate(environment: Pick<Environment, "gateDatasetId" | "gateMinPassRate">): EvalGateResult {
  if (!environment.gateDatasetId || environment.gateMinPassRate == null) return { status: "none" };
  return { status: "awaiting-evaluations", datasetId: environment.gateDatasetId, minPassRate: environment.gateMinPassRate };
}

/** Whether the gate blocks approval. Awaiting evaluations does not block, because no run can exist yet. */
export function gateBlocksApproval(result: EvalGateResult): boolean {
  return result.status === "failed";
}
