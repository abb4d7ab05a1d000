// What the gates of a protected environment answered for one candidate (issue 19): client-safe types the approval
// card reads. compliance-gates.ts computes them.
import type { EvalGateResult } from "./eval-gate";

export type GateName = "eval-pass-rate" | "no-lint-errors" | "attack-success-rate" | "cost-per-call" | "p95-latency";

export type ComplianceGateResult =
  | { gate: "no-lint-errors"; status: "passed" | "failed"; errors: number; warnings: number }
  | { gate: "attack-success-rate"; status: "passed" | "failed" | "no-run"; max: number; rate: number | null; scored: number; succeeded: number; runId: string | null }
  | {
      gate: "cost-per-call";
      status: "passed" | "failed" | "no-run" | "no-data";
      maxUsd: number;
      meanUsd: number | null;
      priced: number;
      calls: number;
      runId: string | null;
      monthlyVolume: number | null;
      projectedMonthlyUsd: number | null;
    }
  | { gate: "p95-latency"; status: "passed" | "failed" | "no-run" | "no-data"; maxMs: number; p95Ms: number | null; runId: string | null };

export interface GateCheck {
  eval: EvalGateResult;
  compliance: ComplianceGateResult[];
  /** The gates that block approval (only an admin's override lets it through). */
  failed: GateName[];
}

export const GATE_LABELS: Record<GateName, string> = {
  "eval-pass-rate": "Eval pass rate",
  "no-lint-errors": "No linter errors",
  "attack-success-rate": "Red-team attack success rate",
  "cost-per-call": "Cost per call",
  "p95-latency": "p95 latency",
};

/** Dollars as a reviewer reads them: three significant digits for a call's cents, whole cents for a month. */
export const formatUsd = (n: number) => (n >= 1 ? `$${n.toLocaleString("en-US", { maximumFractionDigits: 2 })}` : `$${Number(n.toPrecision(3))}`);
